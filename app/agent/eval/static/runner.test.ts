import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../../test-support/fixtures';
import { AbortError } from '../../errors';
import { DEFAULT_SAMPLING, type GenerateRequest, type GenerateResult, type RoleModel } from '../../types';
import { type PredictionRecord, type StaticMetrics, scorePredictions } from './metrics';
import { replayOutputs } from './pipeline';
import { runStaticEval, type StaticEvalEvent, type StaticEvalModels, type StaticRole } from './runner';
import { buildSamples, type Stage2Record, type StaticSample } from './samples';

const samples = buildSamples(readAlphaUmiFixture<Stage2Record[]>('raw_data_stage_2.json'));
const predictions = readAlphaUmiFixture<PredictionRecord[]>('static-eval/predictions.json');
const metrics = readAlphaUmiFixture<StaticMetrics>('static-eval/reference-metrics.json');
const trainCaller = readAlphaUmiFixture<{ input: string }[]>('train_caller.json');
const trainSummarizer = readAlphaUmiFixture<{ input: string }[]>('train_summarizer.json');

const sampling = {
  planner: DEFAULT_SAMPLING.planner,
  caller: DEFAULT_SAMPLING.caller,
  summarizer: DEFAULT_SAMPLING.summarizer,
};

/** Writes given outputs in order and records every prompt it was shown. */
class ListModel implements RoleModel {
  readonly kind = 'scripted' as const;
  readonly label = 'test';
  readonly prompts: string[] = [];
  constructor(
    readonly id: string,
    private readonly outputs: (string | Error)[],
  ) {}
  async load() {}
  async interrupt() {}
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    if (request.prompt.kind !== 'text') throw new Error('alpha-umi prompts are text');
    expect(request.stop).toEqual(['</s>']);
    this.prompts.push(request.prompt.text);
    const next = this.outputs.shift() ?? new Error(`${this.id}: no more outputs`);
    if (next instanceof Error) throw next;
    const usage = {
      promptTokens: 0,
      completionTokens: 0,
      timeToFirstTokenMs: 0,
      decodeTokensPerSecond: 0,
      wallMs: 0,
      simulated: true,
    };
    return { text: next, usage, finishReason: 'stop' };
  }
}

function models(outputs: Partial<Record<StaticRole, (string | Error)[]>>) {
  return {
    planner: new ListModel('planner', outputs.planner ?? []),
    caller: new ListModel('caller', outputs.caller ?? []),
    summarizer: new ListModel('summarizer', outputs.summarizer ?? []),
  } satisfies StaticEvalModels;
}

async function collect(run: AsyncGenerator<StaticEvalEvent>) {
  const events: StaticEvalEvent[] = [];
  for await (const event of run) events.push(event);
  return events;
}

const records = (events: StaticEvalEvent[]) =>
  events.flatMap((e) => (e.kind === 'sample' ? [e.prediction.record] : []));

describe('runStaticEval', () => {
  it('shows the planner model_input, then the caller or summarizer the trained prompts of the release', async () => {
    // Teacher forcing all the way: the planner writes the trajectory's own turns, so the
    // caller and summarizer prompts must be the release's train_caller/train_summarizer inputs.
    const planner = samples.map((s) => s.reference.replace(/^assistant: /, '').split('</s>')[0] as string);
    const m = models({
      planner,
      caller: trainCaller.map(() => 'Action: x'),
      summarizer: trainSummarizer.map(() => 'ok'),
    });
    const events = await collect(runStaticEval({ samples, models: m, sampling }));
    expect(events.at(-1)).toEqual({ kind: 'finished', completed: 79 });
    expect(m.planner.prompts).toEqual(samples.map((s) => s.model_input));
    expect(m.caller.prompts).toEqual(trainCaller.map((r) => r.input));
    expect(m.summarizer.prompts).toEqual(trainSummarizer.map((r) => r.input));
  });

  it('replaying the role outputs of predictions.json writes predictions.json again, which scores as the reference', async () => {
    const split = predictions.map((p) => replayOutputs(p.predictions));
    const outputs = (role: StaticRole) =>
      split.flatMap((o) => (o?.second?.role === role ? [o.second.text] : []));
    const m = models({
      planner: split.map((o) => o?.planner ?? ''),
      caller: outputs('caller'),
      summarizer: outputs('summarizer'),
    });
    const written = records(await collect(runStaticEval({ samples, models: m, sampling })));
    expect(written).toEqual(predictions);
    const scored = scorePredictions(written).metrics;
    for (const [key, value] of Object.entries(metrics)) {
      expect(Math.abs((scored[key as keyof StaticMetrics] as number) - (value as number))).toBeLessThan(1e-9);
    }
  });

  it('stops between samples on abort and keeps only finished samples', async () => {
    const controller = new AbortController();
    const few: StaticSample[] = samples.slice(0, 3);
    const m = models({ planner: ['x Next: give up.', 'y Next: give up.', 'z Next: give up.'] });
    const events: StaticEvalEvent[] = [];
    for await (const event of runStaticEval({
      samples: few,
      models: m,
      sampling,
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.kind === 'sample') controller.abort();
    }
    expect(events.map((e) => e.kind)).toEqual(['started', 'sample', 'stopped']);
    expect(events.at(-1)).toEqual({ kind: 'stopped', completed: 1 });
  });

  it('a generation interrupted mid-sample drops that sample; a failing model ends the run as failed', async () => {
    const few = samples.slice(0, 3);
    const stopped = await collect(
      runStaticEval({
        samples: few,
        models: models({ planner: ['a Next: give up.', new AbortError()] }),
        sampling,
      }),
    );
    expect(stopped.at(-1)).toEqual({ kind: 'stopped', completed: 1 });
    expect(records(stopped)).toHaveLength(1);

    const failed = await collect(
      runStaticEval({ samples: few, models: models({ planner: ['a Next: caller.'] }), sampling }),
    );
    expect(failed.at(-1)).toEqual({
      kind: 'failed',
      completed: 0,
      index: 0,
      error: { name: 'Error', message: 'caller: no more outputs' },
    });
  });

  it('records the raw outputs of each role beside the cleaned prediction', async () => {
    const events = await collect(
      runStaticEval({
        samples: samples.slice(0, 1),
        models: models({ planner: [': plan Next: conclusion. trailing'], summarizer: [' .</s>'] }),
        sampling,
      }),
    );
    const sample = events.find((e) => e.kind === 'sample');
    expect(sample?.kind === 'sample' && sample.prediction.steps.map((s) => [s.role, s.raw])).toEqual([
      ['planner', ': plan Next: conclusion. trailing'],
      ['summarizer', ' .</s>'],
    ]);
    expect(records(events)[0]?.predictions).toBe('assistant: plan Next: conclusion.</s>conclusion: none</s>');
  });
});
