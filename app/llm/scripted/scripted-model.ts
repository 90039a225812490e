import { AbortError } from '../../agent/errors';
import type {
  GenerateRequest,
  GenerateResult,
  LoadProgress,
  Prompt,
  Role,
  RoleModel,
  Usage,
} from '../../agent/types';
import { chunkTokens, renderScriptStep, type ScriptedTask } from './render';
import { EXAMPLE_SCRIPTS, findScript, NO_SCRIPT } from './scripts';

/** What one scripted generation does: write text, fail, or hang until it is interrupted. */
export type ScriptedOutput = string | { error: Error } | { hang: true };

export interface ScriptedModelOptions {
  id?: string;
  label?: string;
  /** Delay between streamed tokens; 0 streams as fast as the event loop allows. */
  tokenDelayMs?: number;
  /** Scripts keyed on the task (the page's demo). */
  scripts?: readonly ScriptedTask[];
  /** Fixed outputs per role, consumed in order (tests). Takes precedence over `scripts`. */
  outputs?: Partial<Record<Role, ScriptedOutput[]>>;
}

const CHARS_PER_TOKEN = 4;
const estimateTokens = (text: string) => Math.ceil(text.length / CHARS_PER_TOKEN);

function promptText(prompt: Prompt): string {
  return prompt.kind === 'text'
    ? prompt.text
    : prompt.messages.map((m) => `<${m.role}>${m.content}`).join('\n');
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A deterministic stand-in for a language model. It streams text written in advance — by
 * a script keyed on the task, or a fixed list per role — token by token, with usage numbers
 * that are estimates and marked `simulated`. It never claims to be a model: its kind is
 * `scripted` and the page labels it so.
 */
export class ScriptedModel implements RoleModel {
  readonly id: string;
  readonly label: string;
  readonly kind = 'scripted' as const;
  private readonly tokenDelayMs: number;
  private readonly scripts: readonly ScriptedTask[];
  private readonly outputs: Partial<Record<Role, ScriptedOutput[]>> | undefined;
  private readonly used: Partial<Record<Role, number>> = {};
  /** What the simulated KV cache holds: the last prompt + output, one slot like a real engine. */
  private cached = '';
  private interruptCurrent: (() => void) | undefined;

  constructor(options: ScriptedModelOptions = {}) {
    this.id = options.id ?? 'scripted-demo';
    this.label = options.label ?? 'Demo (scripted, no model)';
    this.tokenDelayMs = options.tokenDelayMs ?? 0;
    this.scripts = options.scripts ?? EXAMPLE_SCRIPTS;
    this.outputs = options.outputs;
  }

  async load(options?: { onProgress?: (p: LoadProgress) => void }): Promise<void> {
    options?.onProgress?.({ progress: 1, text: 'Scripted engine: nothing to download.' });
  }

  async interrupt(): Promise<void> {
    this.interruptCurrent?.();
  }

  /** How many generations each role has consumed (tests). */
  callCount(role: Role): number {
    return this.used[role] ?? 0;
  }

  private next(request: GenerateRequest): ScriptedOutput {
    const { role, context } = request;
    const n = this.used[role] ?? 0;
    this.used[role] = n + 1;
    if (this.outputs) {
      const list = this.outputs[role] ?? [];
      return list[n] ?? { error: new Error(`Scripted engine: no output number ${n + 1} for the ${role}.`) };
    }
    const steps = findScript(context.task, this.scripts)?.steps ?? NO_SCRIPT;
    // Past the end of its script the planner gives up rather than inventing anything.
    const step = steps[context.turn - 1] ?? {
      thought: 'The script has no more steps.',
      giveUp: true as const,
    };
    return renderScriptStep(role, context.dialect, step);
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const started = performance.now();
    const { signal } = request;
    if (signal?.aborted) throw new AbortError();
    const output = this.next(request);
    // A signal, or interrupt(), stops the stream; both end in an AbortError.
    const local = new AbortController();
    const forward = () => local.abort();
    signal?.addEventListener('abort', forward, { once: true });
    this.interruptCurrent = forward;
    try {
      if (typeof output === 'object' && 'error' in output) throw output.error;
      if (typeof output === 'object') {
        await sleep(2 ** 31 - 1, local.signal);
        throw new AbortError();
      }
      const limit = request.sampling.maxTokens;
      const tokens = chunkTokens(output);
      const emitted = tokens.slice(0, limit);
      let firstTokenAt = started;
      for (const [i, token] of emitted.entries()) {
        if (this.tokenDelayMs > 0) await sleep(this.tokenDelayMs, local.signal);
        else if (local.signal.aborted) throw new AbortError();
        if (i === 0) firstTokenAt = performance.now();
        request.onDelta?.(token);
      }
      if (local.signal.aborted) throw new AbortError();
      const text = emitted.join('');
      return {
        text,
        usage: this.usage(request, text, emitted.length, started, firstTokenAt),
        finishReason: emitted.length < tokens.length ? 'length' : 'stop',
      };
    } finally {
      signal?.removeEventListener('abort', forward);
      if (this.interruptCurrent === forward) this.interruptCurrent = undefined;
    }
  }

  private usage(
    request: GenerateRequest,
    text: string,
    tokens: number,
    started: number,
    firstAt: number,
  ): Usage {
    const prompt = promptText(request.prompt);
    // Simulates a KV cache: the prefix shared with this conversation's last prompt + output
    // is "reused"; only the rest counts as prefilled. This mirrors what WebLLM reports.
    // One model playing several roles (shared mode) switches conversations and loses the reuse.
    const reusedChars = request.prompt.kind === 'messages' ? commonPrefix(this.cached, prompt) : 0;
    this.cached = prompt + text;
    const ended = performance.now();
    const decodeS = (ended - firstAt) / 1000;
    return {
      promptTokens: estimateTokens(prompt.slice(reusedChars)),
      promptTokensReused: Math.floor(reusedChars / CHARS_PER_TOKEN),
      completionTokens: tokens,
      timeToFirstTokenMs: firstAt - started,
      decodeTokensPerSecond: decodeS > 0 ? tokens / decodeS : 0,
      wallMs: ended - started,
      simulated: true,
    };
  }
}
