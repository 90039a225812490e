/** The task suite: tasks, checkers, per-run metrics, per-configuration summaries, exports. */
export * from './checkers';
export * from './export';
export * from './metrics';
export * from './normalise';
export * from './results';
export * from './tasks';
export * from './types';
