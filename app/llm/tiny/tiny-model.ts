import type { ToolDocStyle } from '../../agent/dialects/alpha-umi/prompts';
import { AbortError } from '../../agent/errors';
import type { GenerateRequest, GenerateResult, LoadProgress, RoleModel } from '../../agent/types';
import { WorkerCrashedError } from '../webllm/engine-errors';
import type { TinyModelConfig } from './decoder';
import { type TinyWorkerRequest, type TinyWorkerResult, toTinyRequest } from './protocol';

/** The part of the tiny worker's API the bridge calls; tests pass a fake with this shape. */
export interface TinyWorkerPort {
  load(spec: {
    modelUrl: string;
    tokenizerUrl: string;
    config: TinyModelConfig;
  }): Promise<{ loadMs: number; bytes: number }>;
  generate(request: TinyWorkerRequest, onDeltas: (text: string) => void): Promise<TinyWorkerResult>;
  interrupt(): Promise<void>;
  unload(): Promise<void>;
  benchDecode?(
    prompt: string,
    steps: number,
  ): Promise<{ promptTokens: number; prefillMs: number; steps: number; decodeMs: number }>;
}

export type TinyWorkerFactory = () => {
  port: TinyWorkerPort;
  terminate(): void;
  onCrash(listener: (message: string) => void): void;
};

export interface TinyRoleModelOptions {
  /** Stable id, e.g. `tiny-glpft-planner`. */
  id: string;
  label: string;
  modelUrl: string;
  tokenizerUrl: string;
  config: TinyModelConfig;
}

/**
 * One tiny α-UMi model in its own worker, behind `RoleModel` (STYLE.md #3). Its prompts list
 * the tools in the `compact` style the models were trained on.
 */
export class TinyRoleModel implements RoleModel {
  readonly kind = 'tiny' as const;
  readonly toolDocs: ToolDocStyle = 'compact';
  readonly id: string;
  readonly label: string;
  private worker: ReturnType<TinyWorkerFactory> | undefined;
  private loaded: Promise<void> | undefined;
  private readonly inFlight = new Set<(error: Error) => void>();

  constructor(
    private readonly factory: TinyWorkerFactory,
    private readonly options: TinyRoleModelOptions,
  ) {
    this.id = options.id;
    this.label = options.label;
  }

  get isLoaded(): boolean {
    return this.loaded !== undefined;
  }

  private ensureWorker(): ReturnType<TinyWorkerFactory> {
    if (this.worker) return this.worker;
    const worker = this.factory();
    worker.onCrash((message) => {
      const error = new WorkerCrashedError(`The tiny model worker for ${this.id} stopped: ${message}.`);
      this.worker = undefined;
      this.loaded = undefined;
      for (const reject of this.inFlight) reject(error);
    });
    this.worker = worker;
    return worker;
  }

  private guarded<T>(call: (port: TinyWorkerPort) => Promise<T>): Promise<T> {
    const worker = this.ensureWorker();
    let rejecter: ((error: Error) => void) | undefined;
    return new Promise<T>((resolve, reject) => {
      rejecter = reject;
      this.inFlight.add(reject);
      call(worker.port).then(resolve, reject);
    }).finally(() => {
      if (rejecter) this.inFlight.delete(rejecter);
    });
  }

  load(options: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}): Promise<void> {
    if (options.signal?.aborted) return Promise.reject(new AbortError('Loading was cancelled.'));
    this.loaded ??= this.guarded((port) =>
      port.load({
        modelUrl: this.options.modelUrl,
        tokenizerUrl: this.options.tokenizerUrl,
        config: this.options.config,
      }),
    ).then(
      () => options.onProgress?.({ progress: 1, text: 'loaded' }),
      (error) => {
        this.loaded = undefined;
        throw error;
      },
    );
    return this.loaded;
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const tinyRequest = toTinyRequest(request);
    await this.load();
    // A worker that died after loading left nothing loaded: start and load a new one.
    if (!this.worker) await this.load();
    const { signal } = request;
    if (signal?.aborted) throw new AbortError('The generation was stopped.');
    const onAbort = () => void this.worker?.port.interrupt();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await this.guarded((port) =>
        port.generate(tinyRequest, (text) => {
          if (!signal?.aborted) request.onDelta?.(text);
        }),
      );
      if (signal?.aborted) throw new AbortError('The generation was stopped.');
      return { text: result.text, usage: result.usage, finishReason: result.finishReason };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async interrupt(): Promise<void> {
    await this.worker?.port.interrupt();
  }
}
