import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortError } from '../agent/errors';
import { SUITE_TASKS } from '../agent/eval/suite/tasks';
import type { GenerateRequest } from '../agent/types';
import { translate } from '../i18n/i18n';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import { useAppStore } from '../store/index';
import { suiteControllerMessages } from '../store/messages/suite-messages';
import type { LabNotice } from '../store/suite-slice';
import { compareBlocker, runCompare, stopCompare } from './suite-compare';
import { runSuite, stopSuite, suiteBlocker, suiteCsv } from './suite-controller';

/*
 * The controllers in Node with the scripted engine and the real built-in tools (no
 * run_javascript tasks: its sandbox is a browser worker). Node has no IndexedDB, so every
 * save fails: the results must stay on the page with a notice that says so.
 */

const store = () => useAppStore.getState();
/** A notice as the English page shows it (without its error). */
const text = (notice: LabNotice | undefined) =>
  notice ? translate(suiteControllerMessages, 'en', notice.key, notice.values) : '';
const suiteText = () => store().suiteNotices.map(text).join('\n');

beforeEach(() => {
  useAppStore.setState({
    engine: 'scripted',
    dialect: 'chat',
    activity: undefined,
    suiteResults: [],
    suiteNotices: [],
    compareNotice: undefined,
    compareColumns: [],
    scriptedTokenDelayMs: 0,
    maxSteps: 10,
    task: '',
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('suite controller', () => {
  it('runs the chosen tasks under each chosen mode, scores them, keeps them when saving fails', async () => {
    store().setSuiteTaskIds(['capital-australia', 'fahrenheit-72', 'weather-berlin-tomorrow']);
    store().setSuiteModes(['multi', 'single']);
    await runSuite();
    const results = store().suiteResults;
    expect(results).toHaveLength(6);
    expect(results.every((r) => r.metrics.check?.correct)).toBe(true);
    expect(new Set(results.map((r) => r.config.mode))).toEqual(new Set(['multi', 'single']));
    expect(results.find((r) => r.taskId === 'weather-berlin-tomorrow')?.metrics.gaveUp).toBe(true);
    expect(results.every((r) => r.config.engine === 'scripted')).toBe(true);
    expect(store().activity).toBeUndefined();
    expect(store().suiteProgress).toBeUndefined();
    expect(suiteText()).toMatch(/could not be saved/);
    expect(store().suiteNotices.find((n) => n.key === 'notSaved')?.error?.name).toBeDefined();
    expect(store().activity).toBeUndefined();
    const csv = suiteCsv(results).split('\r\n');
    expect(csv).toHaveLength(8); // header, six rows, the final line end
    // Suite order within each mode: units before countries before give-up.
    expect(csv[1]).toMatch(/^fahrenheit-72,units,scripted,scripted — not a model,multi,chat,/);
    expect(csv[3]).toMatch(/^weather-berlin-tomorrow,give-up,scripted,/);
  });

  it('running again replaces the result of the same task and mode instead of adding one', async () => {
    store().setSuiteTaskIds(['capital-australia']);
    store().setSuiteModes(['shared']);
    await runSuite();
    await runSuite();
    expect(store().suiteResults).toHaveLength(1);
  });

  it('says what is missing instead of starting', async () => {
    store().setSuiteTaskIds([]);
    expect(text(suiteBlocker())).toMatch(/Pick at least one task/);
    await runSuite();
    expect(suiteText()).toMatch(/Pick at least one task/);
  });

  it('Stop ends the suite; the stopped run is not scored', async () => {
    useAppStore.setState({ scriptedTokenDelayMs: 0 });
    store().setSuiteTaskIds(['capital-australia', 'capital-canada']);
    store().setSuiteModes(['multi']);
    const running = runSuite();
    stopSuite();
    await running;
    expect(store().suiteResults).toHaveLength(0);
    expect(suiteText()).toMatch(/Stopped after 0 of 2 runs/);
    expect(store().activity).toBeUndefined();
  });
});

describe('compare controller', () => {
  it('runs a suite task under two modes, one after another, each scored by the checker', async () => {
    store().setCompareSource('suite');
    store().setCompareTaskId('june-weekdays');
    store().setCompareModes(['multi', 'shared']);
    await runCompare();
    const columns = store().compareColumns;
    expect(columns.map((c) => [c.mode, c.status])).toEqual([
      ['multi', 'done'],
      ['shared', 'done'],
    ]);
    for (const column of columns) {
      expect(column.metrics?.check?.correct).toBe(true);
      expect(column.metrics?.answer).toMatch(/20 weekdays/);
      expect(column.trace?.origin).toBe('compare');
    }
    expect(store().activity).toBeUndefined();
  });

  it('a task typed into the task box has no checker', async () => {
    useAppStore.setState({ task: 'Write a poem about the sea.' });
    store().setCompareSource('task-box');
    store().setCompareModes(['multi', 'single']);
    await runCompare();
    for (const column of store().compareColumns) {
      expect(column.status).toBe('done');
      expect(column.metrics?.check).toBeUndefined();
      expect(column.metrics?.gaveUp).toBe(true); // the scripted engine has no script for it, and says so
    }
  });

  it('needs two or three modes and a task', async () => {
    store().setCompareSource('suite');
    store().setCompareTaskId('');
    expect(text(compareBlocker())).toMatch(/task box/);
    store().setCompareTaskId('capital-canada');
    store().setCompareModes(['multi']);
    expect(text(compareBlocker())).toMatch(/two or three modes/);
    await runCompare();
    expect(store().compareColumns).toEqual([]);
  });

  it('Stop ends the running mode and skips the rest', async () => {
    useAppStore.setState({ scriptedTokenDelayMs: 50 });
    store().setCompareSource('suite');
    store().setCompareTaskId('capital-canada');
    store().setCompareModes(['multi', 'shared', 'single']);
    const running = runCompare();
    await new Promise((resolve) => setTimeout(resolve, 120));
    stopCompare();
    await running;
    expect(store().compareColumns.map((c) => c.status)).toEqual(['stopped', 'stopped', 'stopped']);
    expect(store().compareColumns[0]?.metrics).toBeUndefined();
    expect(text(store().compareNotice)).toMatch(/Stopped/);
  });
});

const task = (id: string) => {
  const found = SUITE_TASKS.find((t) => t.id === id);
  if (!found) throw new Error(id);
  return found.task;
};

/** Makes the scripted engine fail on one task the way a real model can: a crash, or an abort no one asked for. */
function failOn(taskText: string, error: Error) {
  const original = ScriptedModel.prototype.generate;
  return vi.spyOn(ScriptedModel.prototype, 'generate').mockImplementation(function (
    this: ScriptedModel,
    request: GenerateRequest,
  ) {
    if (request.context.task === taskText) return Promise.reject(error);
    return original.call(this, request);
  });
}

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('one activity at a time', () => {
  it('the suite and the comparison hold the models while they run, and refuse while something else does', async () => {
    store().setSuiteTaskIds(['capital-australia']);
    store().setSuiteModes(['multi']);
    const seen: unknown[] = [];
    const unsubscribe = useAppStore.subscribe((s) => seen.push(s.activity?.kind));
    await runSuite();
    unsubscribe();
    expect(seen).toContain('suite');
    expect(store().activity).toBeUndefined();

    store().setActivity({ kind: 'run', status: 'running' });
    await runSuite();
    expect(store().suiteNotices.at(-1)?.key).toBe('busyRun');
    expect(suiteText()).toMatch(/A run is going on in the Run tab/);
    expect(store().suiteResults).toHaveLength(1);
    store().setCompareTaskId('capital-canada');
    store().setCompareModes(['multi', 'single']);
    await runCompare();
    expect(store().compareNotice?.key).toBe('busyRun');
    expect(store().compareColumns).toEqual([]);
    store().setActivity(undefined);

    store().setActivity({ kind: 'static-eval', status: 'running' });
    expect(suiteBlocker()?.key).toBe('busyStaticEval');
    store().setActivity(undefined);
  });
});

describe('runs that could not finish are not scored (review #2)', () => {
  it('a crash stops that column with a notice naming the error; the next column goes on', async () => {
    failOn(task('capital-canada'), named('WorkerCrashedError', 'The model worker stopped unexpectedly.'));
    store().setSuiteTaskIds(['capital-australia', 'capital-canada', 'peru-subregion']);
    store().setSuiteModes(['multi', 'single']);
    await runSuite();
    // Canada crashed under both modes: not scored, and Peru never ran — no ✗ for what the model never did.
    expect(
      store()
        .suiteResults.map((r) => `${r.config.mode}:${r.taskId}`)
        .sort(),
    ).toEqual(['multi:capital-australia', 'single:capital-australia']);
    expect(new Set(store().suiteResults.map((r) => r.configKey)).size).toBe(2);
    const failures = store().suiteNotices.filter((n) => n.key === 'infraFailure');
    expect(failures.map((n) => [n.column?.mode, n.values?.task, n.error?.name])).toEqual([
      ['multi', 'capital-canada', 'WorkerCrashedError'],
      ['single', 'capital-canada', 'WorkerCrashedError'],
    ]);
    expect(text(failures[0])).toMatch(/capital-canada under \{config\} could not run to its end/);
  });

  it('a run aborted without Stop (a restarted worker) stops the column with a notice, not silently', async () => {
    failOn(task('capital-canada'), new AbortError('The worker restarted.'));
    store().setSuiteTaskIds(['capital-australia', 'capital-canada', 'peru-subregion']);
    store().setSuiteModes(['shared']);
    await runSuite();
    expect(store().suiteResults.map((r) => r.taskId)).toEqual(['capital-australia']);
    const notice = store().suiteNotices.find((n) => n.key === 'interrupted');
    expect(notice).toMatchObject({ values: { task: 'capital-canada' }, column: { mode: 'shared' } });
    expect(suiteText()).not.toMatch(/Stopped after/);
  });

  it('the model’s own failures are scored: a run that ends without an answer is wrong, not skipped', async () => {
    failOn(task('capital-canada'), named('ContextWindowError', 'Too long.'));
    store().setSuiteTaskIds(['capital-canada']);
    store().setSuiteModes(['multi']);
    await runSuite();
    expect(store().suiteResults[0]?.metrics.check).toMatchObject({ correct: false, reason: 'no-answer' });
  });

  it('comparison: a column that could not finish fails with its reason and no score; the others run', async () => {
    const original = ScriptedModel.prototype.generate;
    let calls = 0;
    vi.spyOn(ScriptedModel.prototype, 'generate').mockImplementation(function (
      this: ScriptedModel,
      request: GenerateRequest,
    ) {
      calls += 1;
      // Only the first column's first turn fails.
      if (calls === 1) return Promise.reject(named('DeviceLostError', 'The GPU device was lost.'));
      return original.call(this, request);
    });
    store().setCompareSource('suite');
    store().setCompareTaskId('capital-canada');
    store().setCompareModes(['multi', 'single']);
    await runCompare();
    const [multi, single] = store().compareColumns;
    expect(multi).toMatchObject({
      status: 'failed',
      notice: { key: 'runFailed', error: { name: 'DeviceLostError' } },
    });
    expect(multi?.metrics).toBeUndefined();
    expect(single?.status).toBe('done');
    expect(single?.metrics?.check?.correct).toBe(true);
  });
});

describe('settings are read once, when the suite starts (review #5)', () => {
  it('every task runs with the snapshot, and the results record it with its fingerprint', async () => {
    const temperatures: number[] = [];
    const original = ScriptedModel.prototype.generate;
    vi.spyOn(ScriptedModel.prototype, 'generate').mockImplementation(function (
      this: ScriptedModel,
      request: GenerateRequest,
    ) {
      if (request.role === 'planner') temperatures.push(request.sampling.temperature);
      // Someone edits the Role settings while the suite runs.
      useAppStore.setState({ roleSampling: { planner: { temperature: 0.9 } }, maxSteps: 3 });
      return original.call(this, request);
    });
    useAppStore.setState({ roleSampling: { planner: { temperature: 0.5 } }, maxSteps: 10 });
    store().setSuiteTaskIds(['capital-australia', 'capital-canada', 'peru-subregion']);
    store().setSuiteModes(['multi']);
    await runSuite();
    expect(new Set(temperatures)).toEqual(new Set([0.5]));
    const results = store().suiteResults;
    expect(results).toHaveLength(3);
    expect(new Set(results.map((r) => r.configKey)).size).toBe(1);
    expect(results[0]?.config.settings).toMatchObject({
      maxSteps: 10,
      sampling: { planner: { temperature: 0.5 } },
    });
    expect(results[0]?.config.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // The next suite runs with the edited settings: another configuration, another column.
    vi.restoreAllMocks();
    store().setSuiteTaskIds(['capital-australia']);
    await runSuite();
    expect(new Set(store().suiteResults.map((r) => r.configKey)).size).toBe(2);
  });
});

describe('notices are kept as key and values (review #10)', () => {
  it('so the page can show them in the language chosen later', async () => {
    useAppStore.setState({ locale: 'zh-CN' });
    store().setSuiteTaskIds([]);
    await runSuite();
    const [notice] = store().suiteNotices;
    expect(notice).toEqual({ key: 'nothingChosen' });
    expect(translate(suiteControllerMessages, 'en', 'nothingChosen')).toMatch(/Pick at least one task/);
    useAppStore.setState({ locale: 'en' });
  });
});
