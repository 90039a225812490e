/**
 * Runs the static evaluation with any `RoleModel`s: per sample the planner on the sample's
 * `model_input`, then the caller or the summarizer its decision selects, prompted with the
 * same teacher-forced history plus the planner turn just written (`pipeline.ts`). Samples are
 * independent; their predictions come out in order, one event each, so a stopped run keeps
 * every finished sample and nothing half-done.
 */
import { buildCallerPrompt, buildSummarizerPrompt, type HistoryTurn } from '../../dialects/alpha-umi/prompts';
import { isAbortError, toErrorData } from '../../errors';
import type { GenerateResult, NamedErrorData, Role, RoleModel, SamplingSettings } from '../../types';
import type { PredictionRecord } from './metrics';
import { assemblePrediction, cleanCandidate, routePlanner } from './pipeline';
import type { StaticSample } from './samples';

export type StaticRole = 'planner' | 'caller' | 'summarizer';
export type StaticEvalModels = Record<StaticRole, RoleModel>;

export interface StaticStep {
  role: StaticRole;
  /** The model's text as returned, before the pipeline's cleaning. */
  raw: string;
  usage: GenerateResult['usage'];
}

export interface SamplePrediction {
  index: number;
  record: PredictionRecord;
  steps: StaticStep[];
}

export type StaticEvalEvent =
  | { kind: 'started'; index: number }
  | { kind: 'sample'; prediction: SamplePrediction }
  | { kind: 'stopped'; completed: number }
  | { kind: 'failed'; completed: number; index: number; error: NamedErrorData }
  | { kind: 'finished'; completed: number };

export interface StaticEvalOptions {
  samples: readonly StaticSample[];
  models: StaticEvalModels;
  sampling: Record<StaticRole, SamplingSettings>;
  signal?: AbortSignal;
  /** Text deltas of the generation in progress (for a live view). */
  onDelta?: (role: StaticRole, delta: string) => void;
}

const STOP = ['</s>'];

export async function predictSample(
  sample: StaticSample,
  index: number,
  options: Omit<StaticEvalOptions, 'samples'>,
): Promise<SamplePrediction> {
  const { models, sampling, signal, onDelta } = options;
  const turn = sample.history.filter((t) => t.from === 'assistant').length + 1;
  const generate = (role: StaticRole, prompt: string) =>
    models[role].generate({
      role: role satisfies Role,
      prompt: { kind: 'text', text: prompt },
      stop: [...STOP],
      sampling: sampling[role],
      context: {
        task: sample.instruction,
        mode: 'multi',
        dialect: 'alpha-umi',
        turn,
        tools: sample.tools.map((t) => t.Name),
      },
      ...(signal ? { signal } : {}),
      ...(onDelta ? { onDelta: (delta: string) => onDelta(role, delta) } : {}),
    });

  const planned = await generate('planner', sample.model_input);
  const steps: StaticStep[] = [{ role: 'planner', raw: planned.text, usage: planned.usage }];
  const route = routePlanner(cleanCandidate(planned.text));
  let second: string | undefined;
  if (route.next !== 'give up') {
    const history: HistoryTurn[] = [...sample.history, { from: 'assistant', value: route.planner }];
    const role: StaticRole = route.next === 'caller' ? 'caller' : 'summarizer';
    const prompt =
      role === 'caller'
        ? buildCallerPrompt(sample.tools, history, route.planner)
        : buildSummarizerPrompt(history);
    const result = await generate(role, prompt);
    steps.push({ role, raw: result.text, usage: result.usage });
    second = cleanCandidate(result.text);
  }
  const record: PredictionRecord = {
    tools: sample.tools,
    reference: sample.reference,
    predictions: assemblePrediction(route, second),
  };
  return { index, record, steps };
}

/** Predicts every sample in order; ends with `finished`, `stopped` (signal) or `failed`. */
export async function* runStaticEval(options: StaticEvalOptions): AsyncGenerator<StaticEvalEvent> {
  const { samples, signal } = options;
  let completed = 0;
  for (const [index, sample] of samples.entries()) {
    if (signal?.aborted) {
      yield { kind: 'stopped', completed };
      return;
    }
    yield { kind: 'started', index };
    try {
      const prediction = await predictSample(sample, index, options);
      completed++;
      yield { kind: 'sample', prediction };
    } catch (error) {
      if (signal?.aborted || isAbortError(error)) yield { kind: 'stopped', completed };
      else yield { kind: 'failed', completed, index, error: toErrorData(error) };
      return;
    }
  }
  yield { kind: 'finished', completed };
}
