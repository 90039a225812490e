/**
 * Training records from generated trajectories, through the app's own GLPFT export: each
 * trajectory is imported as a trace (`traceFromStage2`), then `exportGlpft` writes the
 * planner, caller, summarizer and backbone records, byte for byte the prompts a live run
 * of the alpha-umi dialect builds.
 */

import type { ToolDocStyle } from '../../dialects/alpha-umi/prompts';
import { exportGlpft, type GlpftExport, type GlpftRole } from '../../export/glpft';
import { toolDefinitionFromDoc, traceFromStage2 } from '../../export/stage2';
import type { ToolDefinition } from '../../types';
import type { GeneratedTrajectory } from './generate';

/** What the trainer reads: the prompt and the output, nothing else. */
export interface TrainingPair {
  input: string;
  target: string;
}

export type TrainingSet = Record<GlpftRole, TrainingPair[]>;

export function trainingPairs(
  trajectories: readonly GeneratedTrajectory[],
  toolDocs: ToolDocStyle = 'full',
): TrainingSet {
  const traces = trajectories.map((t, k) => traceFromStage2(t, { id: `gen-${k}` }));
  const records: GlpftExport = exportGlpft(traces, { toolDocs });
  const pairs = (role: GlpftRole) => records[role].map(({ input, target }) => ({ input, target }));
  return {
    planner: pairs('planner'),
    caller: pairs('caller'),
    summarizer: pairs('summarizer'),
    backbone: pairs('backbone'),
  };
}

/** The tool definitions a trajectory's docs stand for (for prompts built again at run time). */
export function toolsOf(trajectory: GeneratedTrajectory): ToolDefinition[] {
  return trajectory.tools.map(toolDefinitionFromDoc);
}
