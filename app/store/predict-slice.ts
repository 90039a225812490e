import type { StateCreator } from 'zustand';
import type { AppState } from './index';

/** The student's predictions for one trace (by step index) and the steps already revealed. */
export interface PredictSession {
  traceId: string;
  predictions: Record<number, string>;
  revealed: number[];
}

export interface PredictSlice {
  /** "Predict, then reveal": the Run tab hides each model turn until the student predicts it. */
  predictMode: boolean;
  setPredictMode: (on: boolean) => void;
  /** Never persisted: a new run or replay (another trace id) starts a new session. */
  predictSession: PredictSession | undefined;
  setPrediction: (traceId: string, step: number, value: string) => void;
  revealStep: (traceId: string, step: number) => void;
}

const sessionFor = (state: AppState, traceId: string): PredictSession =>
  state.predictSession?.traceId === traceId
    ? state.predictSession
    : { traceId, predictions: {}, revealed: [] };

export const createPredictSlice: StateCreator<AppState, [], [], PredictSlice> = (set) => ({
  predictMode: false,
  setPredictMode: (predictMode) => set({ predictMode }),
  predictSession: undefined,
  setPrediction: (traceId, step, value) =>
    set((state) => {
      const session = sessionFor(state, traceId);
      return { predictSession: { ...session, predictions: { ...session.predictions, [step]: value } } };
    }),
  revealStep: (traceId, step) =>
    set((state) => {
      const session = sessionFor(state, traceId);
      if (session.revealed.includes(step)) return {};
      return { predictSession: { ...session, revealed: [...session.revealed, step] } };
    }),
});
