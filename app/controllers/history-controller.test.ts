import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TRACE_VERSION, type Trace } from '../agent/trace';
import type { TraceSummary } from '../agent/trace-summary';
import { translateCoded } from '../i18n/i18n';
import * as db from '../storage/trace-db';
import { useAppStore } from '../store/index';
import { historyMessages } from '../store/messages/history-messages';
import {
  initHistory,
  loadSavedTrace,
  openSavedRun,
  persistTrace,
  refreshHistory,
  SAVED_RUNS_PAGE,
  showMoreSavedRuns,
  trainingData,
} from './history-controller';

/*
 * The saved-runs controller over a stand-in for its storage module (Node has no IndexedDB; the
 * stores themselves are tested in a real browser, e2e/history-store.spec.ts). What is checked
 * here is which storage calls it makes: summaries for the list, the hidden count and the
 * interrupted-run check, a full trace only by id.
 */

vi.mock('../storage/trace-db', () => ({
  listSavedRuns: vi.fn(),
  summariesDrift: vi.fn(),
  repairSummaries: vi.fn(),
  listRunningIds: vi.fn(),
  listReadableIds: vi.fn(),
  loadTrace: vi.fn(),
  saveTrace: vi.fn(),
  hasTrace: vi.fn(),
  renameTrace: vi.fn(),
  deleteTrace: vi.fn(),
  StorageFullError: class StorageFullError extends Error {},
}));

const storage = vi.mocked(db);

function trace(id: string, extra: Partial<Trace> = {}): Trace {
  return {
    version: TRACE_VERSION,
    id,
    task: `Task ${id}`,
    mode: 'multi',
    dialect: 'chat',
    tools: [],
    models: {},
    sampling: {},
    maxSteps: 10,
    status: 'finished',
    outcome: 'answer',
    steps: [],
    createdAt: 1,
    updatedAt: 1,
    ...extra,
  };
}

const summary = (i: number): TraceSummary => ({
  id: `run-${i}`,
  title: `Run ${i}`,
  task: `Task ${i}`,
  mode: 'multi',
  status: 'finished',
  outcome: 'answer',
  steps: 3,
  updatedAt: i,
  version: TRACE_VERSION,
});

/** A store of `total` readable runs (newest = highest number) and `hidden` unreadable ones. */
function stored(total: number, hidden = 0) {
  storage.listSavedRuns.mockImplementation(async (limit) => {
    const runs: TraceSummary[] = [];
    for (let i = total - 1; i >= 0 && runs.length < limit; i--) runs.push(summary(i));
    return { runs, listed: total, hidden };
  });
}

beforeEach(() => {
  vi.clearAllMocks();
  stored(0);
  storage.summariesDrift.mockResolvedValue(0);
  storage.listRunningIds.mockResolvedValue([]);
  storage.listReadableIds.mockResolvedValue([]);
  storage.saveTrace.mockResolvedValue(undefined);
  useAppStore.setState({ savedRuns: [], savedRunsTotal: 0, storageNotice: undefined, trace: undefined });
});

describe('the Saved runs list', () => {
  it('shows the first page of summaries, then one more page per Show more, never reading a trace', async () => {
    stored(120);
    await refreshHistory();
    expect(storage.listSavedRuns).toHaveBeenLastCalledWith(SAVED_RUNS_PAGE);
    expect(
      useAppStore
        .getState()
        .savedRuns.map((r) => r.id)
        .slice(0, 2),
    ).toEqual(['run-119', 'run-118']);
    expect(useAppStore.getState().savedRuns).toHaveLength(50);
    expect(useAppStore.getState().savedRunsTotal).toBe(120);
    await showMoreSavedRuns();
    expect(storage.listSavedRuns).toHaveBeenLastCalledWith(100);
    expect(useAppStore.getState().savedRuns.at(-1)?.id).toBe('run-20');
    // A later refresh (the live run saved again) keeps what Show more opened.
    await refreshHistory();
    expect(storage.listSavedRuns).toHaveBeenLastCalledWith(100);
    await showMoreSavedRuns();
    expect(useAppStore.getState().savedRuns).toHaveLength(120);
    expect(storage.loadTrace).not.toHaveBeenCalled();
  });

  it('drops a refresh that a newer one overtook', async () => {
    let release: () => void = () => undefined;
    storage.listSavedRuns.mockImplementationOnce(async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { runs: [summary(1)], listed: 1, hidden: 0 };
    });
    const slow = refreshHistory();
    stored(2);
    await refreshHistory();
    release();
    await slow;
    expect(useAppStore.getState().savedRuns.map((r) => r.id)).toEqual(['run-1', 'run-0']);
  });

  it('says how many runs it keeps but cannot show, from the summaries count', async () => {
    stored(2, 3);
    await refreshHistory();
    const notice = useAppStore.getState().storageNotice;
    expect(notice).toEqual({ code: 'hidden', values: { n: 3 } });
    // As the page shows it, in either language.
    expect(notice && translateCoded(historyMessages, 'en', notice)).toContain(
      '3 saved run(s) were made by a newer',
    );
    expect(notice && translateCoded(historyMessages, 'zh-CN', notice)).toContain('有 3 个已保存的运行');
  });

  it('says when the saved runs cannot be read', async () => {
    storage.listSavedRuns.mockRejectedValue(new Error('The storage could not be opened'));
    await refreshHistory();
    const notice = useAppStore.getState().storageNotice;
    expect(notice && translateCoded(historyMessages, 'en', notice)).toBe(
      'Saved runs cannot be read: The storage could not be opened',
    );
  });
});

describe('initHistory', () => {
  it('marks the runs the summaries say were left running as interrupted, reading only those', async () => {
    storage.listRunningIds.mockResolvedValue(['left']);
    storage.loadTrace.mockResolvedValue({
      ok: true,
      trace: trace('left', { status: 'running' }),
    });
    await initHistory();
    expect(storage.loadTrace).toHaveBeenCalledTimes(1);
    expect(storage.loadTrace).toHaveBeenCalledWith('left');
    expect(storage.saveTrace).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'left', status: 'interrupted' }),
    );
    expect(storage.repairSummaries).not.toHaveBeenCalled();
    expect(storage.listSavedRuns).toHaveBeenCalledTimes(1);
  });

  it('repairs the summaries first when the stores disagree', async () => {
    storage.summariesDrift.mockResolvedValue(2);
    storage.listRunningIds.mockResolvedValueOnce([]).mockResolvedValueOnce(['found-by-repair']);
    storage.loadTrace.mockResolvedValue({ ok: true, trace: trace('found-by-repair', { status: 'running' }) });
    await initHistory();
    expect(storage.repairSummaries).toHaveBeenCalledTimes(1);
    expect(storage.saveTrace).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'found-by-repair', status: 'interrupted' }),
    );
  });
});

describe('opening a saved run', () => {
  it('reads one trace by id (upgraded by loadTrace) and shows it', async () => {
    storage.loadTrace.mockResolvedValue({ ok: true, trace: trace('a') });
    expect(await openSavedRun('a')).toBe(true);
    expect(storage.loadTrace).toHaveBeenCalledWith('a');
    expect(useAppStore.getState().trace?.id).toBe('a');
  });

  it('refreshes the list when the run turns out unreadable, and opens nothing', async () => {
    storage.loadTrace.mockResolvedValue({ ok: false, error: { code: 'newer', values: { version: 9 } } });
    stored(0, 1);
    expect(await openSavedRun('b')).toBe(false);
    expect(useAppStore.getState().trace).toBeUndefined();
    expect(storage.listSavedRuns).toHaveBeenCalled();
    expect(useAppStore.getState().storageNotice).toEqual({ code: 'hidden', values: { n: 1 } });
    expect(await loadSavedTrace('b')).toBeUndefined();
  });

  it('exports training data from the chosen runs, read one by one, newest first', async () => {
    storage.listReadableIds.mockResolvedValue(['c', 'b', 'a']);
    storage.loadTrace.mockImplementation(async (id) => ({ ok: true, trace: trace(id) }));
    const data = await trainingData(['a', 'c']);
    expect(storage.loadTrace.mock.calls.map(([id]) => id)).toEqual(['c', 'a']);
    expect(data.counts).toEqual({ planner: 0, caller: 0, summarizer: 0, backbone: 0 });
  });
});

describe('saving the live run (throttled)', () => {
  it('a stream of updates is written at most every 250 ms, always the newest copy; the final one at once', async () => {
    vi.useFakeTimers();
    try {
      storage.saveTrace.mockResolvedValue(undefined);
      const written = () => storage.saveTrace.mock.calls.map(([t]) => t.steps.length);
      const grown = (n: number) =>
        trace('live', {
          status: 'running',
          steps: Array.from({ length: n }, () => ({}) as Trace['steps'][number]),
        });
      for (let n = 1; n <= 5; n++) {
        void persistTrace(grown(n));
        await vi.advanceTimersByTimeAsync(60);
      }
      // 300 ms of updates: one write at 250 ms, of the newest copy then (5 steps at 240 ms).
      expect(written()).toEqual([5]);
      void persistTrace(grown(6));
      await vi.advanceTimersByTimeAsync(100);
      expect(written()).toEqual([5]);
      await persistTrace(grown(7), true);
      expect(written()).toEqual([5, 7]);
      // The timer the final save cancelled writes nothing more.
      await vi.advanceTimersByTimeAsync(1_000);
      expect(written()).toEqual([5, 7]);
      expect(useAppStore.getState().savedCopy).toEqual({ id: 'live', steps: 7 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed write keeps the run in memory, tells the user, and does not move the saved marker', async () => {
    useAppStore.setState({ savedCopy: undefined, storageNotice: undefined });
    storage.saveTrace.mockRejectedValueOnce(new Error('disk unplugged'));
    await persistTrace(trace('live-2', { status: 'running' }), true);
    expect(useAppStore.getState().storageNotice).toEqual({
      code: 'notSaved',
      values: { reason: 'disk unplugged' },
    });
    expect(useAppStore.getState().savedCopy).toBeUndefined();
  });
});
