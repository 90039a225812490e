/**
 * Named errors of the JavaScript sandbox (STYLE.md #6). They reach the page as
 * `{ name, message }` data in a `SandboxRunResult`; the executor and `run_javascript` rethrow
 * them as these classes so the tool runner can pass the name on to the planner.
 */

/** The code did not finish within its time limit (a runaway loop); it was interrupted or its worker killed. */
export class SandboxTimeoutError extends Error {
  override name = 'SandboxTimeoutError';
}

/** The code ran out of heap (a memory bomb) or of stack (runaway recursion). */
export class SandboxMemoryError extends Error {
  override name = 'SandboxMemoryError';
}

/** The code does not parse; the message names the line and column. */
export class SandboxSyntaxError extends Error {
  override name = 'SandboxSyntaxError';
}

/** The code threw: the message is the JavaScript error, e.g. `ReferenceError: 'fetch' is not defined`. */
export class SandboxRuntimeError extends Error {
  override name = 'SandboxRuntimeError';
}

/** The result is larger than allowed and the call asked for an error instead of truncation. */
export class SandboxOutputTooLargeError extends Error {
  override name = 'SandboxOutputTooLargeError';
}

/** The sandbox itself failed (the worker died or could not start, QuickJS aborted); it was restarted. */
export class SandboxCrashedError extends Error {
  override name = 'SandboxCrashedError';
}

/** The call was cancelled through its `AbortSignal`; the worker was terminated and restarted. */
export class SandboxAbortedError extends Error {
  override name = 'SandboxAbortedError';
}

const CLASSES = {
  SandboxTimeoutError,
  SandboxMemoryError,
  SandboxSyntaxError,
  SandboxRuntimeError,
  SandboxOutputTooLargeError,
  SandboxCrashedError,
  SandboxAbortedError,
} as const;

/** Every name above; the tool runner passes errors with these names through unchanged. */
export const SANDBOX_ERROR_NAMES: ReadonlySet<string> = new Set(Object.keys(CLASSES));

/** Turns `{ name, message }` data from a result back into the matching error class. */
export function sandboxError(data: { name: string; message: string }): Error {
  const Class = (CLASSES as Record<string, new (message: string) => Error>)[data.name];
  if (Class) return new Class(data.message);
  const error = new Error(data.message);
  error.name = data.name;
  return error;
}
