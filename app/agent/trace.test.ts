import { describe, expect, it } from 'vitest';
import { applyEvent, markInterrupted, traceFromEvents, traceTotals } from './trace';
import type { RunEvent, Usage } from './types';

const usage: Usage = {
  promptTokens: 100,
  promptTokensReused: 40,
  completionTokens: 10,
  timeToFirstTokenMs: 5,
  decodeTokensPerSecond: 20,
  wallMs: 50,
  simulated: true,
};
const model = { id: 'm', label: 'M', kind: 'scripted' as const };
const started: RunEvent = {
  type: 'run_started',
  runId: 'r1',
  task: 'task',
  mode: 'multi',
  dialect: 'chat',
  tools: [],
  models: { planner: model },
  sampling: {},
  maxSteps: 10,
  at: 1,
};
const plannerStarted: RunEvent = {
  type: 'role_started',
  step: 0,
  turn: 1,
  role: 'planner',
  model,
  prompt: { kind: 'text', text: 'p' },
  at: 2,
};

describe('trace', () => {
  it('accumulates streamed text, then replaces it with the final raw output', () => {
    let trace = traceFromEvents([started, plannerStarted, { type: 'token_delta', step: 0, text: 'Hel' }]);
    trace = applyEvent(trace, { type: 'token_delta', step: 0, text: 'lo' });
    expect(trace.steps[0]).toMatchObject({ raw: 'Hello', status: 'running' });
    trace = applyEvent(trace, {
      type: 'role_finished',
      step: 0,
      raw: 'Hello\nNext: caller',
      usage,
      finishReason: 'stop',
      parsed: {
        role: 'planner',
        result: { decision: 'caller', thought: 'Hello', kept: 'Hello\nNext: caller', markerCount: 1 },
      },
      at: 3,
    });
    expect(trace.steps[0]).toMatchObject({ raw: 'Hello\nNext: caller', status: 'done', endedAt: 3 });
  });

  it('is immutable: applying an event never changes the previous trace', () => {
    const before = traceFromEvents([started, plannerStarted]);
    const snapshot = structuredClone(before);
    applyEvent(before, { type: 'token_delta', step: 0, text: 'x' });
    expect(before).toEqual(snapshot);
  });

  it('marks running steps and tools as aborted when the run is stopped', () => {
    const trace = traceFromEvents([
      started,
      plannerStarted,
      { type: 'tool_call', step: 0, call: { name: 'calculator', arguments: {} }, at: 3 },
      { type: 'run_finished', outcome: 'aborted', at: 4 },
    ]);
    expect(trace.status).toBe('finished');
    expect(trace.outcome).toBe('aborted');
    expect(trace.steps[0]?.status).toBe('aborted');
    expect(trace.steps[0]?.tool?.status).toBe('aborted');
  });

  it('ignores events for steps it never saw instead of corrupting the trace', () => {
    const trace = traceFromEvents([started, { type: 'token_delta', step: 7, text: 'x' }]);
    expect(trace.steps).toEqual([]);
  });

  it('marks a cut-off run as interrupted, keeping its steps', () => {
    const trace = markInterrupted(traceFromEvents([started, plannerStarted]), 9);
    expect(trace.status).toBe('interrupted');
    expect(trace.steps[0]?.status).toBe('aborted');
    const finished = traceFromEvents([started, { type: 'run_finished', outcome: 'answer', at: 2 }]);
    expect(markInterrupted(finished, 9)).toBe(finished);
  });

  it('totals tokens and times across steps', () => {
    const trace = traceFromEvents([
      started,
      plannerStarted,
      {
        type: 'role_finished',
        step: 0,
        raw: 'x',
        usage,
        finishReason: 'stop',
        parsed: { role: 'summarizer', result: { answer: 'x', empty: false } },
        at: 3,
      },
      { type: 'tool_call', step: 0, call: { name: 'c', arguments: {} }, at: 4 },
      {
        type: 'tool_result',
        step: 0,
        result: { ok: true, value: 1, logs: [], durationMs: 7 },
        observation: '1',
        at: 5,
      },
    ]);
    expect(traceTotals(trace)).toEqual({
      incomplete: false,
      promptTokens: 100,
      reusedTokens: 40,
      completionTokens: 10,
      modelMs: 50,
      toolMs: 7,
      toolCalls: 1,
      simulated: true,
    });
  });

  it('rejects an event list that does not start with run_started', () => {
    expect(() => traceFromEvents([plannerStarted])).toThrow(/run_started/);
  });
});
