import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runAgent } from '../agent/orchestrator';
import { type Trace, traceFromEvents } from '../agent/trace';
import type { RunEvent } from '../agent/types';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import { useAppStore } from '../store/index';
import { createDefaultRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { runActivity } from './activity';
import { replayTrace } from './replay-controller';
import { stopRun } from './run-controller';

/** A recorded run of an example task: the scripted engine and the real calculator. */
async function recorded(): Promise<Trace> {
  const task = 'What is 5 miles plus 3 kilometres, in kilometres?';
  const model = () => new ScriptedModel({ tokenDelayMs: 0 });
  const events: RunEvent[] = [];
  let clock = 1_000;
  for await (const event of runAgent({
    task,
    mode: 'multi',
    dialect: 'chat',
    tools: createToolRunner(createDefaultRegistry()),
    models: { planner: model(), caller: model(), summarizer: model() },
    runId: 'recorded',
    now: () => (clock += 40),
  })) {
    events.push(event);
  }
  return traceFromEvents(events);
}

beforeEach(() => {
  vi.useRealTimers();
  useAppStore.setState({ activity: undefined, trace: undefined, replaySpeed: undefined });
});

describe('replay', () => {
  it('plays the recorded run into the Run tab as a replay activity, and ends with the same trace', async () => {
    const trace = await recorded();
    expect(trace.steps.length).toBeGreaterThan(2);
    const kinds: (string | undefined)[] = [];
    const off = useAppStore.subscribe((s) => kinds.push(s.activity?.kind));
    const result = await replayTrace(trace, 64);
    off();
    expect(result).toEqual({ ok: true, value: undefined });
    expect(kinds).toContain('replay');
    const shown = useAppStore.getState().trace;
    expect(shown?.steps.map((s) => [s.role, s.status, s.raw])).toEqual(
      trace.steps.map((s) => [s.role, s.status, s.raw]),
    );
    expect(shown?.outcome).toBe(trace.outcome);
    expect(useAppStore.getState().activity).toBeUndefined();
    expect(useAppStore.getState().replaySpeed).toBeUndefined();
  });

  it('Stop shows the whole recorded run at once instead of a half-played one', async () => {
    const trace = await recorded();
    const playing = replayTrace(trace, 0.25); // slow: the first pauses are long
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(useAppStore.getState().activity).toEqual({ kind: 'replay', status: 'running' });
    stopRun();
    await playing;
    expect(useAppStore.getState().trace).toBe(trace);
    expect(useAppStore.getState().activity).toBeUndefined();
  });

  it('does not start while something else holds the models, and says who', async () => {
    const trace = await recorded();
    let release: () => void = () => {};
    const suite = runActivity('suite', () => new Promise<void>((resolve) => (release = resolve)));
    expect(await replayTrace(trace, 8)).toEqual({ ok: false, holder: 'suite' });
    expect(useAppStore.getState().trace).toBeUndefined();
    release();
    await suite;
  });
});
