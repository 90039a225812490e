import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from './index';
import { compareBlocker, runCompare, stopCompare } from './suite-compare';
import { runSuite, stopSuite, suiteBlocker, suiteCsv } from './suite-controller';

/*
 * The controllers in Node with the scripted engine and the real built-in tools (no
 * run_javascript tasks: its sandbox is a browser worker). Node has no IndexedDB, so every
 * save fails: the results must stay on the page with a notice that says so.
 */

const store = () => useAppStore.getState();

beforeEach(() => {
  useAppStore.setState({
    engine: 'scripted',
    dialect: 'chat',
    runStatus: 'idle',
    suiteStatus: 'idle',
    compareStatus: 'idle',
    suiteResults: [],
    suiteNotice: undefined,
    compareNotice: undefined,
    compareColumns: [],
    scriptedTokenDelayMs: 0,
    task: '',
  });
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
    expect(store().suiteStatus).toBe('idle');
    expect(store().suiteProgress).toBeUndefined();
    expect(store().suiteNotice).toMatch(/could not be saved/);
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
    expect(suiteBlocker()).toMatch(/Pick at least one task/);
    await runSuite();
    expect(store().suiteNotice).toMatch(/Pick at least one task/);
    store().setSuiteTaskIds(['capital-australia']);
    useAppStore.setState({ runStatus: 'running' });
    expect(suiteBlocker()).toMatch(/Run tab/);
  });

  it('Stop ends the suite; the stopped run is not scored', async () => {
    useAppStore.setState({ scriptedTokenDelayMs: 0 });
    store().setSuiteTaskIds(['capital-australia', 'capital-canada']);
    store().setSuiteModes(['multi']);
    const running = runSuite();
    stopSuite();
    await running;
    expect(store().suiteResults).toHaveLength(0);
    expect(store().suiteNotice).toMatch(/Stopped after 0 of 2 runs/);
    expect(store().suiteStatus).toBe('idle');
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
    expect(store().compareStatus).toBe('idle');
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
    expect(compareBlocker()).toMatch(/task box/);
    store().setCompareTaskId('capital-canada');
    store().setCompareModes(['multi']);
    expect(compareBlocker()).toMatch(/two or three modes/);
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
    expect(store().compareNotice).toMatch(/Stopped/);
  });
});
