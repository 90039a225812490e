/**
 * The static evaluation of a single model (the `single` run mode, GLPFT's backbone format):
 * the backbone is prompted with the sample's history in its own format and writes the thought
 * and the call, or the answer, in one output. To be scored with the same seven metrics as the
 * multi pipeline, that output is written as the prediction the pipeline would have written for
 * the same step: `assistant: <thought>\n Next: caller.</s>caller: <call></s>`, the conclusion
 * likewise, a give-up as the planner text alone.
 */
import { buildBackbonePrompt, withPlannerMarker } from '../../dialects/alpha-umi/prompts';
import { toolDefinitionFromDoc } from '../../export/stage2';
import { parseBackbone } from '../../parse';
import type { RoleModel, SamplingSettings } from '../../types';
import type { PredictionRecord } from './metrics';
import type { StaticSample } from './samples';

export function backbonePrediction(sample: StaticSample, output: string): string {
  const parsed = parseBackbone(output, sample.tools.map(toolDefinitionFromDoc));
  switch (parsed.kind) {
    case 'give_up':
      return withPlannerMarker(parsed.thought, 'give up');
    case 'conclusion':
      return `assistant: ${withPlannerMarker(parsed.thought, 'conclusion')}</s>conclusion: ${parsed.answer}</s>`;
    case 'call': {
      const call = parsed.caller;
      const name = call.ok ? call.call.name : (call.name ?? 'none');
      const args = call.ok ? call.rawArguments : (call.rawArguments ?? '{}');
      return `assistant: ${withPlannerMarker(parsed.thought, 'caller')}</s>caller: Action: ${name}\nAction Input: ${args.trim()}</s>`;
    }
  }
}

/** One sample with a backbone model: its prompt, its output, the prediction record. */
export async function predictBackboneSample(
  sample: StaticSample,
  model: RoleModel,
  sampling: SamplingSettings,
  signal?: AbortSignal,
): Promise<{ record: PredictionRecord; raw: string }> {
  const result = await model.generate({
    role: 'backbone',
    prompt: { kind: 'text', text: buildBackbonePrompt(sample.tools, sample.history) },
    stop: ['</s>'],
    sampling,
    context: {
      task: sample.instruction,
      mode: 'single',
      dialect: 'alpha-umi',
      turn: sample.history.filter((t) => t.from === 'assistant').length + 1,
      tools: sample.tools.map((t) => t.Name),
    },
    ...(signal ? { signal } : {}),
  });
  return {
    raw: result.text,
    record: {
      tools: sample.tools,
      reference: sample.reference,
      predictions: backbonePrediction(sample, result.text),
    },
  };
}
