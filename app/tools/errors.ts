import { SANDBOX_ERROR_NAMES } from './sandbox/errors';
/**
 * Named errors of the tools layer (STYLE.md #6). The runner never throws them at the
 * orchestrator: they come back as `{ ok: false, error: { name, message } }`, and the UI maps
 * each name to a sentence. The message is also what the models read as the observation, so
 * it says what went wrong in words a small model can act on.
 */

/** The model called a tool that is not registered or not enabled. */
export class UnknownToolError extends Error {
  override name = 'UnknownToolError';
}

/** The arguments do not fit the tool's JSON Schema; the message names the argument. */
export class ToolArgumentsError extends Error {
  override name = 'ToolArgumentsError';
}

/** The tool did not finish within its time budget; its signal was aborted. */
export class ToolTimeoutError extends Error {
  override name = 'ToolTimeoutError';
}

/** The caller's signal aborted (the user pressed Stop) before or while the tool ran. */
export class ToolAbortedError extends Error {
  override name = 'ToolAbortedError';
}

/** The tool itself failed: a thrown error, a math syntax error, a unit mismatch... */
export class ToolRuntimeError extends Error {
  override name = 'ToolRuntimeError';
}

/** The tool's output is larger than the runner allows (only when truncation is turned off). */
export class ToolOutputTooLargeError extends Error {
  override name = 'ToolOutputTooLargeError';
}

/** The tool returned something that cannot be turned into JSON (a BigInt, a cycle...). */
export class ToolOutputInvalidError extends Error {
  override name = 'ToolOutputInvalidError';
}

/** A tool could not be registered: bad name, bad schema, or a name already taken. */
export class ToolDefinitionError extends Error {
  override name = 'ToolDefinitionError';
}

/**
 * Names a tool may throw and have passed through unchanged. Matched by name, not by
 * `instanceof`: errors that crossed a worker boundary (comlink) are plain `Error`s with
 * their `name` restored, not instances of these classes.
 */
export const TOOL_ERROR_NAMES: ReadonlySet<string> = new Set([
  'UnknownToolError',
  'ToolArgumentsError',
  'ToolTimeoutError',
  'ToolAbortedError',
  'ToolRuntimeError',
  'ToolOutputTooLargeError',
  'ToolOutputInvalidError',
  // The sandbox's own errors pass through with their names, so the planner reads
  // "SandboxTimeoutError: …" rather than a generic runtime error.
  ...SANDBOX_ERROR_NAMES,
]);

/** The observation text for an unknown tool, worded as ToolBench/GLPFT traces word it. */
export function unknownToolMessage(name: string): string {
  return `No such function name: ${name}`;
}

/** Errors become plain `{ name, message }` data in one place: the agent core. */
export { toErrorData } from '../agent/errors';
