/** The task suite: tasks, checkers, per-run metrics, per-configuration summaries, exports. */
export * from './checkers';
export * from './dates';
export * from './export';
export * from './metrics';
export * from './normalise';
export * from './results';
export * from './settings';
export * from './span';
export * from './tasks';
export * from './types';
