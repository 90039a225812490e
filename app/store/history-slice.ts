import type { StateCreator } from 'zustand';
import type { TraceSummary } from '../agent/trace-summary';
import type { AppState } from './index';
import type { HistoryNotice } from './messages/history-messages';

/** One saved run, as the history list shows it: its stored summary (never the full trace). */
export type SavedRun = TraceSummary;

export interface HistorySlice {
  /** The newest saved runs, newest first: the first page, and more after "Show more". */
  savedRuns: SavedRun[];
  /** How many saved runs this page can show in all (`savedRuns` may hold fewer). */
  savedRunsTotal: number;
  /** A storage problem the user must know about (the run itself goes on in memory). */
  storageNotice: HistoryNotice | undefined;
  /** The last copy of a run written to storage: which run, and how many steps it held. */
  savedCopy: { id: string; steps: number } | undefined;
  setSavedCopy: (copy: { id: string; steps: number } | undefined) => void;
  setSavedRuns: (runs: SavedRun[], total: number) => void;
  setStorageNotice: (notice: HistoryNotice | undefined) => void;
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set) => ({
  savedRuns: [],
  savedRunsTotal: 0,
  storageNotice: undefined,
  savedCopy: undefined,
  setSavedCopy: (savedCopy) => set({ savedCopy }),
  setSavedRuns: (savedRuns, savedRunsTotal) => set({ savedRuns, savedRunsTotal }),
  setStorageNotice: (storageNotice) => set({ storageNotice }),
});
