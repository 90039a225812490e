import type { StateCreator } from 'zustand';
import type { FileIssue } from '../agent/eval/static/issues';
import type { PredictionRecord, StaticScore } from '../agent/eval/static/metrics';
import type { ReplayOutputs } from '../agent/eval/static/pipeline';
import type { StaticRole } from '../agent/eval/static/runner';
import type { StaticSample } from '../agent/eval/static/samples';
import type { NamedErrorData } from '../agent/types';
import type { AppState } from './index';
import type { ActivityKind } from './run-slice';

/*
 * The static evaluation's files, progress and result. Not persisted (a result is exported as a
 * predictions file instead); in the one store, so a long model run survives switching tabs.
 * Whether it runs is the store's one `activity` (kind `static-eval`).
 */

export type PredictionSource = 'models' | 'replay';

export interface TestFileState {
  name: string;
  trajectories: number;
  samples: StaticSample[];
}

export interface ReplayFileState {
  name: string;
  outputs: ReplayOutputs[];
}

export interface StaticEvalResult {
  source: PredictionSource;
  /** Who wrote the predictions: the replayed file's name, or the model label per role. */
  by: { file: string } | { models: Record<StaticRole, string> };
  total: number;
  records: PredictionRecord[];
  end: 'finished' | 'stopped' | 'failed';
  /** For `failed`: the sample that failed and why. */
  failure?: { index: number; error: NamedErrorData };
  /** Absent when no sample finished (nothing to score). */
  score?: StaticScore;
}

/** A message about the last action, shown until the next one. */
export type StaticEvalNotice =
  | { kind: 'test_rejected'; file: string; issue: FileIssue }
  | { kind: 'predictions_rejected'; file: string; issue: FileIssue }
  | { kind: 'unreadable'; file: string; message: string }
  | { kind: 'no_models' }
  | { kind: 'busy'; activity: ActivityKind };

export interface StaticEvalState {
  testFile?: TestFileState | undefined;
  replayFile?: ReplayFileState | undefined;
  source: PredictionSource;
  progress: { done: number; total: number };
  result?: StaticEvalResult | undefined;
  notice?: StaticEvalNotice | undefined;
}

export interface StaticEvalSlice {
  staticEval: StaticEvalState;
  setStaticEval: (patch: Partial<StaticEvalState>) => void;
}

export const createStaticEvalSlice: StateCreator<AppState, [], [], StaticEvalSlice> = (set) => ({
  staticEval: { source: 'models', progress: { done: 0, total: 0 } },
  setStaticEval: (patch) => set((state) => ({ staticEval: { ...state.staticEval, ...patch } })),
});
