/**
 * Text generation with a tiny α-UMi model exported to ONNX by scripts/train/fused_export.py:
 * `input_ids [1, new]` and the cache (kv-cache.ts) → `logits [1, 1, vocab]` and the cache
 * entries of the new positions. Works with onnxruntime-web (the page) and onnxruntime-node (tests, eval, bench): both
 * implement the same API.
 *
 * The cache is kept between calls. α-UMi prompts are rebuilt for every turn but share their
 * beginning with the last one (tool list, then the history so far), so the longest common
 * prefix of token ids is reused and only the rest is prefilled. Usage reports both parts.
 */
import { AbortError } from '../../agent/errors';
import type { FinishReason, Usage } from '../../agent/types';
import { TinyCache } from './kv-cache';
import { sampleToken, seededRandom } from './sampler';
import { EOS_ID, type TinyTokenizer } from './tokenizer';

/** The structural part of onnxruntime's API this file uses (web and node share it). */
export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}
export interface OrtSession {
  readonly inputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release?(): Promise<void>;
}
export interface OrtModule {
  Tensor: new (
    type: 'float32' | 'int64',
    data: Float32Array | BigInt64Array,
    dims: readonly number[],
  ) => OrtTensor;
}

export interface TinyModelConfig {
  vocab: number;
  dim: number;
  layers: number;
  heads: number;
  /** The longest sequence the model was trained on: prompts are cut to fit. */
  max_len: number;
}

export interface TinyGenerateOptions {
  maxTokens: number;
  temperature: number;
  topP?: number;
  seed?: number;
  /** Strings that end the output (cut off, not included), besides the end-of-turn token. */
  stop?: readonly string[];
  /** Checked between tokens: true stops the generation with finish reason `abort`. */
  interrupted?: () => boolean;
  signal?: AbortSignal;
  /** Text as it grows (only whole characters). */
  onDelta?: (delta: string) => void;
  /**
   * Lets the host's event loop run (a worker must, or an interrupt message waits until the
   * generation ends); called when 16 ms have passed since the last time.
   */
  yieldToHost?: () => Promise<void>;
  now?: () => number;
}

export interface TinyGenerateResult {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  /** Prompt tokens cut from the left so the prompt fits the model's window (0 when none). */
  truncatedTokens: number;
  /** The generated token ids, for tests against the ids recorded at export. */
  tokenIds: number[];
}

/** Room kept for the output when a prompt is cut to the window. */
const MIN_OUTPUT_ROOM = 160;

export class TinyDecoder {
  private cacheIds: number[] = [];
  private readonly cache: TinyCache;

  constructor(
    private readonly ort: OrtModule,
    private readonly session: OrtSession,
    readonly tokenizer: TinyTokenizer,
    readonly config: TinyModelConfig,
  ) {
    this.cache = new TinyCache(ort, session.inputNames, config, config.max_len);
  }

  private async step(ids: readonly number[]): Promise<Float32Array> {
    const input = new this.ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
    const out = await this.session.run({ input_ids: input, ...this.cache.feeds() });
    const logits = out.logits;
    if (!logits) throw new Error('the tiny model returned no logits');
    this.cache.append(ids, out);
    for (const id of ids) this.cacheIds.push(id);
    return logits.data as Float32Array;
  }

  /** Raw speed: prefill `prompt`, then `steps` greedy steps whatever comes out (the cache is reset before and after). */
  async bench(prompt: string, steps: number) {
    this.reset();
    const ids = this.fitPrompt(this.tokenizer.encodePrompt(prompt), steps).ids;
    const t0 = performance.now();
    let logits = await this.step(ids);
    const t1 = performance.now();
    for (let i = 0; i < steps && this.cacheIds.length < this.config.max_len; i++) {
      logits = await this.step([sampleToken(logits, { temperature: 0 }, Math.random)]);
    }
    const t2 = performance.now();
    const done = this.cacheIds.length - ids.length;
    this.reset();
    return { promptTokens: ids.length, prefillMs: t1 - t0, steps: done, decodeMs: t2 - t1 };
  }

  /** Forgets the cache (after an error, the cache may not match `cacheIds`). */
  reset(): void {
    this.cacheIds = [];
    this.cache.truncate(0);
  }

  /** Cuts a prompt to the window: `<s>` stays, the oldest tokens after it go. */
  fitPrompt(ids: readonly number[], maxTokens: number): { ids: number[]; cut: number } {
    const room = Math.min(Math.max(1, maxTokens), MIN_OUTPUT_ROOM);
    const limit = this.config.max_len - room;
    if (ids.length <= limit) return { ids: [...ids], cut: 0 };
    const cut = ids.length - limit;
    return { ids: [ids[0] as number, ...ids.slice(cut + 1)], cut };
  }

  async generate(prompt: string, options: TinyGenerateOptions): Promise<TinyGenerateResult> {
    const now = options.now ?? (() => performance.now());
    const started = now();
    const fitted = this.fitPrompt(this.tokenizer.encodePrompt(prompt), options.maxTokens);
    const ids = fitted.ids;

    // Longest common prefix with what the cache holds; at least one token must be run.
    let common = 0;
    const limit = Math.min(ids.length - 1, this.cacheIds.length);
    while (common < limit && ids[common] === this.cacheIds[common]) common++;
    this.cache.truncate(common);
    this.cacheIds = this.cacheIds.slice(0, common);

    const random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    const sampler = {
      temperature: options.temperature,
      ...(options.topP === undefined ? {} : { topP: options.topP }),
    };
    const output: number[] = [];
    let emitted = '';
    let finishReason: FinishReason = 'length';
    let firstTokenAt: number | undefined;
    let prefillMs = 0;
    const stops = options.stop ?? [];

    try {
      let logits = await this.step(ids.slice(common));
      prefillMs = now() - started;
      let lastYield = now();
      while (output.length < options.maxTokens && this.cacheIds.length < this.config.max_len) {
        if (options.yieldToHost && now() - lastYield >= 16) {
          await options.yieldToHost();
          lastYield = now();
        }
        if (options.signal?.aborted || options.interrupted?.()) {
          finishReason = 'abort';
          break;
        }
        const next = sampleToken(logits, sampler, random);
        firstTokenAt ??= now();
        if (next === EOS_ID) {
          finishReason = 'stop';
          break;
        }
        output.push(next);
        let text = this.tokenizer.decode(output);
        const stopAt = firstStop(text, stops);
        if (stopAt >= 0) text = text.slice(0, stopAt);
        // A byte-fallback character arrives in pieces: wait until it is whole.
        if (!text.endsWith('\uFFFD') && text.length > emitted.length && text.startsWith(emitted)) {
          options.onDelta?.(text.slice(emitted.length));
          emitted = text;
        }
        if (stopAt >= 0) {
          finishReason = 'stop';
          break;
        }
        logits = await this.step([next]);
      }
    } catch (error) {
      this.reset();
      throw error;
    }
    if (finishReason === 'abort' && options.signal?.aborted) {
      throw new AbortError('The generation was stopped.');
    }

    let text = this.tokenizer.decode(output);
    const stopAt = firstStop(text, stops);
    if (stopAt >= 0) text = text.slice(0, stopAt);
    if (text.length > emitted.length && text.startsWith(emitted))
      options.onDelta?.(text.slice(emitted.length));

    const ended = now();
    const decodeMs = firstTokenAt === undefined ? 0 : ended - firstTokenAt;
    const newTokens = ids.length - common;
    const usage: Usage = {
      promptTokens: newTokens,
      promptTokensReused: common,
      completionTokens: output.length,
      timeToFirstTokenMs: (firstTokenAt ?? ended) - started,
      decodeTokensPerSecond: decodeMs > 0 ? (output.length * 1000) / decodeMs : 0,
      prefillTokensPerSecond: prefillMs > 0 ? (newTokens * 1000) / prefillMs : 0,
      wallMs: ended - started,
      simulated: false,
    };
    return { text, finishReason, usage, truncatedTokens: fitted.cut, tokenIds: output };
  }
}

function firstStop(text: string, stops: readonly string[]): number {
  let first = -1;
  for (const stop of stops) {
    const at = stop ? text.indexOf(stop) : -1;
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}
