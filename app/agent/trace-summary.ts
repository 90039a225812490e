import { TRACE_VERSION, type TraceStatus } from './trace';
import type { EngineKind, RunMode, RunOutcome } from './types';

/**
 * What the Saved runs list shows of one run, in its own store so that listing, counting and
 * finding interrupted runs never read a full trace (a long run is hundreds of KB). Written in
 * the same transaction as the trace, so the two never disagree.
 */
export interface TraceSummary {
  id: string;
  title: string;
  task: string;
  mode: RunMode;
  status: TraceStatus;
  outcome?: RunOutcome;
  /** The engine of the run's first model; absent when the run had none. */
  engine?: EngineKind;
  steps: number;
  updatedAt: number;
  /**
   * The stored trace's version. Only 1…TRACE_VERSION are listed; a newer one (a newer page
   * wrote it) or 0 (damaged) is counted as hidden.
   */
  version: number;
}

/** Whether this page lists a summary: its trace is one this page can upgrade and read. */
export const isListed = (summary: Pick<TraceSummary, 'version'>): boolean =>
  summary.version >= 1 && summary.version <= TRACE_VERSION;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T =>
  allowed.includes(value as T);
const MODES = ['multi', 'shared', 'single'] as const;
const STATUSES = ['running', 'finished', 'interrupted'] as const;
const OUTCOMES = ['answer', 'give_up', 'step_limit', 'error', 'aborted'] as const;
const ENGINES = ['scripted', 'webllm', 'tiny', 'server', 'remote'] as const;

/**
 * The summary of a stored trace record. The record may come from any version of the page
 * (the v3 → v4 upgrade reads what older pages stored), so nothing about it is assumed: a
 * record whose list fields are missing or wrong is summarised as damaged (version 0), one
 * from a newer page keeps its version so that it is counted, not listed.
 */
export function traceSummary(stored: {
  id: string;
  title?: unknown;
  trace?: unknown;
  updatedAt?: unknown;
}): TraceSummary {
  const trace = isObject(stored.trace) ? stored.trace : {};
  const task = typeof trace.task === 'string' ? trace.task : '';
  const { version, mode, status, outcome, steps } = trace;
  const firstModel = isObject(trace.models) ? Object.values(trace.models).find(isObject) : undefined;
  const known =
    typeof trace.task === 'string' &&
    oneOf(mode, MODES) &&
    oneOf(status, STATUSES) &&
    (outcome === undefined || oneOf(outcome, OUTCOMES)) &&
    Array.isArray(steps);
  const versionOk = typeof version === 'number' && Number.isInteger(version) && version >= 1;
  return {
    id: stored.id,
    title: typeof stored.title === 'string' ? stored.title : task,
    task,
    mode: oneOf(mode, MODES) ? mode : 'multi',
    status: oneOf(status, STATUSES) ? status : 'finished',
    ...(oneOf(outcome, OUTCOMES) ? { outcome } : {}),
    ...(oneOf(firstModel?.kind, ENGINES) ? { engine: firstModel.kind } : {}),
    steps: Array.isArray(steps) ? steps.length : 0,
    updatedAt: typeof stored.updatedAt === 'number' ? stored.updatedAt : 0,
    version: versionOk && (known || version > TRACE_VERSION) ? version : 0,
  };
}
