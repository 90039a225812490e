import { describe, expect, it } from 'vitest';
import { ScriptedModel, type ScriptedOutput } from '../llm/scripted/scripted-model';
import { findScript } from '../llm/scripted/scripts';
import { createDefaultRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { type RunConfig, runAgent } from './orchestrator';
import { chunkWords, MAX_PAUSE_MS, replayDelays, traceToEvents } from './replay';
import { markInterrupted, type Trace, traceFromEvents } from './trace';
import type { Role, RunEvent, RunMode } from './types';

const CIRCLE =
  findScript(
    'What is the area of a circle of radius 3 cm in square millimetres, and how many such circles would cover 1 square metre?',
  )?.task ?? '';

type Options = Partial<Omit<RunConfig, 'models'>> & {
  outputs?: Partial<Record<Role, ScriptedOutput[]>>;
  tokenDelayMs?: number;
  /** Aborts the run when this returns true for the events so far. */
  abortWhen?: (events: RunEvent[]) => boolean;
};

/** Runs the orchestrator with the scripted engine and the real calculator; a fake clock keeps `at` stamps distinct. */
async function run(options: Options = {}): Promise<RunEvent[]> {
  const { outputs, tokenDelayMs, abortWhen, ...config } = options;
  const mode: RunMode = config.mode ?? 'multi';
  const model = () => new ScriptedModel({ ...(outputs ? { outputs } : {}), tokenDelayMs: tokenDelayMs ?? 0 });
  const models =
    mode === 'single' ? { backbone: model() } : { planner: model(), caller: model(), summarizer: model() };
  const controller = new AbortController();
  let clock = 1_000_000;
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: CIRCLE,
    mode,
    dialect: 'alpha-umi',
    tools: createToolRunner(createDefaultRegistry()),
    models,
    runId: 'run-1',
    now: () => (clock += 137),
    signal: controller.signal,
    ...config,
  })) {
    events.push(event);
    if (abortWhen?.(events)) controller.abort();
  }
  return events;
}

const roundTrip = (trace: Trace) => traceFromEvents(traceToEvents(trace));

describe('traceToEvents', () => {
  const cases: [string, () => Promise<RunEvent[]>, Partial<Trace>][] = [
    ['answer, alpha-umi multi', () => run(), { outcome: 'answer' }],
    ['answer, chat multi', () => run({ dialect: 'chat' }), { outcome: 'answer' }],
    ['answer, single', () => run({ mode: 'single' }), { outcome: 'answer' }],
    ['answer, chat shared', () => run({ mode: 'shared', dialect: 'chat' }), { outcome: 'answer' }],
    ['give up (no script)', () => run({ task: 'Write me a poem.' }), { giveUpReason: 'planner' }],
    ['step limit', () => run({ maxSteps: 1 }), { outcome: 'step_limit', giveUpReason: 'step_limit' }],
    ['model failure', () => run({ outputs: { planner: [{ error: new TypeError('device lost') }] } }), {}],
    [
      'step error (malformed call)',
      () =>
        run({
          outputs: {
            planner: ['Compute.\nNext: caller.', 'Cannot.\nNext: give up.'],
            caller: ['Action: calculator\nAction Input: {"expr": 1}'],
          },
        }),
      { outcome: 'give_up' },
    ],
    [
      'aborted mid-step',
      () =>
        run({
          dialect: 'chat',
          tokenDelayMs: 1,
          abortWhen: (events) => events.filter((e) => e.type === 'token_delta').length === 12,
        }),
      { outcome: 'aborted' },
    ],
    [
      'aborted at a tool call',
      () => run({ abortWhen: (events) => events.at(-1)?.type === 'tool_call' }),
      { outcome: 'aborted' },
    ],
  ];

  it.each(cases)('rebuilds a real trace exactly: %s', async (_name, produce, expected) => {
    const trace = traceFromEvents(await produce());
    expect(trace).toMatchObject({ status: 'finished', ...expected });
    expect(roundTrip(trace)).toStrictEqual(trace);
  });

  it('covers the shapes it claims to: error steps, aborted steps, step errors', async () => {
    const failed = traceFromEvents(await run({ outputs: { planner: [{ error: new TypeError('x') }] } }));
    expect(failed.steps[0]).toMatchObject({ status: 'error' });
    expect(failed.error?.name).toBe('TypeError');
    const aborted = traceFromEvents(
      await run({
        tokenDelayMs: 1,
        abortWhen: (e) => e.filter((x) => x.type === 'token_delta').length === 3,
      }),
    );
    expect(aborted.steps.at(-1)).toMatchObject({ status: 'aborted' });
    expect(aborted.steps.at(-1)?.usage).toBeUndefined();
  });

  it('rebuilds every partial trace of a live run (what storage holds mid-run)', async () => {
    for (const dialect of ['alpha-umi', 'chat'] as const) {
      const events = await run({ dialect });
      for (let n = 1; n <= events.length; n++) {
        const partial = traceFromEvents(events.slice(0, n));
        expect(roundTrip(partial), `${dialect}, first ${n} events`).toStrictEqual(partial);
      }
    }
  });

  it('an interrupted trace comes back running; markInterrupted at its updatedAt restores it', async () => {
    const events = await run();
    const midStep = events.findIndex((e, i) => i > 20 && e.type === 'token_delta');
    const interrupted = markInterrupted(traceFromEvents(events.slice(0, midStep + 1)), 5_000_000);
    expect(interrupted.status).toBe('interrupted');
    const rebuilt = roundTrip(interrupted);
    expect(rebuilt.status).toBe('running');
    expect(rebuilt).not.toStrictEqual(interrupted);
    expect(markInterrupted(rebuilt, interrupted.updatedAt)).toStrictEqual(interrupted);
  });

  it('drops extraUserTurns, which no run event carries', async () => {
    const trace = { ...traceFromEvents(await run()), extraUserTurns: [{ beforeStep: 0, text: 'hi' }] };
    const { extraUserTurns: _dropped, ...rest } = trace;
    expect(roundTrip(trace)).toStrictEqual(rest);
  });

  it('streams each step as word-sized deltas that add up to its raw output', async () => {
    const trace = traceFromEvents(await run());
    const events = traceToEvents(trace);
    for (const step of trace.steps) {
      const deltas = events.filter((e) => e.type === 'token_delta' && e.step === step.index);
      expect(deltas.length).toBe(chunkWords(step.raw).length);
      expect(deltas.map((e) => (e.type === 'token_delta' ? e.text : '')).join('')).toBe(step.raw);
    }
    expect(chunkWords(' two  words\n')).toEqual([' two', '  words', '\n']);
  });
});

describe('replayDelays', () => {
  const model = { id: 'm', label: 'M', kind: 'scripted' } as const;
  const usage = {
    promptTokens: 1,
    completionTokens: 3,
    timeToFirstTokenMs: 1,
    decodeTokensPerSecond: 1,
    wallMs: 400,
    simulated: true,
  };
  const events: RunEvent[] = [
    {
      type: 'run_started',
      runId: 'r',
      task: 't',
      mode: 'multi',
      dialect: 'chat',
      tools: [],
      models: {},
      sampling: {},
      maxSteps: 3,
      at: 0,
    },
    {
      type: 'role_started',
      step: 0,
      turn: 1,
      role: 'caller',
      model,
      prompt: { kind: 'text', text: '' },
      at: 1000,
    },
    { type: 'token_delta', step: 0, text: 'a' },
    { type: 'token_delta', step: 0, text: ' b' },
    { type: 'token_delta', step: 0, text: ' c' },
    {
      type: 'role_finished',
      step: 0,
      raw: 'a b c',
      usage,
      finishReason: 'stop',
      parsed: { role: 'summarizer', result: { answer: 'a b c', empty: false } },
      at: 1400,
    },
    { type: 'tool_call', step: 0, call: { name: 'x', arguments: {} }, at: 1400 },
    {
      type: 'tool_result',
      step: 0,
      result: { ok: true, value: 1, logs: [], durationMs: 3600 },
      observation: '1',
      at: 5000,
    },
    { type: 'run_finished', outcome: 'answer', at: 5010 },
  ];

  it('follows the recorded timing, spreads deltas over the generation time and caps long pauses', () => {
    expect(replayDelays(events, 1)).toEqual([0, 1000, 100, 100, 100, 100, 0, MAX_PAUSE_MS, 10]);
  });

  it('scales with speed, clamped to 0.25–16', () => {
    expect(replayDelays(events, 2)).toEqual(replayDelays(events, 1).map((d) => d / 2));
    expect(replayDelays(events, 100)).toEqual(replayDelays(events, 16));
    expect(replayDelays(events, 0)).toEqual(replayDelays(events, 0.25));
    expect(replayDelays(events, Number.NaN)).toEqual(replayDelays(events, 1));
  });

  it('paces the deltas of a step that never ended at a fixed rate', () => {
    const cut = events.slice(0, 4);
    expect(replayDelays(cut, 1)).toEqual([0, 1000, 30, 30]);
  });

  it('gives a real trace a pause per event, none negative or over the cap', async () => {
    const replay = traceToEvents(traceFromEvents(await run({ dialect: 'chat' })));
    for (const speed of [0.25, 1, 16]) {
      const delays = replayDelays(replay, speed);
      expect(delays).toHaveLength(replay.length);
      expect(delays[0]).toBe(0);
      for (const d of delays) {
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(MAX_PAUSE_MS / speed);
      }
    }
  });
});
