import type { NamedErrorData } from '../../agent/types';

/**
 * The sandbox's contract, shared by the QuickJS runner (`quickjs-run.ts`), the worker, the
 * bridge and the console API. Plain data only: every value here crosses a worker boundary.
 */

/**
 * - `script`: `code` is a classic script; the result is the value of its last expression
 *   (what `run_javascript` returns). A Promise as that value is settled first.
 * - `tool`: `code` is the source of a user tool. It is evaluated as a classic script and must
 *   define a function `run` (`function run(args) {…}` or `const run = (args) => …`); `run` is
 *   then called once with `args`, and its return value (or what its Promise resolves to) is
 *   the result.
 */
export type SandboxMode = 'script' | 'tool';

export interface SandboxRunOptions {
  /** Default `script`. */
  mode?: SandboxMode;
  /** Wall-clock budget of the code, enforced inside QuickJS by an interrupt handler. Default 2000. */
  timeoutMs?: number;
  /** QuickJS heap limit in MiB. Default 32. */
  memoryMb?: number;
  /** QuickJS stack limit in KiB (bounds recursion). Default 256. */
  stackKb?: number;
  /** JSON-serialisable data, deep-frozen in the sandbox as the global `args` (and `run`'s argument). */
  args?: unknown;
  /** Longest result text (JSON text for non-strings), marker included. Default 16 384. */
  maxOutputChars?: number;
  /**
   * What happens to a longer result. `truncate` (default): the value becomes its text cut to
   * fit, ending with `[output truncated: showing N of M characters]`, like the tool runner does.
   * `error`: the run fails with `SandboxOutputTooLargeError`.
   */
  oversize?: 'truncate' | 'error';
}

/** What the bridge adds: a hard cancel. Not sent to the worker. */
export interface SandboxCallOptions extends SandboxRunOptions {
  /** Aborting terminates the worker (the code is killed mid-run) and starts a fresh one. */
  signal?: AbortSignal;
}

/**
 * `value` is plain JSON data (parsed on the host from `JSON.stringify` run inside QuickJS),
 * absent when the result has no JSON form (`undefined`, a function). `logs` are the captured
 * `console.*` lines, also on failure. `durationMs` is the time the call took in the sandbox.
 */
export type SandboxRunResult =
  | { ok: true; value?: unknown; logs: string[]; durationMs: number }
  | { ok: false; error: NamedErrorData; logs: string[]; durationMs: number };

/** Defaults and the range each limit is clamped to. */
export const SANDBOX_LIMITS = {
  timeoutMs: { default: 2_000, min: 1, max: 60_000 },
  memoryMb: { default: 32, min: 1, max: 256 },
  stackKb: { default: 256, min: 16, max: 1_024 },
  maxOutputChars: { default: 16_384, min: 256, max: 1_048_576 },
} as const;

/** A limit from the options, or its default when absent or not a number, within its range. */
export function clampLimit(
  value: number | undefined,
  limit: { default: number; min: number; max: number },
): number {
  if (value === undefined || !Number.isFinite(value)) return limit.default;
  return Math.min(limit.max, Math.max(limit.min, Math.floor(value)));
}

/** Captured console output: at most this many lines, each at most `MAX_LOG_LINE_CHARS` long. */
export const MAX_LOG_LINES = 200;
export const MAX_LOG_LINE_CHARS = 1_000;
/** Total characters of captured logs; what comes after is dropped with a marker line. */
export const MAX_LOG_CHARS = 16_384;
export const LOGS_DROPPED_MARKER = '[more log output dropped]';

/** Same wording as the tool runner's marker, so an observation reads the same either way. */
export function truncationMarker(shown: number, total: number): string {
  return `\n[output truncated: showing ${shown} of ${total} characters]`;
}
