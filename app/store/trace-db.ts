import type { Trace } from '../agent/trace';
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

/** Newest first. */
export async function listTraces(): Promise<StoredTrace[]> {
  const all = await (await openUmiDb()).getAllFromIndex('traces', 'updatedAt');
  return all.reverse();
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
