import type { TraceStep } from '../agent/trace';
import type { Role } from '../agent/types';
import type { AppState } from './index';

export const selectTrace = (s: AppState) => s.trace;
const NO_STEPS: readonly TraceStep[] = [];
export const selectSteps = (s: AppState): readonly TraceStep[] => s.trace?.steps ?? NO_STEPS;
export const selectIsRunning = (s: AppState) => s.runStatus !== 'idle';

/** The role working right now: the last step still running, or a running tool. */
export function selectActiveRole(s: AppState): Role | 'tool' | undefined {
  const last = s.trace?.steps.at(-1);
  if (!last || s.trace?.status !== 'running') return undefined;
  if (last.tool?.status === 'running') return 'tool';
  return last.status === 'running' ? last.role : undefined;
}

/** Something (a run, a suite, a comparison, a static evaluation) is using the models. */
export const selectModelsBusy = (s: AppState) => s.activity !== undefined;

/** The dialect a run uses: the tiny models read alpha-umi prompts only. */
export const selectRunDialect = (s: AppState) => (s.engine === 'tiny' ? 'alpha-umi' : s.dialect);
