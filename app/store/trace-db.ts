import type { Trace } from '../agent/trace';
import { openUmiDb, StorageError, type StoredTrace, storageError } from './db';

export type { StoredTrace } from './db';

/** The browser refused to store more (QuotaExceededError): the user must free space. */
export class StorageFullError extends StorageError {
  override name = 'StorageFullError';
}

export async function saveTrace(trace: Trace, title?: string): Promise<void> {
  try {
    const tx = (await openUmiDb()).transaction('traces', 'readwrite');
    const existing = await tx.store.get(trace.id);
    await tx.store.put({
      id: trace.id,
      title: title ?? existing?.title ?? trace.task,
      trace,
      updatedAt: trace.updatedAt,
    });
    // A full disk fails the commit, not the put: only the transaction's end says it was stored.
    await tx.done;
  } catch (error) {
    if ((error as Error | undefined)?.name === 'QuotaExceededError')
      throw new StorageFullError(storageError(error).message);
    throw storageError(error);
  }
}

/**
 * Newest first, upgraded to the current trace version. A trace this page cannot read (made by
 * a newer version, e.g. before an update was reloaded) stays stored, untouched, but is not listed.
 */
export async function listTraces(): Promise<StoredTrace[]> {
  const all = await (await openUmiDb()).getAllFromIndex('traces', 'updatedAt');
  // Loaded here, after the first paint: the trace validator is not part of the page's first load.
  const { upgradeStoredTrace } = await import('../agent/trace-file');
  const usable: StoredTrace[] = [];
  for (const stored of all.reverse()) {
    const upgraded = upgradeStoredTrace(stored.trace);
    if (upgraded.ok)
      usable.push(upgraded.trace === stored.trace ? stored : { ...stored, trace: upgraded.trace });
  }
  return usable;
}

/** Every stored id, including runs this page cannot list (an import must never overwrite one). */
export async function listTraceIds(): Promise<string[]> {
  return (await openUmiDb()).getAllKeys('traces');
}

export async function renameTrace(id: string, title: string): Promise<void> {
  // One transaction: a save of the live run cannot land between the read and the write.
  const tx = (await openUmiDb()).transaction('traces', 'readwrite');
  const stored = await tx.store.get(id);
  if (stored) await tx.store.put({ ...stored, title });
  await tx.done;
}

export async function deleteTrace(id: string): Promise<void> {
  await (await openUmiDb()).delete('traces', id);
}
