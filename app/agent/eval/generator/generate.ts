/**
 * The task generator behind the built-in tiny α-UMi models: it writes tasks from the
 * families (families.ts), solves each one by calling the **real tools** through a
 * `ToolRunner`, and records the run as an α-UMi stage-2 trajectory
 * (`{tools, instruction, conversations}`), the format `traceFromStage2` imports and
 * `exportGlpft` turns into per-role training records. Observations are formatted and cut
 * exactly as a live run formats them (the alpha-umi session, `truncateObservation`).
 *
 * Train and test never share a task phrasing (a family's last phrasing is test-only) or a
 * value (random.ts `splitOf`).
 */

import { type HistoryTurn, toAlphaUmiToolDoc, withPlannerMarker } from '../../dialects/alpha-umi/prompts';
import { createAlphaUmiSession } from '../../dialects/alpha-umi/session';
import type { Stage2Trajectory } from '../../export/stage2';
import { truncateObservation } from '../../orchestrator';
import { pyJsonDumps } from '../../py-json';
import type { ToolDefinition, ToolRunner } from '../../types';
import type { ReferenceStep } from '../suite/types';
import { type AnyFamily, FAMILIES, type FamilyCategory, type Observation } from './families';
import { createRng, type Split } from './random';

/** A solution never needs more planner turns than this; a family that does is a bug. */
const MAX_TURNS = 6;

export interface GeneratedTask {
  /** `family#phrasing`, the unit held out between the splits. */
  template: string;
  family: string;
  category: FamilyCategory;
  split: Split;
  task: string;
  /** The worked solution as it was played against the tools. */
  steps: ReferenceStep[];
  /** The final answer; undefined for a give-up. */
  answer?: string;
}

export interface GeneratedTrajectory extends Stage2Trajectory {
  meta: GeneratedTask;
}

export interface GenerateOptions {
  seed: number;
  count: number;
  split: Split;
  /** Runs the tool calls. Only built-in tools are called (no sandbox needed). */
  runner: ToolRunner;
  /** The tool list the prompts show (default: the runner's). */
  tools?: readonly ToolDefinition[];
  families?: readonly AnyFamily[];
}

/** The phrasings a split may use: all but the last for `train`, the last for `test`. */
export function phrasingsFor(family: AnyFamily, split: Split): number[] {
  const last = family.phrasings.length - 1;
  return split === 'test' ? [last] : Array.from({ length: last }, (_, k) => k);
}

function parseObservation(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One task of `family`, solved against the tools. */
export async function generateOne(
  family: AnyFamily,
  seed: number,
  split: Split,
  runner: ToolRunner,
  tools: readonly ToolDefinition[],
): Promise<GeneratedTrajectory> {
  const rng = createRng(seed);
  const phrasing = rng.pick(phrasingsFor(family, split));
  const values = family.sample(rng, split);
  const task = (family.phrasings[phrasing] as (v: unknown) => string)(values);
  const session = createAlphaUmiSession({ task, tools: [...tools] });
  const conversations: HistoryTurn[] = [{ from: 'user', value: task }];
  const observations: Observation[] = [];
  const steps: ReferenceStep[] = [];
  const signal = new AbortController().signal;
  let answer: string | undefined;

  for (let turn = 0; turn < MAX_TURNS; turn++) {
    const step = family.solve(values, observations, rng, phrasing);
    steps.push(step);
    if ('call' in step) {
      conversations.push({ from: 'assistant', value: withPlannerMarker(step.thought, 'caller') });
      conversations.push({
        from: 'caller',
        value: `Action: ${step.call.name}\nAction Input: ${pyJsonDumps(step.call.arguments)}`,
      });
      const result = await runner.run(step.call, { signal });
      const text = truncateObservation(session.formatObservation(result, step.call));
      conversations.push({ from: 'observation', value: text });
      observations.push({ text, value: parseObservation(text), ok: result.ok });
      continue;
    }
    if ('answer' in step) {
      conversations.push({ from: 'assistant', value: withPlannerMarker(step.thought, 'conclusion') });
      conversations.push({ from: 'conclusion', value: step.answer });
      answer = step.answer;
    } else {
      conversations.push({ from: 'assistant', value: withPlannerMarker(step.thought, 'give up') });
    }
    return {
      tools: tools.map((tool) => toAlphaUmiToolDoc(tool)),
      instruction: task,
      conversations,
      meta: {
        template: `${family.id}#${phrasing}`,
        family: family.id,
        category: family.category,
        split,
        task,
        steps,
        ...(answer === undefined ? {} : { answer }),
      },
    };
  }
  throw new Error(`family ${family.id} did not finish within ${MAX_TURNS} turns`);
}

/**
 * `count` tasks of `split`, the families taken in turn, each task seeded from `seed` and its
 * index (so task k is the same whatever `count` is).
 */
export async function generateTrajectories(options: GenerateOptions): Promise<GeneratedTrajectory[]> {
  const families = options.families ?? FAMILIES;
  const tools = options.tools ?? options.runner.list();
  const out: GeneratedTrajectory[] = [];
  for (let k = 0; k < options.count; k++) {
    const family = families[k % families.length] as AnyFamily;
    const seed =
      (Math.imul(options.seed, 0x9e3779b1) ^
        (k * 0x85ebca6b) ^
        (options.split === 'test' ? 0x5bd1e995 : 0)) >>>
      0;
    out.push(await generateOne(family, seed, options.split, options.runner, tools));
  }
  return out;
}
