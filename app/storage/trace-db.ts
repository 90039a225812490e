import { TRACE_VERSION, type Trace } from '../agent/trace';
import type { TraceFileResult } from '../agent/trace-file';
import {
  isListed,
  openUmiDb,
  StorageError,
  type StoredTrace,
  storageError,
  type TraceSummary,
  traceSummary,
} from './db';

export type { StoredTrace, TraceSummary } from './db';

/**
 * Saved runs: the full trace in `traces`, what the list shows of it in `summaries`. Every write
 * changes both in one transaction. Lists, counts and the interrupted-run check read summaries
 * only; a full trace is read by id when it is opened, exported or replayed, and upgraded then.
 */

/** The browser refused to store more (QuotaExceededError): the user must free space. */
export class StorageFullError extends StorageError {
  override name = 'StorageFullError';
}

/** Gives up a transaction that failed half-way, so neither store keeps half of a change. */
function abandon(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => undefined); // its rejection is the error already being reported
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser (a full disk aborts the commit itself).
  }
}

export async function saveTrace(trace: Trace, title?: string): Promise<void> {
  try {
    const tx = (await openUmiDb()).transaction(['traces', 'summaries'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    try {
      const traces = tx.objectStore('traces');
      const summaries = tx.objectStore('summaries');
      // The title lives in the summary: reading it there does not load the trace saved before.
      const kept = (await summaries.get(trace.id))?.title;
      const stored: StoredTrace = {
        id: trace.id,
        title: title ?? kept ?? trace.task,
        trace,
        updatedAt: trace.updatedAt,
      };
      writes.push(traces.put(stored));
      writes.push(summaries.put(traceSummary(stored)));
      // A full disk fails the commit, not the put: only the transaction's end says it was stored.
      await Promise.all([...writes, tx.done]);
    } catch (error) {
      // A put that threw at once leaves the earlier one to fail with the abort: not news.
      for (const write of writes) write.catch(() => undefined);
      abandon(tx);
      throw error;
    }
  } catch (error) {
    if ((error as Error | undefined)?.name === 'QuotaExceededError')
      throw new StorageFullError(storageError(error).message);
    throw storageError(error);
  }
}

export interface SavedRunsPage {
  /** The newest `limit` runs this page can read, newest first. */
  runs: TraceSummary[];
  /** How many runs this page can read (the list may show fewer). */
  listed: number;
  /** Runs kept but not listed: made by a newer page, or damaged. */
  hidden: number;
}

/** One page of the Saved runs list, from summaries only (newest first, through the updatedAt index). */
export async function listSavedRuns(limit: number): Promise<SavedRunsPage> {
  const tx = (await openUmiDb()).transaction('summaries');
  const summaries = tx.store;
  const runs: TraceSummary[] = [];
  let cursor = await summaries.index('updatedAt').openCursor(null, 'prev');
  while (cursor && runs.length < limit) {
    if (isListed(cursor.value)) runs.push(cursor.value);
    cursor = await cursor.continue();
  }
  const [listed, all] = await Promise.all([
    summaries.index('version').count(IDBKeyRange.bound(1, TRACE_VERSION)),
    summaries.count(),
  ]);
  await tx.done;
  return { runs, listed, hidden: all - listed };
}

/**
 * Whether the two stores disagree: traces minus summaries, 0 when every trace has its summary.
 * Counting the traces walks their store (tens of ms for 2 000 long runs, off the main thread),
 * so this runs once per page load, not on every refresh.
 */
export async function summariesDrift(): Promise<number> {
  const tx = (await openUmiDb()).transaction(['traces', 'summaries']);
  const [traces, summaries] = await Promise.all([
    tx.objectStore('traces').count(),
    tx.objectStore('summaries').count(),
  ]);
  await tx.done;
  return traces - summaries;
}

/**
 * Makes the summaries match the traces again when something wrote one store without the
 * other (a test seeding the database, a browser that lost half of a write): a trace without
 * a summary gets one, a summary without a trace goes. Reads keys, and only the traces that
 * lack a summary.
 */
export async function repairSummaries(): Promise<void> {
  const tx = (await openUmiDb()).transaction(['traces', 'summaries'], 'readwrite');
  const traces = tx.objectStore('traces');
  const summaries = tx.objectStore('summaries');
  const [traceIds, summaryIds] = await Promise.all([traces.getAllKeys(), summaries.getAllKeys()]);
  const summarised = new Set(summaryIds);
  const stored = new Set(traceIds);
  for (const id of traceIds) {
    if (summarised.has(id)) continue;
    const record = await traces.get(id);
    if (record) await summaries.put(traceSummary(record));
  }
  for (const id of summaryIds) if (!stored.has(id)) await summaries.delete(id);
  await tx.done;
}

/** Runs left `running` (the page went away mid-run) that this page can read: from summaries. */
export async function listRunningIds(): Promise<string[]> {
  const running = await (await openUmiDb()).getAllFromIndex('summaries', 'status', 'running');
  return running.filter(isListed).map((s) => s.id);
}

/** The ids of every run this page can read, newest first (the training-data export of all runs). */
export async function listReadableIds(): Promise<string[]> {
  const ids: string[] = [];
  const index = (await openUmiDb()).transaction('summaries').store.index('updatedAt');
  for (let cursor = await index.openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
    if (isListed(cursor.value)) ids.push(cursor.value.id);
  }
  return ids;
}

/**
 * One stored run, read by id and upgraded to the current trace version now (lazily: older
 * runs stay stored as they were until they are saved again). A run that turns out unreadable
 * is marked so in its summary: the list then counts it as hidden instead of offering it.
 * Undefined when no such run is stored.
 */
export async function loadTrace(id: string): Promise<TraceFileResult | undefined> {
  const database = await openUmiDb();
  const stored = await database.get('traces', id);
  if (!stored) return undefined;
  // Loaded here, on first use: the trace validator is not part of the page's first load.
  const { upgradeStoredTrace } = await import('../agent/trace-file');
  const upgraded = upgradeStoredTrace(stored.trace);
  if (!upgraded.ok) {
    const version = (stored.trace as { version?: unknown } | undefined)?.version;
    const newer = typeof version === 'number' && version > TRACE_VERSION;
    // Best effort: a summary that cannot be marked now is marked on the next open.
    await database
      .put('summaries', { ...traceSummary(stored), version: newer ? version : 0 })
      .catch(() => undefined);
  }
  return upgraded;
}

/** Whether any run, readable here or not, is stored under `id` (an import must never overwrite one). */
export async function hasTrace(id: string): Promise<boolean> {
  return (await (await openUmiDb()).getKey('traces', id)) !== undefined;
}

export async function renameTrace(id: string, title: string): Promise<void> {
  // One transaction: a save of the live run cannot land between the read and the write.
  const tx = (await openUmiDb()).transaction(['traces', 'summaries'], 'readwrite');
  const traces = tx.objectStore('traces');
  const stored = await traces.get(id);
  if (stored) {
    const renamed = { ...stored, title };
    const summary = (await tx.objectStore('summaries').get(id)) ?? traceSummary(renamed);
    await Promise.all([traces.put(renamed), tx.objectStore('summaries').put({ ...summary, title })]);
  }
  await tx.done;
}

export async function deleteTrace(id: string): Promise<void> {
  const tx = (await openUmiDb()).transaction(['traces', 'summaries'], 'readwrite');
  await Promise.all([tx.objectStore('traces').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
}
