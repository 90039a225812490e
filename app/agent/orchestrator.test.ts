import { describe, expect, it } from 'vitest';
import { ScriptedModel, type ScriptedOutput } from '../llm/scripted/scripted-model';
import { ToolRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { OBSERVATION_LIMIT, type RunConfig, runAgent } from './orchestrator';
import { traceFromEvents } from './trace';
import type { Dialect, Role, RunEvent, ToolRunner } from './types';

const objectSchema = (props: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties: props,
  required,
  additionalProperties: false,
});

/** Fake tools with known behaviour: echo, add, fail, slow (ignores nothing: honours abort), big. */
function testTools(): ToolRunner {
  const registry = new ToolRegistry();
  registry.register({
    definition: {
      name: 'add',
      description: 'Adds two numbers',
      parameters: objectSchema({ a: { type: 'number' }, b: { type: 'number' } }, ['a', 'b']),
    },
    run: async (args) => (args.a as number) + (args.b as number),
  });
  registry.register({
    definition: { name: 'fail', description: 'Always throws', parameters: objectSchema({}, []) },
    run: async () => {
      throw new Error('the service is down');
    },
  });
  registry.register({
    definition: { name: 'slow', description: 'Never finishes on its own', parameters: objectSchema({}, []) },
    run: (_args, ctx) =>
      new Promise((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
      }),
  });
  registry.register({
    definition: { name: 'big', description: 'Returns a long text', parameters: objectSchema({}, []) },
    run: async () => 'x'.repeat(5000),
  });
  return createToolRunner(registry, { defaultTimeoutMs: 2000 });
}

function models(outputs: Partial<Record<Role, ScriptedOutput[]>>, mode: RunConfig['mode'] = 'multi') {
  if (mode === 'single') return { backbone: new ScriptedModel({ outputs }) };
  if (mode === 'shared') {
    const one = new ScriptedModel({ outputs });
    return { planner: one, caller: one, summarizer: one };
  }
  return {
    planner: new ScriptedModel({ outputs: { planner: outputs.planner ?? [] } }),
    caller: new ScriptedModel({ outputs: { caller: outputs.caller ?? [] } }),
    summarizer: new ScriptedModel({ outputs: { summarizer: outputs.summarizer ?? [] } }),
  };
}

async function collect(config: Partial<RunConfig> & Pick<RunConfig, 'models'>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: 'a task',
    mode: 'multi',
    dialect: 'alpha-umi',
    tools: testTools(),
    ...config,
  })) {
    events.push(event);
  }
  return events;
}

const types = (events: RunEvent[]) => events.filter((e) => e.type !== 'token_delta').map((e) => e.type);
const last = (events: RunEvent[]) => events.at(-1);

const call = (dialect: Dialect, name: string, args: Record<string, unknown>) =>
  dialect === 'chat'
    ? JSON.stringify({ name, arguments: args })
    : `Action: ${name}\nAction Input: ${JSON.stringify(args)}`;
const plan = (dialect: Dialect, thought: string, next: 'caller' | 'conclusion' | 'give up') =>
  dialect === 'chat'
    ? `${thought}\nNext: ${next === 'conclusion' ? 'summarizer' : next}`
    : `${thought}\nNext: ${next}.`;

describe.each(['alpha-umi', 'chat'] as const)('runAgent, %s dialect', (dialect) => {
  it('call → conclusion: one tool call, then the summarizer answers', async () => {
    const events = await collect({
      dialect,
      models: models({
        planner: [plan(dialect, 'Add them.', 'caller'), plan(dialect, 'Done.', 'conclusion')],
        caller: [call(dialect, 'add', { a: 2, b: 3 })],
        summarizer: ['The sum is **5**.'],
      }),
    });
    expect(types(events)).toEqual([
      'run_started',
      'role_started',
      'role_finished',
      'role_started',
      'role_finished',
      'tool_call',
      'tool_result',
      'role_started',
      'role_finished',
      'role_started',
      'role_finished',
      'answer',
      'run_finished',
    ]);
    const result = events.find((e) => e.type === 'tool_result');
    expect(result).toMatchObject({ result: { ok: true, value: 5 } });
    expect(last(events)).toMatchObject({ type: 'run_finished', outcome: 'answer' });
    const trace = traceFromEvents(events);
    expect(trace.answer).toBe('The sum is **5**.');
    expect(trace.steps.map((s) => s.role)).toEqual(['planner', 'caller', 'planner', 'summarizer']);
    // Streamed deltas add up to exactly the raw output of each step.
    for (const step of trace.steps) {
      const streamed = events
        .filter(
          (e): e is Extract<RunEvent, { type: 'token_delta' }> =>
            e.type === 'token_delta' && e.step === step.index,
        )
        .map((e) => e.text)
        .join('');
      expect(streamed).toBe(step.raw);
    }
  });

  it('several calls feed their observations back to the planner', async () => {
    const events = await collect({
      dialect,
      models: models({
        planner: [
          plan(dialect, 'a', 'caller'),
          plan(dialect, 'b', 'caller'),
          plan(dialect, 'c', 'conclusion'),
        ],
        caller: [call(dialect, 'add', { a: 1, b: 1 }), call(dialect, 'add', { a: 2, b: 40 })],
        summarizer: ['42'],
      }),
    });
    const trace = traceFromEvents(events);
    expect(trace.steps.filter((s) => s.tool).map((s) => s.tool?.result)).toMatchObject([
      { value: 2 },
      { value: 42 },
    ]);
    // The third planner prompt contains the second observation.
    const third = trace.steps.filter((s) => s.role === 'planner')[2];
    expect(JSON.stringify(third?.prompt)).toContain('42');
    expect(trace.outcome).toBe('answer');
  });

  it('give-up ends the run without an answer', async () => {
    const events = await collect({
      dialect,
      models: models({ planner: [plan(dialect, 'No tool fits.', 'give up')] }),
    });
    expect(last(events)).toMatchObject({ outcome: 'give_up' });
    expect(events.some((e) => e.type === 'give_up' && e.reason === 'planner')).toBe(true);
    expect(events.some((e) => e.type === 'answer')).toBe(false);
  });

  it('stops at the step limit', async () => {
    const events = await collect({
      dialect,
      maxSteps: 3,
      models: models({
        planner: Array(5).fill(plan(dialect, 'again', 'caller')),
        caller: Array(5).fill(call(dialect, 'add', { a: 1, b: 2 })),
      }),
    });
    expect(last(events)).toMatchObject({ outcome: 'step_limit' });
    expect(events.filter((e) => e.type === 'role_started' && e.role === 'planner')).toHaveLength(3);
  });

  it('a hallucinated tool is run and answered with "No such function name"', async () => {
    const events = await collect({
      dialect,
      models: models({
        planner: [plan(dialect, 'x', 'caller'), plan(dialect, 'give up', 'give up')],
        caller: [call(dialect, 'weather', { city: 'Paris' })],
      }),
    });
    const toolCall = events.find((e) => e.type === 'tool_call');
    expect(toolCall).toMatchObject({ call: { name: 'weather' } });
    const result = events.find((e) => e.type === 'tool_result');
    expect(result).toMatchObject({ result: { ok: false, error: { name: 'UnknownToolError' } } });
    expect(result?.type === 'tool_result' && result.observation).toContain('weather');
  });

  it('a tool error becomes an observation and the run goes on', async () => {
    const events = await collect({
      dialect,
      models: models({
        planner: [plan(dialect, 'x', 'caller'), plan(dialect, 'y', 'conclusion')],
        caller: [call(dialect, 'fail', {})],
        summarizer: ['It failed.'],
      }),
    });
    const result = events.find((e) => e.type === 'tool_result');
    expect(result?.type === 'tool_result' && result.observation).toContain('the service is down');
    expect(last(events)).toMatchObject({ outcome: 'answer' });
    const secondPlanner = traceFromEvents(events).steps[2];
    expect(JSON.stringify(secondPlanner?.prompt)).toContain('the service is down');
  });

  it('a tool timeout becomes an observation', async () => {
    const events = await collect({
      dialect,
      toolTimeoutMs: 30,
      models: models({
        planner: [plan(dialect, 'x', 'caller'), plan(dialect, 'y', 'give up')],
        caller: [call(dialect, 'slow', {})],
      }),
    });
    expect(events.find((e) => e.type === 'tool_result')).toMatchObject({
      result: { ok: false, error: { name: 'ToolTimeoutError' } },
    });
    expect(last(events)).toMatchObject({ outcome: 'give_up' });
  });

  it('malformed caller output is a visible step error fed back to the planner', async () => {
    const events = await collect({
      dialect,
      models: models({
        planner: [plan(dialect, 'x', 'caller'), plan(dialect, 'y', 'give up')],
        caller: [
          dialect === 'chat' ? 'I think I should add' : 'Action: add\nAction Input: {"a": "two", "b": 3}',
        ],
      }),
    });
    const error = events.find((e) => e.type === 'step_error');
    expect(error).toMatchObject({ step: 1, error: { name: 'CallerOutputError' } });
    expect(events.some((e) => e.type === 'tool_call')).toBe(false);
    const trace = traceFromEvents(events);
    expect(trace.steps[1]?.status).toBe('error');
    expect(JSON.stringify(trace.steps[2]?.prompt)).toContain(
      error?.type === 'step_error' ? error.error.message.slice(0, 20) : '?',
    );
  });

  it('an empty planner output is an error the planner sees on its next turn, not a silent hang', async () => {
    const events = await collect({
      dialect,
      models: models({ planner: ['', plan(dialect, 'Sorry.', 'give up')] }),
    });
    const error = events.find((e) => e.type === 'step_error');
    expect(error).toMatchObject({ step: 0, error: { name: 'EmptyOutputError' } });
    expect(events.some((e) => e.type === 'role_started' && e.role === 'caller')).toBe(false);
    const trace = traceFromEvents(events);
    expect(JSON.stringify(trace.steps[1]?.prompt)).toContain('The planner wrote nothing');
    expect(trace.outcome).toBe('give_up');
  });

  it('cuts long observations to 1024 characters plus "..."', async () => {
    const events = await collect({
      dialect,
      models: models({
        planner: [plan(dialect, 'x', 'caller'), plan(dialect, 'y', 'give up')],
        caller: [call(dialect, 'big', {})],
      }),
    });
    const result = events.find((e) => e.type === 'tool_result');
    expect(result?.type === 'tool_result' && result.observation.length).toBe(OBSERVATION_LIMIT + 3);
    expect(result?.type === 'tool_result' && result.observation.endsWith('...')).toBe(true);
  });
});

describe('runAgent, run modes and failures', () => {
  it('shared mode: one model plays all three roles', async () => {
    const m = models(
      {
        planner: ['p\nNext: caller.', 'q\nNext: conclusion.'],
        caller: ['Action: add\nAction Input: {"a":1,"b":2}'],
        summarizer: ['3'],
      },
      'shared',
    );
    const events = await collect({ mode: 'shared', models: m });
    expect(last(events)).toMatchObject({ outcome: 'answer' });
    const started = events.filter((e) => e.type === 'role_started');
    expect(new Set(started.map((e) => e.type === 'role_started' && e.model.id))).toEqual(
      new Set(['scripted-demo']),
    );
    expect((m.planner as ScriptedModel).callCount('caller')).toBe(1);
  });

  it('single mode: the backbone writes thought + action, then the conclusion', async () => {
    const events = await collect({
      mode: 'single',
      models: models(
        { backbone: ['I add.\nAction: add\nAction Input: {"a": 20, "b": 22}', 'Got it.\nconclusion: 42'] },
        'single',
      ),
    });
    expect(types(events)).toEqual([
      'run_started',
      'role_started',
      'role_finished',
      'tool_call',
      'tool_result',
      'role_started',
      'role_finished',
      'answer',
      'run_finished',
    ]);
    expect(events.find((e) => e.type === 'answer')).toMatchObject({ text: '42' });
  });

  it('single mode: give up', async () => {
    const events = await collect({
      mode: 'single',
      models: models({ backbone: ['No.\nconclusion: give up.'] }, 'single'),
    });
    expect(last(events)).toMatchObject({ outcome: 'give_up' });
  });

  it('a missing model is a clear run error', async () => {
    const events = await collect({ models: { planner: new ScriptedModel() } });
    expect(events.find((e) => e.type === 'run_error')).toMatchObject({
      error: {
        name: 'MissingModelError',
        message: expect.stringMatching(/caller, summarizer\. Load the models first/),
      },
    });
    expect(last(events)).toMatchObject({ outcome: 'error' });
  });

  it('a model failure ends the run with an error step', async () => {
    const events = await collect({ models: models({ planner: [{ error: new TypeError('device lost') }] }) });
    expect(events.find((e) => e.type === 'run_error')).toMatchObject({
      step: 0,
      error: { name: 'TypeError' },
    });
    const trace = traceFromEvents(events);
    expect(trace.outcome).toBe('error');
    expect(trace.steps[0]?.status).toBe('error');
  });

  it('abort mid-generation: the run ends as aborted with the partial text kept', async () => {
    const controller = new AbortController();
    const planner = new ScriptedModel({ tokenDelayMs: 2, outputs: { planner: ['word '.repeat(500)] } });
    const events: RunEvent[] = [];
    for await (const event of runAgent({
      task: 't',
      mode: 'multi',
      dialect: 'chat',
      tools: testTools(),
      models: { planner, caller: new ScriptedModel(), summarizer: new ScriptedModel() },
      signal: controller.signal,
    })) {
      events.push(event);
      if (events.filter((e) => e.type === 'token_delta').length === 5) controller.abort();
    }
    expect(last(events)).toMatchObject({ type: 'run_finished', outcome: 'aborted' });
    const trace = traceFromEvents(events);
    expect(trace.steps[0]?.status).toBe('aborted');
    expect(trace.steps[0]?.raw.length).toBeGreaterThan(0);
    expect(trace.steps[0]?.raw.length).toBeLessThan(2500);
  });

  it('abort mid-tool: the tool is abandoned and the run ends as aborted', async () => {
    const controller = new AbortController();
    const events: RunEvent[] = [];
    for await (const event of runAgent({
      task: 't',
      mode: 'multi',
      dialect: 'alpha-umi',
      tools: testTools(),
      models: models({ planner: ['x\nNext: caller.'], caller: ['Action: slow\nAction Input: {}'] }),
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.type === 'tool_call') setTimeout(() => controller.abort(), 10);
    }
    expect(events.find((e) => e.type === 'tool_result')).toMatchObject({
      result: { ok: false, error: { name: 'ToolAbortedError' } },
    });
    expect(last(events)).toMatchObject({ outcome: 'aborted' });
    expect(events.filter((e) => e.type === 'role_started')).toHaveLength(2);
  });

  it('an already-aborted signal produces no model calls', async () => {
    const controller = new AbortController();
    controller.abort();
    const m = models({ planner: ['x\nNext: caller.'] });
    const events = await collect({ models: m, signal: controller.signal });
    expect(last(events)).toMatchObject({ outcome: 'aborted' });
    expect((m.planner as ScriptedModel).callCount('planner')).toBe(0);
  });

  it('an empty answer is a give-up, not an empty success', async () => {
    const events = await collect({
      models: models({ planner: ['x\nNext: conclusion.'], summarizer: ['  '] }),
    });
    expect(last(events)).toMatchObject({ outcome: 'give_up' });
    expect(events.find((e) => e.type === 'give_up')).toMatchObject({ reason: 'empty_answer' });
  });
});

describe('runAgent, step-through review', () => {
  it('pauses after each model turn; an edit replaces the output before it takes effect and is recorded', async () => {
    const reviewed: string[] = [];
    const events = await collect({
      models: models({
        planner: ['Add.\nNext: caller.', 'Done.\nNext: conclusion.'],
        caller: ['Action: add\nAction Input: {"a": 1, "b": 1}'],
        summarizer: ['2'],
      }),
      review: async ({ role, raw }) => {
        reviewed.push(role);
        // The teacher fixes the caller's arguments before the tool runs.
        return role === 'caller' ? { raw: raw.replace('"b": 1', '"b": 41') } : {};
      },
    });
    expect(reviewed).toEqual(['planner', 'caller', 'planner', 'summarizer']);
    expect(events.find((e) => e.type === 'tool_result')).toMatchObject({ result: { ok: true, value: 42 } });
    const trace = traceFromEvents(events);
    const caller = trace.steps[1];
    expect(caller?.raw).toContain('"b": 41');
    expect(caller?.edit?.originalRaw).toContain('"b": 1}');
    expect(caller?.reviewing).toBeUndefined();
    expect(trace.steps[0]?.edit).toBeUndefined();
    // The next planner prompt shows the edited call, not the model's.
    expect(JSON.stringify(trace.steps[2]?.prompt)).toContain('\\"b\\": 41');
  });

  it('an edited decision changes where the run goes', async () => {
    const events = await collect({
      models: models({ planner: ['Call a tool.\nNext: caller.'], summarizer: ['I stopped early.'] }),
      review: async ({ role }) => (role === 'planner' ? { raw: 'Enough.\nNext: conclusion.' } : {}),
    });
    expect(events.some((e) => e.type === 'role_started' && e.role === 'caller')).toBe(false);
    expect(last(events)).toMatchObject({ outcome: 'answer' });
  });

  it('Stop while paused ends the run as aborted, with the step no longer waiting', async () => {
    const controller = new AbortController();
    const events: RunEvent[] = [];
    for await (const event of runAgent({
      task: 't',
      mode: 'multi',
      dialect: 'alpha-umi',
      tools: testTools(),
      models: models({ planner: ['x\nNext: caller.'] }),
      review: () => new Promise(() => undefined),
      signal: controller.signal,
    })) {
      events.push(event);
      if (event.type === 'review_started') controller.abort();
    }
    expect(last(events)).toMatchObject({ outcome: 'aborted' });
    const trace = traceFromEvents(events);
    expect(trace.steps[0]?.reviewing).toBeUndefined();
    expect(trace.steps[0]?.status).toBe('done');
  });
});

describe.each(['alpha-umi', 'chat'] as const)('runAgent, fork from step k (%s)', (dialect) => {
  it('keeps the first k steps as they were and goes on with the new models from there', async () => {
    const original = traceFromEvents(
      await collect({
        dialect,
        models: models({
          planner: [
            plan(dialect, 'Add.', 'caller'),
            plan(dialect, 'Again.', 'caller'),
            plan(dialect, 'Done.', 'conclusion'),
          ],
          caller: [call(dialect, 'add', { a: 1, b: 2 }), call(dialect, 'add', { a: 3, b: 4 })],
          summarizer: ['3 then 7'],
        }),
      }),
    );
    // Fork before the second planner turn (step 2): a different planner decides to conclude.
    const forked = traceFromEvents(
      await collect({
        dialect,
        prefix: original.steps.slice(0, 2),
        models: models({ planner: [plan(dialect, 'One sum is enough.', 'conclusion')], summarizer: ['3'] }),
      }),
    );
    expect(forked.steps.slice(0, 2).map((s) => [s.role, s.raw, s.carriedOver])).toEqual([
      ['planner', original.steps[0]?.raw, true],
      ['caller', original.steps[1]?.raw, true],
    ]);
    expect(forked.steps[1]?.tool?.observation).toBe(original.steps[1]?.tool?.observation);
    // The new planner turn saw exactly what the original second turn saw.
    expect(forked.steps[2]?.prompt).toEqual(original.steps[2]?.prompt);
    expect(forked.steps[2]?.turn).toBe(2);
    expect(forked.steps[2]?.carriedOver).toBeUndefined();
    expect(forked.answer).toBe('3');
  });
});
