import type { TraceStep } from '../agent/trace';
import type { Role } from '../agent/types';
import type { AppState } from './index';
import type { ActivityKind, RunStatus } from './run-slice';

export const selectTrace = (s: AppState) => s.trace;
const NO_STEPS: readonly TraceStep[] = [];
export const selectSteps = (s: AppState): readonly TraceStep[] => s.trace?.steps ?? NO_STEPS;

/** The Run tab's activities: a run of the models, or a recorded run played back. */
export const RUN_TAB_ACTIVITIES: readonly ActivityKind[] = ['run', 'replay'];

/** The status of the activities of `kinds`: idle unless one of them is in progress. */
export const selectStatusOf =
  (...kinds: ActivityKind[]) =>
  (s: AppState): RunStatus =>
    s.activity && kinds.includes(s.activity.kind) ? s.activity.status : 'idle';

/** The Run tab's status: its run or replay in progress, stopping, or idle. */
export const selectRunStatus = selectStatusOf(...RUN_TAB_ACTIVITIES);
export const selectIsRunning = (s: AppState) => selectRunStatus(s) !== 'idle';

/** The role working right now: the last step still running, or a running tool. */
export function selectActiveRole(s: AppState): Role | 'tool' | undefined {
  const last = s.trace?.steps.at(-1);
  if (!last || s.trace?.status !== 'running') return undefined;
  if (last.tool?.status === 'running') return 'tool';
  return last.status === 'running' ? last.role : undefined;
}

/** Something (a run, a replay, a suite, a comparison, a static evaluation) holds the models. */
export const selectModelsBusy = (s: AppState) => s.activity !== undefined;

/** What holds the models when it is none of `own`: the page says so next to its own Start. */
export const selectBusyElsewhere =
  (...own: ActivityKind[]) =>
  (s: AppState): ActivityKind | undefined =>
    s.activity && !own.includes(s.activity.kind) ? s.activity.kind : undefined;

/** The dialect a run uses: the tiny models read alpha-umi prompts only. */
export const selectRunDialect = (s: AppState) => (s.engine === 'tiny' ? 'alpha-umi' : s.dialect);
