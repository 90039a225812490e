import { openUmiDb, type StoredUserTool, storageError } from './db';

export type { StoredUserTool } from './db';

export async function loadUserTools(): Promise<StoredUserTool[]> {
  return (await openUmiDb()).getAll('tools');
}

export async function saveUserTool(tool: StoredUserTool): Promise<void> {
  try {
    await (await openUmiDb()).put('tools', tool);
  } catch (error) {
    throw storageError(error);
  }
}

/** Saves several tools in one transaction: all of them or none. */
export async function saveUserTools(tools: readonly StoredUserTool[]): Promise<void> {
  try {
    const tx = (await openUmiDb()).transaction('tools', 'readwrite');
    await Promise.all([...tools.map((t) => tx.store.put(t)), tx.done]);
  } catch (error) {
    throw storageError(error);
  }
}

export async function deleteUserTool(name: string): Promise<void> {
  await (await openUmiDb()).delete('tools', name);
}
