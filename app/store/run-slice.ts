import type { StateCreator } from 'zustand';
import { foldEvent, type Trace } from '../agent/trace';
import type { RunEvent } from '../agent/types';
import type { AppState } from './index';

export type RunStatus = 'idle' | 'running' | 'stopping';

/**
 * What is using the models and tools right now. One at a time: two activities on the same
 * model workers would reset or interrupt each other's generation (one KV cache, one interrupt
 * flag per worker) and score each other's cut-off output. A replay uses no model, but it plays
 * into the Run tab's trace, so it holds them too.
 */
export type ActivityKind = 'run' | 'replay' | 'suite' | 'compare' | 'static-eval';

/** The activity in progress and whether Stop was pressed (it winds down, then ends). */
export interface Activity {
  kind: ActivityKind;
  status: 'running' | 'stopping';
}

export interface RunSlice {
  /** The trace of the current (or last) run: the UI renders from this only. */
  trace: Trace | undefined;
  /** Set while a recorded run is being replayed (no model is running): its speed. */
  replaySpeed: number | undefined;
  /** Folds a batch of run events into the trace in one state update. */
  applyRunEvents: (events: readonly RunEvent[]) => void;
  clearRun: () => void;
  /** Set and cleared by `runActivity` (activity.ts) only: one status for the whole page. */
  activity: Activity | undefined;
  setActivity: (activity: Activity | undefined) => void;
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  trace: undefined,
  replaySpeed: undefined,
  applyRunEvents: (events) =>
    set((state) => {
      let trace = state.trace;
      for (const event of events) trace = foldEvent(trace, event);
      return { trace };
    }),
  clearRun: () => set({ trace: undefined }),
  activity: undefined,
  setActivity: (activity) => set({ activity }),
});
