/** The task generator of the tiny α-UMi models: families, splits, trajectories, training records. */

export * from './checker';
export * from './families';
export * from './generate';
export * from './lab-tasks';
export * from './random';
export * from './records';
