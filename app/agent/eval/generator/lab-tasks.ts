import type { ToolRunner } from '../../types';
import type { SuiteTask } from '../suite/types';
import { generatedChecker } from './checker';
import type { FamilyCategory } from './families';
import { generateTrajectories } from './generate';

/** The seed of the tiny models' data (scripts/tiny-data.ts): its test split is the held-out set. */
export const HELD_OUT_SEED = 11;

/** A held-out generated task, run and scored in the evaluation lab like a suite task. */
export interface HeldOutTask extends Omit<SuiteTask, 'category'> {
  category: FamilyCategory;
  /** `family#phrasing`: the phrasing is one no training task used. */
  template: string;
}

/**
 * The first `count` tasks of the generator's test split, as the tiny models' data was made:
 * phrasings and values the models never read in training, each solved with the real tools
 * (`runner` needs only the built-in tools) and checked by `generatedChecker`.
 */
export async function heldOutTasks(runner: ToolRunner, count: number): Promise<HeldOutTask[]> {
  const trajectories = await generateTrajectories({ seed: HELD_OUT_SEED, count, split: 'test', runner });
  return trajectories.map((t, k) => ({
    id: `held-out-${String(k + 1).padStart(3, '0')}`,
    category: t.meta.category,
    template: t.meta.template,
    task: t.instruction,
    tools: [...new Set(t.meta.steps.flatMap((s) => ('call' in s ? [s.call.name] : [])))],
    checker: generatedChecker(t.meta),
    reference: t.meta.steps,
  }));
}
