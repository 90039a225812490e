import { infrastructureFailure, runMetrics } from '../agent/eval/suite/metrics';
import { findSuiteTask, suiteTaskForText } from '../agent/eval/suite/tasks';
import { RUN_MODES, type RunMode } from '../agent/types';
import { useAppStore } from '../store/index';
import { BUSY_NOTICE } from '../store/messages/suite-messages';
import { selectRunDialect } from '../store/selectors';
import type { CompareColumn, LabNotice } from '../store/suite-slice';
import { runActivity, stopActivity } from './activity';
import { snapshotRunSettings } from './run-settings';
import { labModels, prepareModels, runLabTask } from './suite-run';

/** The task the comparison would run: the chosen suite task, or the task box. */
export function compareTaskText(): string {
  const s = useAppStore.getState();
  if (s.compareSource === 'suite') return findSuiteTask(s.compareTaskId)?.task ?? '';
  return s.task.trim();
}

/** Why a comparison cannot start now, or undefined when it can. */
export function compareBlocker(): LabNotice | undefined {
  const s = useAppStore.getState();
  if (s.activity !== undefined) return { key: BUSY_NOTICE[s.activity.kind] };
  if (!compareTaskText()) return { key: 'needTask' };
  if (s.compareModes.length < 2 || s.compareModes.length > 3) return { key: 'needModes' };
  return undefined;
}

/**
 * Runs one task under two or three modes, one after another, and scores each run with the
 * task's checker when it is a suite task. With WebLLM each mode first loads its preset; a
 * column whose models run another mode than its own is not run. The Run tab's settings are
 * read once, at the start, for every column.
 */
export async function runCompare(): Promise<void> {
  const blocker = compareBlocker();
  if (blocker) {
    useAppStore.getState().setCompareNotice(blocker);
    return;
  }
  const started = await runActivity('compare', compare);
  if (!started.ok) useAppStore.getState().setCompareNotice({ key: BUSY_NOTICE[started.holder] });
}

async function compare(signal: AbortSignal): Promise<void> {
  const store = useAppStore.getState();
  const task = compareTaskText();
  const checker = suiteTaskForText(task)?.checker;
  const { engine, scriptedTokenDelayMs } = store;
  const dialect = selectRunDialect(store);
  const settings = snapshotRunSettings();
  const modes = RUN_MODES.filter((m) => store.compareModes.includes(m));
  const columns: CompareColumn[] = modes.map((mode) =>
    engine === 'webllm'
      ? { mode, choice: store.compareChoices[mode], status: 'waiting' }
      : { mode, status: 'waiting' },
  );
  store.startComparison(task, columns);
  const update = (i: number, patch: Partial<CompareColumn>) =>
    useAppStore.getState().updateCompareColumn(i, patch);
  for (const [i, column] of columns.entries()) {
    if (signal.aborted) break;
    const mode: RunMode = column.mode;
    if (engine === 'webllm' && column.choice) {
      update(i, { status: 'loading' });
      const prepared = await prepareModels(column.choice, signal);
      if (!prepared.ok) {
        update(i, { status: prepared.stopped ? 'stopped' : 'failed', notice: prepared.notice });
        continue;
      }
      // "The models chosen in the Models panel" play whatever mode the panel is in.
      if (prepared.mode !== mode) {
        update(i, {
          status: 'failed',
          notice: { key: 'modeMismatch', values: { mode, actual: prepared.mode } },
        });
        continue;
      }
    }
    update(i, { status: 'running' });
    const trace = await runLabTask({
      task,
      mode,
      dialect,
      models: await labModels(engine, mode, scriptedTokenDelayMs, signal),
      settings,
      origin: 'compare',
      signal,
      onProgress: (growing) => update(i, { trace: growing }),
    });
    const failure = trace && infrastructureFailure(trace);
    const where = { mode, ...(column.choice ? { choice: column.choice } : {}) };
    if (!trace || failure || (trace.outcome === 'aborted' && !signal.aborted)) {
      // Not the model's doing: shown with its reason, not scored.
      const notice: LabNotice = failure
        ? { key: 'runFailed', column: where, error: failure }
        : { key: 'runInterrupted', column: where };
      update(i, { status: 'failed', notice, ...(trace ? { trace } : {}) });
      continue;
    }
    const stopped = trace.outcome === 'aborted';
    update(i, {
      trace,
      status: stopped ? 'stopped' : 'done',
      ...(stopped ? {} : { metrics: runMetrics(trace, checker) }),
    });
  }
  if (signal.aborted) {
    const left = useAppStore.getState().compareColumns;
    left.forEach((c, i) => {
      if (c.status === 'waiting' || c.status === 'loading') update(i, { status: 'stopped' });
    });
    useAppStore.getState().setCompareNotice({ key: 'compareStopped' });
  }
}

export function stopCompare(): void {
  stopActivity('compare');
}
