import { runMetrics } from '../agent/eval/suite/metrics';
import { findSuiteTask, suiteTaskForText } from '../agent/eval/suite/tasks';
import { RUN_MODES, type RunMode } from '../agent/types';
import { tNow } from '../i18n/use-t';
import { useAppStore } from './index';
import { suiteControllerMessages } from './suite-messages';
import { labModels, prepareModels, runLabTask } from './suite-run';
import type { CompareColumn } from './suite-slice';

/** The running comparison's stop switch, outside the store. */
let controller: AbortController | undefined;

/** The task the comparison would run: the chosen suite task, or the task box. */
export function compareTaskText(): string {
  const s = useAppStore.getState();
  if (s.compareSource === 'suite') return findSuiteTask(s.compareTaskId)?.task ?? '';
  return s.task.trim();
}

/** Why a comparison cannot start now, or undefined when it can. */
export function compareBlocker(): string | undefined {
  const s = useAppStore.getState();
  const t = tNow(suiteControllerMessages);
  if (s.runStatus !== 'idle') return t('runTabBusy');
  if (s.compareStatus !== 'idle') return t('compareBusy');
  if (s.suiteStatus !== 'idle') return t('suiteBusy');
  if (!compareTaskText()) return t('needTask');
  if (s.compareModes.length < 2 || s.compareModes.length > 3) return t('needModes');
  return undefined;
}

/**
 * Runs one task under two or three modes, one after another, and scores each run with the
 * task's checker when it is a suite task. With WebLLM each mode first loads its preset.
 */
export async function runCompare(): Promise<void> {
  const blocker = compareBlocker();
  const store = useAppStore.getState();
  if (blocker) {
    store.setCompareNotice(blocker);
    return;
  }
  const task = compareTaskText();
  const checker = suiteTaskForText(task)?.checker;
  const { engine, dialect, scriptedTokenDelayMs } = store;
  const modes = RUN_MODES.filter((m) => store.compareModes.includes(m));
  const columns: CompareColumn[] = modes.map((mode) =>
    engine === 'webllm'
      ? { mode, choice: store.compareChoices[mode], status: 'waiting' }
      : { mode, status: 'waiting' },
  );
  controller = new AbortController();
  const { signal } = controller;
  store.startComparison(task, columns);
  store.setCompareStatus('running');
  const update = (i: number, patch: Partial<CompareColumn>) =>
    useAppStore.getState().updateCompareColumn(i, patch);
  try {
    for (const [i, column] of columns.entries()) {
      if (signal.aborted) break;
      let mode: RunMode = column.mode;
      if (engine === 'webllm' && column.choice) {
        update(i, { status: 'loading' });
        const prepared = await prepareModels(column.choice, signal);
        if (!prepared.ok) {
          update(i, { status: prepared.stopped ? 'stopped' : 'failed', error: prepared.error });
          continue;
        }
        mode = prepared.mode;
      }
      update(i, { status: 'running' });
      const trace = await runLabTask({
        task,
        mode,
        dialect,
        models: labModels(engine, mode, scriptedTokenDelayMs),
        origin: 'compare',
        signal,
        onProgress: (growing) => update(i, { trace: growing }),
      });
      if (!trace) {
        update(i, { status: 'failed' });
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
      useAppStore.getState().setCompareNotice(tNow(suiteControllerMessages)('compareStopped'));
    }
  } finally {
    controller = undefined;
    useAppStore.getState().setCompareStatus('idle');
  }
}

export function stopCompare(): void {
  if (!controller) return;
  useAppStore.getState().setCompareStatus('stopping');
  controller.abort();
}
