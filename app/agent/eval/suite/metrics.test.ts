import { describe, expect, it } from 'vitest';
import { ScriptedModel, type ScriptedOutput } from '../../../llm/scripted/scripted-model';
import { ToolRegistry } from '../../../tools/registry';
import { createToolRunner } from '../../../tools/runner';
import { type RunConfig, runAgent } from '../../orchestrator';
import { traceFromEvents } from '../../trace';
import type { Role, RunEvent } from '../../types';
import { mustGiveUp, numeric } from './checkers';
import { callAttempts, infrastructureFailure, runMetrics } from './metrics';

function tools() {
  const registry = new ToolRegistry();
  registry.register({
    definition: {
      name: 'add',
      description: 'Adds two numbers',
      parameters: {
        type: 'object',
        properties: { a: { type: 'number' }, b: { type: 'number' } },
        required: ['a', 'b'],
        additionalProperties: false,
      },
    },
    run: async (args) => (args.a as number) + (args.b as number),
  });
  return createToolRunner(registry);
}

async function trace(
  mode: RunConfig['mode'],
  dialect: RunConfig['dialect'],
  outputs: Partial<Record<Role, ScriptedOutput[]>>,
  extra: Partial<RunConfig> = {},
) {
  const model = new ScriptedModel({ outputs });
  const models =
    mode === 'single' ? { backbone: model } : { planner: model, caller: model, summarizer: model };
  let clock = 1000;
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: 'Add 1 and 2.',
    mode,
    dialect,
    models,
    tools: tools(),
    now: () => (clock += 10),
    ...extra,
  })) {
    events.push(event);
  }
  return traceFromEvents(events);
}

describe('runMetrics', () => {
  it('counts calls, schema-valid calls and made-up tools from the caller steps', async () => {
    const t = await trace('multi', 'chat', {
      planner: [
        'Use add.\nNext: caller',
        'Again.\nNext: caller',
        'Once more.\nNext: caller',
        'Done.\nNext: summarizer',
      ],
      caller: [
        '{"name": "add", "arguments": {"a": 1, "b": 2}}',
        '{"name": "multiply", "arguments": {"a": 1}}',
        '{"name": "add", "arguments": {"a": "one"}}',
      ],
      summarizer: ['The sum is **3**.'],
    });
    const m = runMetrics(t, numeric(3));
    expect(m).toMatchObject({
      outcome: 'answer',
      answer: 'The sum is **3**.',
      gaveUp: false,
      toolCalls: 3,
      validToolCalls: 1,
      hallucinatedCalls: 1,
      hallucinatedTools: ['multiply'],
      steps: 8,
      simulated: true,
    });
    expect(m.check).toMatchObject({ correct: true, reason: 'match' });
    expect(m.promptTokens).toBeGreaterThan(0);
    expect(m.completionTokens).toBeGreaterThan(0);
    expect(m.wallMs).toBe(t.updatedAt - t.createdAt);
    expect(m.wallMs).toBeGreaterThan(0);
  });

  it('the single model: its call turns are the calls; an explicit give-up is a give-up', async () => {
    const t = await trace('single', 'alpha-umi', {
      backbone: ['Look it up.\nAction: lookup\nAction Input: {}', 'Nothing there.\nconclusion: give up.'],
    });
    const m = runMetrics(t, mustGiveUp);
    expect(m).toMatchObject({ outcome: 'give_up', gaveUp: true, toolCalls: 1, validToolCalls: 0 });
    expect(m.hallucinatedTools).toEqual(['lookup']);
    expect(m.check).toEqual({ correct: true, reason: 'gave-up-right' });
    expect(runMetrics(t, numeric(3)).check).toEqual({ correct: false, reason: 'gave-up' });
  });

  it('running out of steps is not a give-up and has no answer', async () => {
    const t = await trace(
      'multi',
      'chat',
      {
        planner: ['Use add.\nNext: caller', 'Again.\nNext: caller'],
        caller: [
          '{"name": "add", "arguments": {"a": 1, "b": 2}}',
          '{"name": "add", "arguments": {"a": 1, "b": 2}}',
        ],
      },
      { maxSteps: 2 },
    );
    const m = runMetrics(t, mustGiveUp);
    expect(m).toMatchObject({
      outcome: 'step_limit',
      gaveUp: false,
      answer: undefined,
      toolCalls: 2,
      validToolCalls: 2,
    });
    expect(m.check).toEqual({ correct: false, reason: 'did-not-give-up' });
    expect(runMetrics(t, numeric(3)).check?.reason).toBe('no-answer');
  });

  it('a step stopped before it finished is no call; no checker means no verdict', async () => {
    const controller = new AbortController();
    const model = new ScriptedModel({
      outputs: { planner: ['Use add.\nNext: caller'], caller: [{ hang: true }] },
    });
    const events: RunEvent[] = [];
    for await (const event of runAgent({
      task: 'Add 1 and 2.',
      mode: 'shared',
      dialect: 'chat',
      models: { planner: model, caller: model, summarizer: model },
      tools: tools(),
      signal: controller.signal,
    })) {
      events.push(event);
      // Stop while the caller is still writing.
      if (event.type === 'role_started' && event.role === 'caller') controller.abort();
    }
    const t = traceFromEvents(events);
    expect(t.outcome).toBe('aborted');
    expect(t.steps.map((s) => s.role)).toEqual(['planner', 'caller']);
    expect(callAttempts(t)).toEqual([]);
    expect(runMetrics(t, undefined).check).toBeUndefined();
    expect(runMetrics(t, undefined).toolCalls).toBe(0);
  });
});

describe('infrastructureFailure (review #2)', () => {
  it('a run-level error is an infrastructure failure; step errors and a full context are the model’s', async () => {
    const crashed = await trace('multi', 'chat', {
      planner: [{ error: Object.assign(new Error('The worker stopped.'), { name: 'WorkerCrashedError' }) }],
    });
    expect(infrastructureFailure(crashed)).toEqual({
      name: 'WorkerCrashedError',
      message: 'The worker stopped.',
    });
    const missing = await trace('multi', 'chat', {}, { models: {} });
    expect(infrastructureFailure(missing)?.name).toBe('MissingModelError');
    const full = await trace('multi', 'chat', {
      planner: [{ error: Object.assign(new Error('Too long.'), { name: 'ContextWindowError' }) }],
    });
    expect(full.outcome).toBe('error');
    expect(infrastructureFailure(full)).toBeUndefined();
    // A malformed call is a step error: the run goes on and ends in a give-up, which is scored.
    const bad = await trace('multi', 'chat', {
      planner: ['Use add.\nNext: caller', 'It failed.\nNext: give up'],
      caller: ['not a call'],
    });
    expect(bad.steps.some((s) => s.status === 'error')).toBe(true);
    expect(infrastructureFailure(bad)).toBeUndefined();
  });
});
