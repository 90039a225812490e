import type { Trace } from '../agent/trace';
import { upgradeStoredTrace } from '../agent/trace-file';
import { openUmiDb, type StoredTrace, storageError } from './db';

export type { StoredTrace } from './db';

export async function saveTrace(trace: Trace, title?: string): Promise<void> {
  try {
    const store = (await openUmiDb()).transaction('traces', 'readwrite').store;
    const existing = await store.get(trace.id);
    await store.put({
      id: trace.id,
      title: title ?? existing?.title ?? trace.task,
      trace,
      updatedAt: trace.updatedAt,
    });
  } catch (error) {
    throw storageError(error);
  }
}

/**
 * Newest first, upgraded to the current trace version. A trace this page cannot read (made by
 * a newer version, e.g. before an update was reloaded) stays stored, untouched, but is not listed.
 */
export async function listTraces(): Promise<StoredTrace[]> {
  const all = await (await openUmiDb()).getAllFromIndex('traces', 'updatedAt');
  const usable: StoredTrace[] = [];
  for (const stored of all.reverse()) {
    const upgraded = upgradeStoredTrace(stored.trace);
    if (upgraded.ok)
      usable.push(upgraded.trace === stored.trace ? stored : { ...stored, trace: upgraded.trace });
  }
  return usable;
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
