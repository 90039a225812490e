import type { StateCreator } from 'zustand';
import { applyEvent, startTrace, type Trace } from '../agent/trace';
import type { RunEvent } from '../agent/types';
import type { AppState } from './index';

export type RunStatus = 'idle' | 'running' | 'stopping';

/**
 * What is using the models and tools right now. One at a time: two activities on the same
 * model workers would reset or interrupt each other's generation (one KV cache, one interrupt
 * flag per worker) and score each other's cut-off output.
 */
export type LabActivity = 'run' | 'suite' | 'compare' | 'static-eval';

export interface RunSlice {
  runStatus: RunStatus;
  /** The trace of the current (or last) run: the UI renders from this only. */
  trace: Trace | undefined;
  /** Set while a recorded run is being replayed (no model is running): its speed. */
  replaySpeed: number | undefined;
  /** Folds a batch of run events into the trace in one state update. */
  applyRunEvents: (events: readonly RunEvent[]) => void;
  setRunStatus: (status: RunStatus) => void;
  clearRun: () => void;
  activity: LabActivity | undefined;
  /** Takes the models for `activity`; false (and nothing changes) when another activity has them. */
  claimActivity: (activity: LabActivity) => boolean;
  /** Gives the models back; only the activity that holds them can. */
  releaseActivity: (activity: LabActivity) => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set, get) => ({
  runStatus: 'idle',
  trace: undefined,
  replaySpeed: undefined,
  applyRunEvents: (events) =>
    set((state) => {
      let trace = state.trace;
      for (const event of events) {
        if (event.type === 'run_started') trace = startTrace(event);
        else if (trace) trace = applyEvent(trace, event);
      }
      return { trace };
    }),
  setRunStatus: (runStatus) => set({ runStatus }),
  clearRun: () => set({ trace: undefined, runStatus: 'idle' }),
  activity: undefined,
  claimActivity: (activity) => {
    if (get().activity !== undefined) return false;
    set({ activity });
    return true;
  },
  releaseActivity: (activity) => {
    if (get().activity === activity) set({ activity: undefined });
  },
});
