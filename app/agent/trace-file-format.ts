import type { Trace } from './trace';

/**
 * The trace file's envelope, apart from its validation (trace-file.ts): writing a file needs
 * only this, so the page's first load does not carry the trace validator, which is loaded
 * when a file is read or a stored run needs upgrading.
 */
export const TRACE_FILE_FORMAT = 'umi-lab.trace';
/** Files over this size are refused; callers should also check `File.size` before reading. */
export const MAX_TRACE_FILE_BYTES = 20 * 1024 * 1024;

/**
 * JSON has no NaN or Infinity (JSON.stringify writes `null`, which the schema then refuses):
 * a measurement that came out non-finite (e.g. tokens/s of a zero-length decode) is written
 * as 0, the value the trace uses for "not measured".
 */
const finiteNumbers = (_key: string, value: unknown) =>
  typeof value === 'number' && !Number.isFinite(value) ? 0 : value;

/** A trace as a versioned JSON file (the export format). */
export function traceFileText(trace: Trace, exportedAt: Date = new Date()): string {
  return JSON.stringify(
    { format: TRACE_FILE_FORMAT, version: trace.version, exportedAt: exportedAt.toISOString(), trace },
    finiteNumbers,
    2,
  );
}
