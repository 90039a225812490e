import type { SuiteResult } from '../agent/eval/suite/results';
import type { Trace } from '../agent/trace';
import { openUmiDb, storageError } from './db';

/** Task-suite results in IndexedDB: the scored row, and apart from it the full run behind it. */

/** A stored record this page can read: anything else (an older or damaged shape) is skipped, not shown wrong. */
function isResult(value: unknown): value is SuiteResult {
  const r = value as Partial<SuiteResult> | undefined;
  return (
    typeof r?.id === 'string' &&
    typeof r.taskId === 'string' &&
    typeof r.configKey === 'string' &&
    typeof r.config?.mode === 'string' &&
    typeof r.metrics?.toolCalls === 'number'
  );
}

export async function loadSuiteResults(): Promise<SuiteResult[]> {
  const all: unknown[] = await (await openUmiDb()).getAll('suiteResults');
  return all.filter(isResult);
}

/** Saves a result and its run in one transaction: both are stored, or neither. */
export async function saveSuiteResult(result: SuiteResult, trace: Trace): Promise<void> {
  try {
    const tx = (await openUmiDb()).transaction(['suiteResults', 'suiteTraces'], 'readwrite');
    await Promise.all([
      tx.objectStore('suiteResults').put(result),
      tx.objectStore('suiteTraces').put({ id: result.id, trace }),
      tx.done,
    ]);
  } catch (error) {
    throw storageError(error);
  }
}

/** The run behind a result, upgraded to the current trace version; undefined when it is gone or unreadable. */
export async function loadSuiteTrace(id: string): Promise<Trace | undefined> {
  const stored = await (await openUmiDb()).get('suiteTraces', id);
  if (!stored) return undefined;
  // Loaded on use: the trace validator is not part of the page's first load.
  const { upgradeStoredTrace } = await import('../agent/trace-file');
  const upgraded = upgradeStoredTrace(stored.trace);
  return upgraded.ok ? upgraded.trace : undefined;
}

export async function clearSuiteResults(): Promise<void> {
  try {
    const tx = (await openUmiDb()).transaction(['suiteResults', 'suiteTraces'], 'readwrite');
    await Promise.all([
      tx.objectStore('suiteResults').clear(),
      tx.objectStore('suiteTraces').clear(),
      tx.done,
    ]);
  } catch (error) {
    throw storageError(error);
  }
}
