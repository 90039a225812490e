import type { Trace } from './trace';

/**
 * The trace file's envelope, apart from its validation (trace-file.ts): writing a file needs
 * only this, so the page's first load does not carry the trace validator, which is loaded
 * when a file is read or a stored run needs upgrading.
 */
export const TRACE_FILE_FORMAT = 'umi-lab.trace';
/** Files over this size are refused; callers should also check `File.size` before reading. */
export const MAX_TRACE_FILE_BYTES = 20 * 1024 * 1024;

/** A trace as a versioned JSON file (the export format). */
export function traceFileText(trace: Trace, exportedAt: Date = new Date()): string {
  return JSON.stringify(
    { format: TRACE_FILE_FORMAT, version: trace.version, exportedAt: exportedAt.toISOString(), trace },
    null,
    2,
  );
}
