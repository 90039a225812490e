import type { NamedErrorData } from '../../agent/types';
import {
  clampLimit,
  SANDBOX_LIMITS,
  type SandboxCallOptions,
  type SandboxRunOptions,
  type SandboxRunResult,
} from './types';
import { type SandboxWorkerFactory, type SandboxWorkerHandle, startSandboxWorker } from './worker-factory';

/**
 * Owns the sandbox worker (STYLE.md #3): starts it on first use, runs one call at a time,
 * and kills it when it must: a call that outlives its time limit plus a margin (the
 * watchdog: QuickJS's own interrupt did not stop it, e.g. a long native BigInt operation),
 * a call whose `AbortSignal` fires (hard cancel), or a worker that reports an error. A killed
 * worker is replaced at once, so the next call finds a warm one. Every outcome is a
 * `SandboxRunResult`; `run` never rejects.
 */

export interface SandboxBridgeOptions {
  factory?: SandboxWorkerFactory;
  /**
   * Time past the call's limit before the watchdog kills the worker. Default 150 ms: QuickJS's
   * interrupt answers within a few ms of the limit (the benchmark measures 3-5 ms), so the
   * margin only has to cover a busy machine; a kill that comes too early costs a respawn.
   */
  watchdogMarginMs?: number;
  /** Longest wait for a worker to load and warm QuickJS. Default 15 000 ms. */
  startTimeoutMs?: number;
}

interface Live {
  handle: SandboxWorkerHandle;
  ready: Promise<void>;
  /** Resolves with a message when the worker reports that it failed. */
  crashed: Promise<string>;
  started: boolean;
}

type Race =
  | { kind: 'done'; result: SandboxRunResult }
  | { kind: 'rejected'; error: unknown }
  | { kind: 'ready' }
  | { kind: 'crashed'; message: string }
  | { kind: 'aborted' }
  | { kind: 'expired' };

/** Waits for the first of `promises`, a timer and an abort; cleans the timer and listener up. */
async function race(promises: Promise<Race>[], signal: AbortSignal | undefined, ms: number): Promise<Race> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stops = new Promise<Race>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'expired' }), ms);
    onAbort = () => resolve({ kind: 'aborted' });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([...promises, stops]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

export class SandboxBridge {
  readonly #factory: SandboxWorkerFactory;
  readonly #marginMs: number;
  readonly #startTimeoutMs: number;
  #live: Live | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #restarts = 0;

  constructor(options: SandboxBridgeOptions = {}) {
    this.#factory = options.factory ?? startSandboxWorker;
    this.#marginMs = options.watchdogMarginMs ?? 150;
    this.#startTimeoutMs = options.startTimeoutMs ?? 15_000;
  }

  /** How many times a worker was killed and replaced (watchdog, cancel, crash). */
  get restarts(): number {
    return this.#restarts;
  }

  /** Starts the worker if needed, so QuickJS is loaded and warm before the first call. */
  start(): Promise<void> {
    return this.#ensure().ready;
  }

  /** Runs `code` in the sandbox. Calls queue up: one runs at a time, each with its own watchdog. */
  run(code: string, options: SandboxCallOptions = {}): Promise<SandboxRunResult> {
    const result = this.#queue.then(() => this.#run(code, options));
    this.#queue = result;
    return result;
  }

  /** Kills the worker, and the call running in it; a fresh one starts at once. */
  restart(): void {
    if (this.#live) this.#replace(this.#live);
  }

  /** Terminates the worker; the next call starts a new one. */
  dispose(): void {
    this.#live?.handle.terminate();
    this.#live = undefined;
  }

  async #run(code: string, options: SandboxCallOptions): Promise<SandboxRunResult> {
    const started = performance.now();
    const { signal, ...runOptions } = options;
    const failed = (name: string, message: string): SandboxRunResult => {
      const error: NamedErrorData = { name, message };
      return { ok: false, error, logs: [], durationMs: Math.max(0, performance.now() - started) };
    };
    if (signal?.aborted) return failed('SandboxAbortedError', 'cancelled before the code ran');

    let live: Live;
    try {
      live = this.#ensure();
    } catch (error) {
      return failed('SandboxCrashedError', `the sandbox worker could not be created: ${String(error)}`);
    }
    const crashed = live.crashed.then((message): Race => ({ kind: 'crashed', message }));
    const start = await race(
      [live.ready.then((): Race => ({ kind: 'ready' })), crashed],
      signal,
      this.#startTimeoutMs,
    ).catch((error: unknown): Race => ({ kind: 'crashed', message: String(error) }));
    if (start.kind === 'aborted')
      return failed('SandboxAbortedError', 'cancelled while the sandbox was starting');
    if (start.kind !== 'ready') {
      this.#drop(live);
      const why = start.kind === 'crashed' ? start.message : `no answer within ${this.#startTimeoutMs} ms`;
      return failed('SandboxCrashedError', `the sandbox could not start: ${why}`);
    }

    const timeoutMs = clampLimit(runOptions.timeoutMs, SANDBOX_LIMITS.timeoutMs);
    const call = live.handle.port.run(code, runOptions satisfies SandboxRunOptions).then(
      (result): Race => ({ kind: 'done', result }),
      (error: unknown): Race => ({ kind: 'rejected', error }),
    );
    const outcome = await race([call, crashed], signal, timeoutMs + this.#marginMs);
    switch (outcome.kind) {
      case 'done':
        return outcome.result;
      case 'rejected':
        // Arguments that cannot be cloned fail before they reach the worker.
        if (errorName(outcome.error) === 'DataCloneError') {
          return failed(
            'SandboxRuntimeError',
            `the arguments cannot be sent to the sandbox: ${String(outcome.error)}`,
          );
        }
        this.#replace(live);
        return failed(
          'SandboxCrashedError',
          `the sandbox failed and was restarted: ${String(outcome.error)}`,
        );
      case 'crashed':
        this.#replace(live);
        return failed(
          'SandboxCrashedError',
          `the sandbox worker died (${outcome.message}) and was restarted`,
        );
      case 'aborted':
        this.#replace(live);
        return failed('SandboxAbortedError', 'cancelled: the code was stopped and the sandbox restarted');
      default:
        this.#replace(live);
        return failed(
          'SandboxTimeoutError',
          `the code did not finish within ${timeoutMs} ms; the sandbox was stopped and restarted`,
        );
    }
  }

  #ensure(): Live {
    if (this.#live) return this.#live;
    const handle = this.#factory();
    let crash: (message: string) => void = () => {};
    const crashed = new Promise<string>((resolve) => {
      crash = resolve;
    });
    handle.onCrash((message) => crash(message));
    const live: Live = { handle, ready: handle.port.ready().then(() => {}), crashed, started: false };
    live.ready.then(
      () => {
        live.started = true;
      },
      () => {},
    );
    this.#live = live;
    // A worker that dies between calls is replaced before the next call needs it; one that
    // never started is not retried in a loop (the next call tries again and says why).
    crashed.then(() => {
      if (this.#live !== live) return;
      if (live.started) this.#replace(live);
      else this.#drop(live);
    });
    return live;
  }

  /** Kills `live` and starts its replacement now, so recovery overlaps the caller's next step. */
  #replace(live: Live): void {
    live.handle.terminate();
    if (this.#live !== live) return;
    this.#live = undefined;
    this.#restarts += 1;
    try {
      this.#ensure();
    } catch {
      // The next call reports why a worker cannot be created.
    }
  }

  /** Kills a worker that failed to start, without an eager retry (that would loop). */
  #drop(live: Live): void {
    live.handle.terminate();
    if (this.#live === live) this.#live = undefined;
  }
}

let shared: SandboxBridge | undefined;

/** The page's sandbox; its worker starts on the first call (or `start()`). */
export function getSandbox(): SandboxBridge {
  shared ??= new SandboxBridge();
  return shared;
}
