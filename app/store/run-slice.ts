import type { StateCreator } from 'zustand';
import { applyEvent, startTrace, type Trace } from '../agent/trace';
import type { RunEvent } from '../agent/types';
import type { AppState } from './index';

export type RunStatus = 'idle' | 'running' | 'stopping';

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
}

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
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
});
