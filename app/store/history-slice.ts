import type { StateCreator } from 'zustand';
import type { TraceStatus } from '../agent/trace';
import type { RunMode, RunOutcome } from '../agent/types';
import type { AppState } from './index';

/** One saved run, as the history list shows it. */
export interface SavedRun {
  id: string;
  title: string;
  task: string;
  mode: RunMode;
  status: TraceStatus;
  outcome?: RunOutcome;
  steps: number;
  updatedAt: number;
}

export interface HistorySlice {
  savedRuns: SavedRun[];
  /** A storage problem the user must know about (the run itself goes on in memory). */
  storageNotice: string | undefined;
  setSavedRuns: (runs: SavedRun[]) => void;
  setStorageNotice: (notice: string | undefined) => void;
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set) => ({
  savedRuns: [],
  storageNotice: undefined,
  setSavedRuns: (savedRuns) => set({ savedRuns }),
  setStorageNotice: (storageNotice) => set({ storageNotice }),
});
