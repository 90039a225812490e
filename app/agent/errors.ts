import type { NamedErrorData } from './types';

/** The run (or one generation) was stopped by the user. */
export class AbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'Stopped by the user.') {
    super(message);
  }
}

/** A role was needed by the run mode but no model was given for it. */
export class MissingModelError extends Error {
  override name = 'MissingModelError';
}

/** The caller's output could not be turned into a valid tool call. */
export class CallerOutputError extends Error {
  override name = 'CallerOutputError';
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error instanceof AbortError);
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Errors cross worker and storage boundaries as plain `{name, message}` data. */
export function toErrorData(error: unknown): NamedErrorData {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  if (typeof error === 'object' && error !== null) {
    const { name, message } = error as { name?: unknown; message?: unknown };
    if (typeof message === 'string')
      return { name: typeof name === 'string' && name ? name : 'Error', message };
  }
  return { name: 'Error', message: safeString(error) };
}
