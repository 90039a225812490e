import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { SuiteResult } from '../agent/eval/suite/results';
import type { Trace, TraceStatus } from '../agent/trace';
import { type TraceSummary, traceSummary } from '../agent/trace-summary';

export { isListed, type TraceSummary, traceSummary } from '../agent/trace-summary';

import type { UserToolData } from '../tools/tool-pack';

/** A user tool as stored: the tool, whether it is enabled for runs, and when it changed. */
export interface StoredUserTool extends UserToolData {
  enabled: boolean;
  updatedAt: number;
}

/** A trace as stored, with the title the user gave it. */
export interface StoredTrace {
  id: string;
  title: string;
  trace: Trace;
  updatedAt: number;
}

/** The full run behind a suite result (kept apart so the results list loads without the traces). */
export interface StoredSuiteTrace {
  /** The result's id. */
  id: string;
  trace: Trace;
}

interface UmiDb extends DBSchema {
  tools: { key: string; value: StoredUserTool };
  traces: { key: string; value: StoredTrace; indexes: { updatedAt: number } };
  summaries: {
    key: string;
    value: TraceSummary;
    indexes: { updatedAt: number; status: TraceStatus; version: number };
  };
  suiteResults: { key: string; value: SuiteResult };
  suiteTraces: { key: string; value: StoredSuiteTrace };
}

export class StorageError extends Error {
  override name = 'StorageError';
}

const DB_NAME = 'umi-lab';
const DB_VERSION = 4;
let db: Promise<IDBPDatabase<UmiDb>> | undefined;

type UpgradeTx = IDBPTransaction<UmiDb, StoreNames<UmiDb>[], 'versionchange'>;

/**
 * Version 4: one summary per stored trace, built inside the upgrade's own transaction (all or
 * nothing: an upgrade that fails leaves version 3 and every run as they were). A cursor reads
 * one trace at a time, so no single task holds them all.
 */
async function buildSummaries(tx: UpgradeTx): Promise<void> {
  const summaries = tx.objectStore('summaries');
  let cursor = await tx.objectStore('traces').openCursor();
  while (cursor) {
    await summaries.put(traceSummary(cursor.value));
    cursor = await cursor.continue();
  }
}

/** The page's one IndexedDB database (user tools, traces, suite results), opened once. */
export function openUmiDb(): Promise<IDBPDatabase<UmiDb>> {
  if (!globalThis.indexedDB) {
    return Promise.reject(
      new StorageError('This browser has no IndexedDB: nothing can be saved on this device.'),
    );
  }
  db ??= openDB<UmiDb>(DB_NAME, DB_VERSION, {
    upgrade(database, _oldVersion, _newVersion, tx) {
      if (!database.objectStoreNames.contains('tools'))
        database.createObjectStore('tools', { keyPath: 'name' });
      if (!database.objectStoreNames.contains('traces')) {
        database.createObjectStore('traces', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      }
      // Version 3: task-suite results and their runs. Earlier stores and their data are kept as they are.
      if (!database.objectStoreNames.contains('suiteResults'))
        database.createObjectStore('suiteResults', { keyPath: 'id' });
      if (!database.objectStoreNames.contains('suiteTraces'))
        database.createObjectStore('suiteTraces', { keyPath: 'id' });
      // Version 4: a summary per saved run, built from the traces already stored.
      if (!database.objectStoreNames.contains('summaries')) {
        const summaries = database.createObjectStore('summaries', { keyPath: 'id' });
        summaries.createIndex('updatedAt', 'updatedAt');
        summaries.createIndex('status', 'status');
        summaries.createIndex('version', 'version');
        // A failed request aborts the upgrade by itself; the catch only keeps it from being reported twice.
        buildSummaries(tx).catch(() => undefined);
      }
    },
    // A newer page in another tab wants to upgrade the database: let it (this tab's next
    // storage call reopens, and says so if it can no longer read the new version).
    blocking() {
      void db?.then(
        (open) => open.close(),
        () => undefined,
      );
      db = undefined;
    },
  }).catch((error: unknown) => {
    db = undefined;
    throw new StorageError(`The storage could not be opened: ${(error as Error).message}`);
  });
  return db;
}

/** A storage failure as a sentence that says what to do. */
export function storageError(error: unknown): StorageError {
  const e = error as Error;
  if (e?.name === 'QuotaExceededError') {
    return new StorageError(
      'The browser storage is full: free some space (for example delete a cached model).',
    );
  }
  return e instanceof StorageError ? e : new StorageError(`Saving failed: ${e?.message ?? String(error)}`);
}
