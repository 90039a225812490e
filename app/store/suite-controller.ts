import { toErrorData } from '../agent/errors';
import { resultsCsv, resultsJson } from '../agent/eval/suite/export';
import { runMetrics } from '../agent/eval/suite/metrics';
import { configKey, resultId, type SuiteConfig, type SuiteResult } from '../agent/eval/suite/results';
import { SUITE_TASKS } from '../agent/eval/suite/tasks';
import type { SuiteTask } from '../agent/eval/suite/types';
import type { Trace } from '../agent/trace';
import type { RunMode } from '../agent/types';
import { RUN_MODES } from '../agent/types';
import { tNow } from '../i18n/use-t';
import { useAppStore } from './index';
import { clearSuiteResults, loadSuiteResults, loadSuiteTrace, saveSuiteResult } from './suite-db';
import { suiteControllerMessages } from './suite-messages';
import { type ModelChoice, roleModelIds } from './suite-plan';
import { labModels, prepareModels, runLabTask } from './suite-run';

/** The running suite's stop switch, outside the store (STYLE.md #7). */
let controller: AbortController | undefined;

const TASK_ORDER = SUITE_TASKS.map((t) => t.id);

/** Reads the stored results once per page (the runner calls it when it opens). */
export async function initSuiteResults(): Promise<void> {
  if (useAppStore.getState().suiteResultsLoaded) return;
  try {
    useAppStore.getState().setSuiteResults(await loadSuiteResults());
  } catch (error) {
    useAppStore.getState().setSuiteResults([]);
    const t = tNow(suiteControllerMessages);
    useAppStore.getState().setSuiteNotice(t('notRead', { reason: toErrorData(error).message }));
  }
}

function makeResult(task: SuiteTask, config: SuiteConfig, trace: Trace): SuiteResult {
  return {
    id: resultId(config, task.id),
    taskId: task.id,
    category: task.category,
    task: task.task,
    configKey: configKey(config),
    config,
    expectGiveUp: task.checker.kind === 'give-up',
    metrics: runMetrics(trace, task.checker),
    traceId: trace.id,
    finishedAt: trace.updatedAt,
  };
}

/** One column of runs: a run mode (scripted engine), or a preset / the hand-picked models (WebLLM). */
type Column = { engine: 'scripted'; mode: RunMode } | { engine: 'webllm'; choice: ModelChoice };

function chosenColumns(): Column[] {
  const s = useAppStore.getState();
  if (s.engine === 'webllm') return s.suiteChoices.map((choice) => ({ engine: 'webllm', choice }));
  return RUN_MODES.filter((m) => s.suiteModes.includes(m)).map((mode) => ({ engine: 'scripted', mode }));
}

/** Why a suite run cannot start now, or undefined when it can. */
export function suiteBlocker(): string | undefined {
  const s = useAppStore.getState();
  const t = tNow(suiteControllerMessages);
  if (s.runStatus !== 'idle') return t('runTabBusy');
  if (s.suiteStatus !== 'idle') return t('suiteBusy');
  if (s.compareStatus !== 'idle') return t('compareBusy');
  if (s.suiteTaskIds.length === 0 || chosenColumns().length === 0) return t('nothingChosen');
  return undefined;
}

/**
 * Runs the chosen tasks under each chosen mode or preset, one after another: for WebLLM, each
 * preset's models are loaded first. Every finished run is scored, stored and shown at once;
 * Stop ends the run in progress, which is not scored.
 */
export async function runSuite(): Promise<void> {
  const blocker = suiteBlocker();
  const store = useAppStore.getState();
  if (blocker) {
    store.setSuiteNotice(blocker);
    return;
  }
  const t = tNow(suiteControllerMessages);
  const chosen = new Set(store.suiteTaskIds);
  const tasks = SUITE_TASKS.filter((task) => chosen.has(task.id));
  const columns = chosenColumns();
  const { dialect, engine } = store;
  const total = tasks.length * columns.length;
  let done = 0;
  controller = new AbortController();
  const { signal } = controller;
  store.setSuiteNotice(undefined);
  store.setSuiteStatus('running');
  try {
    for (const column of columns) {
      if (signal.aborted) break;
      let mode: RunMode;
      let presetId: string | undefined;
      if (column.engine === 'webllm') {
        useAppStore.getState().setSuiteProgress({ done, total, phase: 'loading', choice: column.choice });
        const prepared = await prepareModels(column.choice, signal);
        if (!prepared.ok) {
          useAppStore.getState().setSuiteNotice(prepared.error);
          break;
        }
        mode = prepared.mode;
        if (column.choice !== 'current') presetId = column.choice;
      } else {
        mode = column.mode;
      }
      for (const task of tasks) {
        if (signal.aborted) break;
        // A fresh set of models per task for the scripted engine; the loaded bridges for WebLLM.
        const models = labModels(engine, mode, 0);
        const config: SuiteConfig = {
          engine,
          mode,
          dialect,
          ...(presetId ? { presetId } : {}),
          models: roleModelIds(models),
        };
        useAppStore.getState().setSuiteProgress({
          done,
          total,
          phase: 'running',
          taskId: task.id,
          mode,
          ...(column.engine === 'webllm' ? { choice: column.choice } : {}),
        });
        const trace = await runLabTask({ task: task.task, mode, dialect, models, origin: 'suite', signal });
        if (!trace || trace.outcome === 'aborted' || signal.aborted) break;
        const result = makeResult(task, config, trace);
        useAppStore.getState().addSuiteResult(result);
        done += 1;
        try {
          await saveSuiteResult(result, trace);
        } catch (error) {
          useAppStore.getState().setSuiteNotice(t('notSaved', { reason: toErrorData(error).message }));
        }
      }
    }
    if (signal.aborted && !useAppStore.getState().suiteNotice)
      useAppStore.getState().setSuiteNotice(t('stopped', { done, total }));
  } finally {
    controller = undefined;
    useAppStore.getState().setSuiteProgress(undefined);
    useAppStore.getState().setSuiteStatus('idle');
  }
}

export function stopSuite(): void {
  if (!controller) return;
  useAppStore.getState().setSuiteStatus('stopping');
  controller.abort();
}

export async function clearResults(): Promise<void> {
  try {
    await clearSuiteResults();
    useAppStore.getState().setSuiteResults([]);
    useAppStore.getState().setSuiteNotice(undefined);
  } catch (error) {
    const t = tNow(suiteControllerMessages);
    useAppStore.getState().setSuiteNotice(t('notCleared', { reason: toErrorData(error).message }));
  }
}

/** Shows a run in the Run tab (when no run is going on there). Returns false when it could not. */
export function showInRunTab(trace: Trace): boolean {
  if (useAppStore.getState().runStatus !== 'idle') return false;
  useAppStore.setState({ trace });
  return true;
}

/** Opens the stored run behind a suite result in the Run tab. */
export async function openResultTrace(id: string): Promise<boolean> {
  const trace = await loadSuiteTrace(id).catch(() => undefined);
  if (!trace) {
    useAppStore.getState().setSuiteNotice(tNow(suiteControllerMessages)('traceGone'));
    return false;
  }
  return showInRunTab(trace);
}

export function suiteCsv(results: readonly SuiteResult[]): string {
  return resultsCsv(results, TASK_ORDER);
}

export function suiteJson(results: readonly SuiteResult[]): string {
  return resultsJson(results, TASK_ORDER);
}
