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
  const db = await openUmiDb();
  const stored = await db.get('traces', id);
  if (stored) await db.put('traces', { ...stored, title });
}

export async function deleteTrace(id: string): Promise<void> {
  await (await openUmiDb()).delete('traces', id);
}
