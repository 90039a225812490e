import { toErrorData } from '../agent/errors';
import { type HeldOutTask, heldOutTasks } from '../agent/eval/generator/lab-tasks';
import { resultsCsv, resultsJson } from '../agent/eval/suite/export';
import { infrastructureFailure, runMetrics } from '../agent/eval/suite/metrics';
import { configKey, resultId, type SuiteConfig, type SuiteResult } from '../agent/eval/suite/results';
import { SUITE_TASKS } from '../agent/eval/suite/tasks';
import type { SuiteTask } from '../agent/eval/suite/types';
import type { Trace } from '../agent/trace';
import type { RunMode } from '../agent/types';
import { RUN_MODES } from '../agent/types';
import { toolRunner } from '../controllers/tools-controller';
import { type ModelChoice, roleModelIds } from '../llm/model-plan';
import { TINY_SYSTEM_MODE, type TinySystemId } from '../llm/tiny/manifest';
import { clearSuiteResults, loadSuiteResults, loadSuiteTrace, saveSuiteResult } from '../storage/suite-db';
import { useAppStore } from '../store/index';
import { BUSY_NOTICE } from '../store/messages/suite-messages';
import { selectIsRunning, selectRunDialect } from '../store/selectors';
import type { LabNotice } from '../store/suite-slice';
import { runActivity, stopActivity } from './activity';
import { type RunSettings, snapshotRunSettings } from './run-settings';
import { labModels, labSettingsRecord, modelsNotReady, prepareModels, runLabTask } from './suite-run';

const TASK_ORDER = SUITE_TASKS.map((t) => t.id);

/** Reads the stored results once per page (the runner calls it when it opens). */
export async function initSuiteResults(): Promise<void> {
  if (useAppStore.getState().suiteResultsLoaded) return;
  try {
    useAppStore.getState().setSuiteResults(await loadSuiteResults());
  } catch (error) {
    useAppStore.getState().setSuiteResults([]);
    useAppStore.getState().addSuiteNotice({ key: 'notRead', error: toErrorData(error) });
  }
}

type LabTask = SuiteTask | HeldOutTask;

function makeResult(task: LabTask, config: SuiteConfig, trace: Trace): SuiteResult {
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

/**
 * One column of runs: a run mode (scripted engine), a preset or the hand-picked models
 * (WebLLM), or one of the paper's four systems (tiny α-UMi).
 */
type Column =
  | { engine: 'scripted'; mode: RunMode }
  | { engine: 'webllm'; choice: ModelChoice }
  | { engine: 'tiny'; system: TinySystemId };

function chosenColumns(): Column[] {
  const s = useAppStore.getState();
  if (s.engine === 'webllm') return s.suiteChoices.map((choice) => ({ engine: 'webllm', choice }));
  if (s.engine === 'tiny') return s.suiteTinySystems.map((system) => ({ engine: 'tiny', system }));
  return RUN_MODES.filter((m) => s.suiteModes.includes(m)).map((mode) => ({ engine: 'scripted', mode }));
}

/** Why a suite run cannot start now, or undefined when it can. */
export function suiteBlocker(): LabNotice | undefined {
  const s = useAppStore.getState();
  if (s.activity !== undefined) return { key: BUSY_NOTICE[s.activity.kind] };
  const noTasks = s.suiteTaskSet === 'held-out' ? s.suiteHeldOutCount < 1 : s.suiteTaskIds.length === 0;
  if (noTasks || chosenColumns().length === 0) return { key: 'nothingChosen' };
  return undefined;
}

/** How one column ended: all its tasks ran, Stop (maybe while its models loaded), or a notice says why not. */
type ColumnEnd = 'done' | 'stopped' | 'stopped-loading' | 'broken';

interface SuiteRun {
  tasks: readonly LabTask[];
  taskSet: 'suite' | 'held-out';
  settings: RunSettings;
  signal: AbortSignal;
  total: number;
  done: number;
}

/** Runs every task of one column; a run that could not finish stops the column with a notice. */
async function runColumn(run: SuiteRun, column: Column): Promise<ColumnEnd> {
  const store = useAppStore.getState();
  const { engine } = store;
  const dialect = selectRunDialect(store);
  const { signal } = run;
  const choice = column.engine === 'webllm' ? column.choice : undefined;
  let mode: RunMode;
  if (column.engine === 'webllm') {
    store.setSuiteProgress({ done: run.done, total: run.total, phase: 'loading', choice: column.choice });
    const prepared = await prepareModels(column.choice, signal);
    if (!prepared.ok) {
      useAppStore.getState().addSuiteNotice(prepared.notice);
      return prepared.stopped ? 'stopped-loading' : 'broken';
    }
    mode = prepared.mode;
  } else {
    mode = column.engine === 'tiny' ? TINY_SYSTEM_MODE[column.system] : column.mode;
  }
  const tinySystem = column.engine === 'tiny' ? column.system : undefined;
  const where = { mode, ...(choice ? { choice } : {}), ...(tinySystem ? { tinySystem } : {}) };
  // One configuration per column: the models it planned, the settings of the suite's start.
  const planned = roleModelIds(await labModels(engine, mode, 0, signal, tinySystem));
  if (tinySystem && planned.length === 0) {
    // The tiny models did not load: the Models panel's status says why.
    const { error } = useAppStore.getState().tiny;
    useAppStore
      .getState()
      .addSuiteNotice({ key: 'tinyNotLoaded', column: where, ...(error ? { error } : {}) });
    return 'broken';
  }
  const config: SuiteConfig = {
    engine,
    mode,
    dialect,
    ...(choice && choice !== 'current' ? { presetId: choice } : {}),
    ...(tinySystem ? { tinySystem } : {}),
    ...(run.taskSet === 'held-out' ? { taskSet: 'held-out' as const } : {}),
    models: planned,
    ...labSettingsRecord(run.settings, mode, dialect),
  };
  for (const task of run.tasks) {
    if (signal.aborted) return 'stopped';
    if (engine === 'webllm') {
      const notReady = modelsNotReady(mode);
      if (notReady) {
        useAppStore
          .getState()
          .addSuiteNotice({ ...notReady, column: where, values: { ...notReady.values, task: task.id } });
        return 'broken';
      }
    }
    // A fresh set of models per task for the scripted engine; the loaded bridges for WebLLM.
    const models = await labModels(engine, mode, 0, signal, tinySystem);
    useAppStore.getState().setSuiteProgress({
      done: run.done,
      total: run.total,
      phase: 'running',
      taskId: task.id,
      mode,
      ...(choice ? { choice } : {}),
    });
    const trace = await runLabTask({
      task: task.task,
      mode,
      dialect,
      models,
      settings: run.settings,
      origin: 'suite',
      signal,
    });
    if (signal.aborted) return 'stopped';
    const failure = trace && infrastructureFailure(trace);
    if (!trace || trace.outcome === 'aborted' || failure) {
      // Not the model's doing: nothing to score, and the next tasks would fail the same way.
      useAppStore.getState().addSuiteNotice({
        key: failure ? 'infraFailure' : 'interrupted',
        values: { task: task.id },
        column: where,
        ...(failure ? { error: failure } : {}),
      });
      return 'broken';
    }
    const result = makeResult(task, config, trace);
    useAppStore.getState().addSuiteResult(result);
    run.done += 1;
    try {
      await saveSuiteResult(result, trace);
    } catch (error) {
      useAppStore.getState().addSuiteNotice({ key: 'notSaved', error: toErrorData(error) });
    }
  }
  return 'done';
}

/**
 * Runs the chosen tasks under each chosen mode or preset, one after another: for WebLLM, each
 * preset's models are loaded first. Every finished run is scored, stored and shown at once;
 * Stop ends the run in progress, which is not scored. A run that could not finish (a crashed
 * worker, a lost GPU, models gone) is not scored either: its column stops with a notice and
 * the next column goes on. The Run tab's settings are read once, at the start.
 */
export async function runSuite(): Promise<void> {
  const blocker = suiteBlocker();
  if (blocker) {
    useAppStore.getState().addSuiteNotice(blocker);
    return;
  }
  const started = await runActivity('suite', runChosen);
  if (!started.ok) useAppStore.getState().addSuiteNotice({ key: BUSY_NOTICE[started.holder] });
}

async function runChosen(signal: AbortSignal): Promise<void> {
  const store = useAppStore.getState();
  try {
    const chosen = new Set(store.suiteTaskIds);
    const taskSet = store.suiteTaskSet;
    // Held-out tasks are made here, from the generator's test split, with the real tools.
    const tasks: readonly LabTask[] =
      taskSet === 'held-out'
        ? await heldOutTasks(toolRunner(), store.suiteHeldOutCount)
        : SUITE_TASKS.filter((task) => chosen.has(task.id));
    const columns = chosenColumns();
    const run: SuiteRun = {
      tasks,
      taskSet,
      settings: snapshotRunSettings(),
      signal,
      total: tasks.length * columns.length,
      done: 0,
    };
    store.clearSuiteNotices();
    let end: ColumnEnd = 'done';
    for (const column of columns) {
      if (run.signal.aborted) break;
      end = await runColumn(run, column);
    }
    // A Stop while models loaded has its own notice (loadStopped).
    if (run.signal.aborted && end !== 'stopped-loading') {
      useAppStore.getState().addSuiteNotice({ key: 'stopped', values: { done: run.done, total: run.total } });
    }
  } finally {
    useAppStore.getState().setSuiteProgress(undefined);
  }
}

export function stopSuite(): void {
  stopActivity('suite');
}

export async function clearResults(): Promise<void> {
  try {
    await clearSuiteResults();
    useAppStore.getState().setSuiteResults([]);
    useAppStore.getState().clearSuiteNotices();
  } catch (error) {
    useAppStore.getState().addSuiteNotice({ key: 'notCleared', error: toErrorData(error) });
  }
}

/** Shows a run in the Run tab (when no run is going on there). Returns false when it could not. */
export function showInRunTab(trace: Trace): boolean {
  if (selectIsRunning(useAppStore.getState())) return false;
  useAppStore.setState({ trace });
  return true;
}

/** Opens the stored run behind a suite result in the Run tab. */
export async function openResultTrace(id: string): Promise<boolean> {
  const trace = await loadSuiteTrace(id).catch(() => undefined);
  if (!trace) {
    useAppStore.getState().addSuiteNotice({ key: 'traceGone' });
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
