import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ScriptedModel, type ScriptedOutput } from '../llm/scripted/scripted-model';
import { ToolRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { AbortError } from './errors';
import { type RunConfig, runAgent } from './orchestrator';
import { traceFromEvents } from './trace';
import type { GenerateRequest, GenerateResult, Role, RunEvent, ToolRunner } from './types';

// The whole event stream of representative runs, recorded once and compared exactly, so a
// change to the orchestrator's structure is proven not to change what it emits. Every branch
// of the loop has a run here: answers, give-ups, step errors, the step limit, model and review
// failures, aborts at each await, step-through edits, context cuts and forks.
// Re-record (only when a change of behaviour is intended): UPDATE_RECORDED=1 npx vitest run <this file>
const RECORDED = new URL('./orchestrator-recorded.json', import.meta.url);

const schema = (props: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties: props,
  required,
  additionalProperties: false,
});

function tools(): ToolRunner {
  const registry = new ToolRegistry();
  registry.register({
    definition: {
      name: 'add',
      description: 'Adds two numbers',
      parameters: schema({ a: { type: 'number' }, b: { type: 'number' } }, ['a', 'b']),
    },
    run: async (args) => (args.a as number) + (args.b as number),
  });
  registry.register({
    definition: { name: 'fail', description: 'Always throws', parameters: schema({}, []) },
    run: async () => {
      throw new Error('the service is down');
    },
  });
  registry.register({
    definition: { name: 'slow', description: 'Never finishes on its own', parameters: schema({}, []) },
    run: (_args, ctx) =>
      new Promise((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason), { once: true });
      }),
  });
  registry.register({
    definition: { name: 'big', description: 'Returns a long text', parameters: schema({}, []) },
    run: async () => 'x'.repeat(3000),
  });
  return createToolRunner(registry, { defaultTimeoutMs: 2000 });
}

type Outputs = Partial<Record<Role, ScriptedOutput[]>>;

function models(outputs: Outputs, mode: RunConfig['mode'] = 'multi', contextWindow?: number) {
  const make = (o: Outputs) => {
    const m = new ScriptedModel({ outputs: o });
    if (contextWindow) Object.defineProperty(m, 'contextWindow', { value: contextWindow });
    return m;
  };
  if (mode === 'single') return { backbone: make(outputs) };
  if (mode === 'shared') {
    const one = make(outputs);
    return { planner: one, caller: one, summarizer: one };
  }
  return {
    planner: make({ planner: outputs.planner ?? [] }),
    caller: make({ caller: outputs.caller ?? [] }),
    summarizer: make({ summarizer: outputs.summarizer ?? [] }),
  };
}

/** Streams `text`, then waits to be stopped: an abort with partial output, at a known point. */
class HalfModel extends ScriptedModel {
  constructor(private readonly text: string) {
    super();
  }
  override generate(request: GenerateRequest): Promise<GenerateResult> {
    request.onDelta?.(this.text);
    return new Promise((_resolve, reject) => {
      request.signal?.addEventListener('abort', () => reject(new AbortError()), { once: true });
    });
  }
}

/** Timings are measured, so they are the only fields set to 0 before comparing. */
function normalize(event: RunEvent): RunEvent {
  if (event.type === 'role_finished')
    return {
      ...event,
      usage: { ...event.usage, timeToFirstTokenMs: 0, decodeTokensPerSecond: 0, wallMs: 0 },
    };
  if (event.type === 'tool_result') return { ...event, result: { ...event.result, durationMs: 0 } };
  return event;
}

type Scenario = Partial<RunConfig> & Pick<RunConfig, 'models'> & { abortOn?: (e: RunEvent) => boolean };

async function record(scenario: Scenario): Promise<RunEvent[]> {
  const { abortOn, ...config } = scenario;
  const controller = new AbortController();
  let clock = 1000;
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: 'Add 2 and 3.',
    mode: 'multi',
    dialect: 'alpha-umi',
    tools: tools(),
    runId: 'run-1',
    now: () => clock++,
    signal: controller.signal,
    ...config,
  })) {
    events.push(normalize(event));
    if (abortOn?.(event)) controller.abort();
  }
  return events;
}

const A = {
  call: 'Action: add\nAction Input: {"a": 2, "b": 3}',
  badCall: 'Action: add\nAction Input: {"a": "two", "b": 3}',
  caller: 'Add them.\nNext: caller.',
  conclusion: 'Done.\nNext: conclusion.',
  giveUp: 'No tool fits.\nNext: give up.',
};
const C = {
  call: '{"name": "add", "arguments": {"a": 2, "b": 3}}',
  caller: 'Add them.\nNext: caller',
  conclusion: 'Done.\nNext: summarizer',
  giveUp: 'No tool fits.\nNext: give up',
};

/** The first steps of a finished run, to fork from. */
async function prefixOf(scenario: Scenario, steps: number) {
  return traceFromEvents(await record(scenario)).steps.slice(0, steps);
}

const SCENARIOS: Record<string, () => Scenario | Promise<Scenario>> = {
  'multi alpha-umi: call, then answer': () => ({
    models: models({ planner: [A.caller, A.conclusion], caller: [A.call], summarizer: ['It is **5**.'] }),
  }),
  'multi chat: thinking, call, then answer': () => ({
    dialect: 'chat',
    models: models({
      planner: [`<think>Two numbers.</think>${C.caller}`, C.conclusion],
      caller: [C.call],
      summarizer: ['5'],
    }),
  }),
  'multi chat: unknown tool, failing tool, timeout, big output': () => ({
    dialect: 'chat',
    toolTimeoutMs: 30,
    models: models({
      planner: [C.caller, C.caller, C.caller, C.caller, C.giveUp],
      caller: [
        '{"name": "weather", "arguments": {"city": "Paris"}}',
        '{"name": "fail", "arguments": {}}',
        '{"name": "slow", "arguments": {}}',
        '{"name": "big", "arguments": {}}',
      ],
    }),
  }),
  'multi: empty plan and malformed call are step errors': () => ({
    models: models({ planner: ['', A.caller, A.giveUp], caller: [A.badCall] }),
  }),
  'multi chat: malformed call is a step error': () => ({
    dialect: 'chat',
    models: models({ planner: [C.caller, C.giveUp], caller: ['I think I should add'] }),
  }),
  'multi: step limit': () => ({
    maxSteps: 2,
    models: models({ planner: [A.caller, A.caller], caller: [A.call, A.call] }),
  }),
  'multi: empty answer gives up': () => ({
    models: models({ planner: [A.conclusion], summarizer: ['  '] }),
  }),
  'shared: one model, three roles': () => ({
    mode: 'shared',
    models: models({ planner: [A.caller, A.conclusion], caller: [A.call], summarizer: ['5'] }, 'shared'),
  }),
  'missing model': () => ({ models: { planner: new ScriptedModel() } }),
  'models unavailable': () => ({
    mode: 'single',
    models: {},
    modelsUnavailable: new TypeError('The tiny models did not load.'),
    origin: 'run',
    env: { app: 'test' },
    sampling: { backbone: { temperature: 0.5 } },
  }),
  'planner fails at step 0': () => ({
    models: models({ planner: [{ error: new TypeError('device lost') }] }),
  }),
  'caller fails at step 1': () => ({
    models: models({ planner: [A.caller], caller: [{ error: new Error('oom') }] }),
  }),
  'summarizer fails after a call': () => ({
    models: models({
      planner: [A.caller, A.conclusion],
      caller: [A.call],
      summarizer: [{ error: new Error('x') }],
    }),
  }),
  'an error before the step starts is pinned to the last started step': () => {
    const m = models({ planner: [A.caller] });
    Object.defineProperty(m.caller, 'contextWindow', {
      get: () => {
        throw new Error('no window');
      },
    });
    return { models: m };
  },
  'an error before the first step is pinned to step 0': () => {
    const m = models({ planner: [A.caller] });
    Object.defineProperty(m.planner, 'contextWindow', {
      get: () => {
        throw new Error('no window');
      },
    });
    return { models: m };
  },
  'abort before the run': () => ({
    models: models({ planner: [A.caller] }),
    abortOn: (e) => e.type === 'run_started',
  }),
  'abort mid-generation keeps the partial text': () => ({
    dialect: 'chat',
    models: {
      planner: new HalfModel('Half a '),
      caller: new ScriptedModel(),
      summarizer: new ScriptedModel(),
    },
    abortOn: (e) => e.type === 'token_delta',
  }),
  'abort when a step starts': () => ({
    models: models({ planner: [{ hang: true }] }),
    abortOn: (e) => e.type === 'role_started',
  }),
  'abort between planner and caller': () => ({
    models: models({ planner: [A.caller], caller: [A.call] }),
    abortOn: (e) => e.type === 'role_finished',
  }),
  'abort mid-tool': () => ({
    models: models({ planner: [A.caller], caller: ['Action: slow\nAction Input: {}'] }),
    abortOn: (e) => e.type === 'tool_call',
  }),
  'abort after the tool result': () => ({
    models: models({ planner: [A.caller], caller: [A.call] }),
    abortOn: (e) => e.type === 'tool_result',
  }),
  'abort while paused for review': () => ({
    models: models({ planner: [A.caller] }),
    review: () => new Promise(() => undefined),
    abortOn: (e) => e.type === 'review_started',
  }),
  'review: unchanged, same text, edited call': () => ({
    models: models({ planner: [A.caller, A.conclusion], caller: [A.call], summarizer: ['5'] }),
    review: async ({ role, raw }) =>
      role === 'caller' ? { raw: raw.replace('"b": 3', '"b": 40') } : role === 'planner' ? { raw } : {},
  }),
  'review: an edited decision changes the route': () => ({
    models: models({ planner: [A.caller], summarizer: ['Stopped early.'] }),
    review: async ({ role }) => (role === 'planner' ? { raw: A.conclusion } : {}),
  }),
  'review: a failing review is a run error': () => ({
    models: models({ planner: [A.caller] }),
    review: async () => {
      throw new Error('review crashed');
    },
  }),
  'chat context cut': () => ({
    dialect: 'chat',
    models: models(
      {
        planner: [C.caller, C.caller, C.conclusion],
        caller: ['{"name": "big", "arguments": {}}', '{"name": "big", "arguments": {}}'],
        summarizer: ['Two long texts.'],
      },
      'multi',
      900,
    ),
  }),
  'single: call, malformed call, unknown tool, then answer': () => ({
    mode: 'single',
    models: models(
      {
        backbone: [
          `I add.\n${A.call}`,
          `Again.\n${A.badCall}`,
          'Weather.\nAction: weather\nAction Input: {}',
          'Got it.\nconclusion: 5',
        ],
      },
      'single',
    ),
  }),
  'single: give up': () => ({
    mode: 'single',
    models: models({ backbone: ['No.\nconclusion: give up.'] }, 'single'),
  }),
  'single: empty answer and review edit': () => ({
    mode: 'single',
    models: models({ backbone: [`I add.\n${A.call}`, 'Got it.\nconclusion: 5'] }, 'single'),
    review: async ({ step }) => (step === 1 ? { raw: 'Got it.\nconclusion: ' } : {}),
  }),
  'single: backbone failure after a call': () => ({
    mode: 'single',
    models: models({ backbone: [`I add.\n${A.call}`, { error: new Error('lost') }] }, 'single'),
  }),
  'single: step limit': () => ({
    mode: 'single',
    maxSteps: 2,
    models: models({ backbone: [`I add.\n${A.call}`, `I add.\n${A.call}`] }, 'single'),
  }),
  'fork alpha-umi: a call and a step error kept': async () => ({
    origin: 'fork',
    prefix: await prefixOf(
      { models: models({ planner: [A.caller, A.caller, A.giveUp], caller: [A.call, A.badCall] }) },
      4,
    ),
    models: models({ planner: [A.conclusion], summarizer: ['5'] }),
  }),
  'fork chat: stops at the first unfinished step': async () => ({
    dialect: 'chat',
    prefix: await prefixOf(
      {
        dialect: 'chat',
        models: models({ planner: [C.caller, { hang: true }], caller: [C.call] }),
        abortOn: (e) => e.type === 'role_started' && e.step === 2,
      },
      3,
    ),
    models: models({ planner: [C.giveUp] }),
  }),
  'fork chat: kept steps, then the step limit': async () => ({
    dialect: 'chat',
    maxSteps: 2,
    prefix: await prefixOf(
      { dialect: 'chat', models: models({ planner: [C.caller, C.caller], caller: [C.call, C.call] }) },
      2,
    ),
    models: models({ planner: [C.caller], caller: [C.call] }),
  }),
  'fork single': async () => ({
    mode: 'single',
    prefix: await prefixOf(
      {
        mode: 'single',
        models: models({ backbone: [`I add.\n${A.call}`, `Again.\n${A.badCall}`] }, 'single'),
      },
      2,
    ),
    models: models({ backbone: ['Got it.\nconclusion: 5'] }, 'single'),
  }),
  'fork: kept steps without usage or finish reason': async () => {
    const steps = await prefixOf({ models: models({ planner: [A.caller, A.giveUp], caller: [A.call] }) }, 2);
    return {
      prefix: steps.map(({ usage: _usage, finishReason: _finishReason, ...step }) => step),
      models: models({ planner: [A.giveUp] }),
    };
  },
};

/** Writes the recording in the layout `biome format` gives JSON, so the lint step accepts it. */
function save(recorded: Record<string, RunEvent[]>): void {
  writeFileSync(RECORDED, `${JSON.stringify(recorded, null, 2)}\n`);
  execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(RECORDED)], { stdio: 'ignore' });
}

describe('runAgent, recorded event streams', () => {
  const update = process.env.UPDATE_RECORDED === '1' || !existsSync(RECORDED);
  const expected = update ? {} : (JSON.parse(readFileSync(RECORDED, 'utf8')) as Record<string, RunEvent[]>);
  const recorded: Record<string, RunEvent[]> = {};
  afterAll(() => {
    if (update) save(recorded);
  });

  it.skipIf(update)('has a recording of every scenario', () => {
    expect(Object.keys(expected)).toEqual(Object.keys(SCENARIOS));
  });
  it.each(Object.keys(SCENARIOS))('%s', async (name) => {
    const events = await record(await (SCENARIOS[name] as () => Scenario | Promise<Scenario>)());
    recorded[name] = events;
    if (update) return;
    expect(events).toStrictEqual(expected[name]);
    // Same keys in the same order: a saved trace's JSON stays byte-identical.
    expect(JSON.stringify(events)).toBe(JSON.stringify(expected[name]));
  });
});
