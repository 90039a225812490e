/**
 * Step samples of the static evaluation, built from stage-2 trajectories exactly as the
 * α-UMi reference inference code builds them (`build_infer_samples` in GLPFT
 * `inference_utils/toolbench/infer_pipeline.py`):
 *
 * - one sample per planner (`assistant`) turn containing `Next: caller.`, `Next: conclusion.`
 *   or `Next: give up.` (with the period); other planner turns only extend the history;
 * - `model_input`: the planner prompt over the turns before it (teacher forcing: the history is
 *   the trajectory's, never a model's), then `" assistant: "`;
 * - `reference`: `"assistant: " + turn + "</s>" + next.from + ": " + next.value + "</s>"` when the
 *   turn contains `Next: caller` (no period needed) or `Next: conclusion.`; otherwise (a
 *   give-up) the planner turn alone, without a prefix.
 */
import { buildPlannerPrompt, type HistoryTurn, toolDocFor } from '../../dialects/alpha-umi/prompts';
import { toolDefinitionFromDoc } from '../../export/stage2';
import type { AlphaUmiToolDoc, ToolDocStyle } from '../../types';

export interface Stage2Record {
  tools: AlphaUmiToolDoc[];
  instruction: string;
  conversations: HistoryTurn[];
}

export interface StaticSample {
  /** Index of the trajectory in the test file. */
  record: number;
  /** Index of the planner turn in its trajectory's `conversations`. */
  turn: number;
  tools: AlphaUmiToolDoc[];
  instruction: string;
  /** The trajectory's turns before this planner turn (what the caller and summarizer prompts extend). */
  history: HistoryTurn[];
  model_input: string;
  reference: string;
}

const SAMPLE_MARKERS = ['Next: caller.', 'Next: conclusion.', 'Next: give up.'];

/** A planner turn that hands over, with nothing after it (the reference code raises IndexError). */
export class MissingTurnError extends Error {
  override name = 'MissingTurnError';
  constructor(
    readonly record: number,
    readonly turn: number,
  ) {
    super(`Record [${record}]: no turn follows the planner turn conversations[${turn}].`);
  }
}

export function buildSamples(records: readonly Stage2Record[]): StaticSample[] {
  const samples: StaticSample[] = [];
  for (const [record, { tools, instruction, conversations }] of records.entries()) {
    for (const [turn, { from, value }] of conversations.entries()) {
      if (from !== 'assistant' || !SAMPLE_MARKERS.some((marker) => value.includes(marker))) continue;
      const history = conversations.slice(0, turn);
      let reference = value;
      if (value.includes('Next: caller') || value.includes('Next: conclusion.')) {
        const next = conversations[turn + 1];
        if (!next) throw new MissingTurnError(record, turn);
        reference = `assistant: ${value}</s>${next.from}: ${next.value}</s>`;
      }
      samples.push({
        record,
        turn,
        tools,
        instruction,
        history,
        model_input: buildPlannerPrompt(tools, history),
        reference,
      });
    }
  }
  return samples;
}

/**
 * The same samples for models trained on another `{doc}` style (the tiny models: `compact`):
 * the tool list and the planner prompt are rebuilt in that style, the history and the
 * reference stay, so the scores compare with those of the full-style samples.
 */
export function withToolDocs(samples: readonly StaticSample[], style: ToolDocStyle): StaticSample[] {
  if (style === 'full') return [...samples];
  return samples.map((sample) => {
    const tools = sample.tools.map((doc) => toolDocFor(toolDefinitionFromDoc(doc), style));
    return { ...sample, tools, model_input: buildPlannerPrompt(tools, sample.history) };
  });
}
