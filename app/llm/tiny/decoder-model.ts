import type { GenerateRequest, GenerateResult, LoadProgress, RoleModel } from '../../agent/types';
import type { TinyDecoder } from './decoder';
import { toTinyRequest } from './protocol';

/**
 * A tiny model in this thread, behind `RoleModel`: Node (the eval CLI, the benchmark, tests)
 * runs the decoder directly; the page uses `TinyRoleModel`, which runs it in a worker.
 */
export class DecoderRoleModel implements RoleModel {
  readonly kind = 'tiny' as const;
  readonly toolDocs = 'compact' as const;
  private stop = false;

  constructor(
    readonly id: string,
    readonly label: string,
    private readonly decoder: TinyDecoder,
  ) {}

  async load(_options?: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void }): Promise<void> {}

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const r = toTinyRequest(request);
    this.stop = false;
    const result = await this.decoder.generate(r.prompt, {
      maxTokens: r.maxTokens,
      temperature: r.temperature,
      ...(r.topP === undefined ? {} : { topP: r.topP }),
      ...(r.seed === undefined ? {} : { seed: r.seed }),
      stop: r.stop,
      interrupted: () => this.stop,
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onDelta ? { onDelta: request.onDelta } : {}),
    });
    return { text: result.text, usage: result.usage, finishReason: result.finishReason };
  }

  async interrupt(): Promise<void> {
    this.stop = true;
  }
}
