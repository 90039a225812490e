import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../../llm/scripted/scripted-model';
import { findScript } from '../../llm/scripted/scripts';
import { createDefaultRegistry } from '../../tools/registry';
import { createToolRunner } from '../../tools/runner';
import { runAgent } from '../orchestrator';
import { traceToEvents } from '../replay';
import { type Trace, traceFromEvents } from '../trace';
import type { RunEvent, RunMode } from '../types';
import { judgePoint, kindOfRole, predictionPoints, predictView, scorePredictionPoints } from './predict';

const TASK = findScript('What is 5 miles plus 3 kilometres, in kilometres?')?.task ?? '';

/** A real scripted run (the labelled test double) with the real tools. */
async function scriptedTrace(mode: RunMode = 'multi'): Promise<Trace> {
  const model = () => new ScriptedModel({ tokenDelayMs: 0 });
  const models =
    mode === 'single' ? { backbone: model() } : { planner: model(), caller: model(), summarizer: model() };
  let clock = 1_000_000;
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: TASK,
    mode,
    dialect: 'chat',
    tools: createToolRunner(createDefaultRegistry()),
    models,
    runId: 'run-1',
    now: () => (clock += 137),
    signal: new AbortController().signal,
  })) {
    events.push(event);
  }
  return traceFromEvents(events);
}

describe('predict, then reveal', () => {
  it('lists a point per model turn: planner decisions, the caller tool, the summarizer answer', async () => {
    const trace = await scriptedTrace();
    expect(trace.outcome).toBe('answer');
    const points = predictionPoints(trace);
    expect(points.map((p) => [p.kind, p.kind === 'answer' ? 'text' : p.actual])).toEqual([
      ['decision', 'caller'],
      ['tool', 'calculator'],
      ['decision', 'conclusion'],
      ['answer', 'text'],
    ]);
    expect(points.at(-1)?.actual).toBe(trace.answer?.trim());
    // A replay of the saved run has the same points (every engine's saved runs work).
    expect(predictionPoints(traceFromEvents(traceToEvents(trace)))).toEqual(points);
  });

  it('an edited turn (step-through) is predicted as the model wrote it, not as edited', async () => {
    const trace = await scriptedTrace();
    const planner = trace.steps[0];
    if (planner?.parsed?.role !== 'planner') throw new Error('no planner step');
    const edited: Trace = {
      ...trace,
      steps: [
        {
          ...planner,
          parsed: { role: 'planner', result: { ...planner.parsed.result, decision: 'give_up' } },
          edit: { originalRaw: planner.raw, originalParsed: planner.parsed, at: 1 },
        },
        ...trace.steps.slice(1),
      ],
    };
    expect(predictionPoints(edited)[0]?.actual).toBe('caller');
  });

  it('single mode: each backbone turn is a decision point', async () => {
    const trace = await scriptedTrace('single');
    const points = predictionPoints(trace);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((p) => p.kind === 'decision')).toBe(true);
    expect(points.at(-1)?.actual).toBe('conclusion');
  });

  it('scores with plan_em, action_em and ROUGE-L: right and wrong predictions', async () => {
    const trace = await scriptedTrace();
    const points = predictionPoints(trace);
    const tools = trace.tools.map((t) => t.name);
    const [plan1, call, plan2, answer] = points.map((p) => p.step);
    const all = scorePredictionPoints(
      points,
      {
        [plan1 as number]: 'caller',
        [call as number]: 'calculator',
        [plan2 as number]: 'give_up',
        [answer as number]: trace.answer ?? '',
      },
      tools,
    );
    expect(all.decision).toEqual({ right: 1, total: 2, metric: 0.5 });
    expect(all.tool).toEqual({ right: 1, total: 1, metric: 1 });
    expect(all.answer.right).toBe(1);
    expect(all.answer.metric).toBeCloseTo(1, 5);
    expect(all.results.map((r) => r.right)).toEqual([true, true, false, true]);

    const wrong = scorePredictionPoints(
      points,
      {
        [plan1 as number]: 'give_up',
        [call as number]: 'date_calc',
        [plan2 as number]: 'caller',
        [answer as number]: 'Paris is the capital of France',
      },
      tools,
    );
    expect(wrong.decision).toEqual({ right: 0, total: 2, metric: 0 });
    expect(wrong.tool).toEqual({ right: 0, total: 1, metric: 0 });
    expect(wrong.answer.right).toBe(0);
    expect(wrong.answer.metric).toBeLessThan(0.5);

    // Unpredicted turns are left out; a decision that is not one is refused.
    expect(scorePredictionPoints(points, { [call as number]: 'calculator' }, tools).decision).toEqual({
      right: 0,
      total: 0,
      metric: null,
    });
    expect(() => scorePredictionPoints(points, { [plan1 as number]: 'maybe' }, tools)).toThrow(RangeError);
  });

  it('an answer in other words is judged by ROUGE-L, not exact text', async () => {
    const trace = await scriptedTrace();
    const point = predictionPoints(trace).at(-1);
    if (!point) throw new Error('no answer point');
    const near = judgePoint(point, point.actual.replace(/\.$/, '').toUpperCase(), []);
    expect(near.rougeL).toBeLessThan(1);
    const same = judgePoint(point, `  ${point.actual}\n`, []);
    expect(same.right).toBe(true);
    expect(judgePoint(point, '', []).right).toBe(false);
    // Containment: a short answer found in the model's is right; a bare unit is not.
    const number = point.actual.match(/\d+\.\d+ km/)?.[0] ?? '';
    expect(number).not.toBe('');
    const short = judgePoint(point, number, []);
    expect(short.rougeL).toBeLessThan(0.5);
    expect(short.right).toBe(true);
    expect(judgePoint(point, 'km', []).right).toBe(false);
    expect(judgePoint(point, '99.5 km', []).right).toBe(false);
  });
});

describe('predict view', () => {
  it('hides from the first unrevealed point; a turn still being written is hidden without a point', async () => {
    const trace = await scriptedTrace();
    const steps = predictionPoints(trace).map((p) => p.step);
    expect(predictView(trace, new Set())).toMatchObject({
      shownBelow: 0,
      done: false,
      next: { point: { step: 0 } },
    });
    const afterTwo = predictView(trace, new Set(steps.slice(0, 2)));
    expect(afterTwo.shownBelow).toBe(steps[2]);
    expect(afterTwo.next?.point?.kind).toBe('decision');
    expect(predictView(trace, new Set(steps))).toEqual({ shownBelow: Number.POSITIVE_INFINITY, done: true });

    // Mid-run: the caller is still streaming; it is hidden and has no point yet.
    const events = traceToEvents(trace);
    const callerStart = events.findIndex((e) => e.type === 'role_started' && e.role === 'caller');
    const partial = traceFromEvents(events.slice(0, callerStart + 2));
    const view = predictView(partial, new Set([0]));
    expect(view.next?.step.role).toBe('caller');
    expect(view.next?.point).toBeUndefined();
    expect(view.shownBelow).toBe(view.next?.step.index);
    expect(view.done).toBe(false);
    expect(kindOfRole('caller')).toBe('tool');
  });
});
