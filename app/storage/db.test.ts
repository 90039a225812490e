import { describe, expect, it } from 'vitest';
import { runAgent } from '../agent/orchestrator';
import { TRACE_VERSION, traceFromEvents } from '../agent/trace';
import type { RunEvent } from '../agent/types';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import { EXAMPLE_SCRIPTS } from '../llm/scripted/scripts';
import { createDefaultRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { isListed, traceSummary } from './db';

/*
 * The summary the Saved runs list reads instead of the trace. The version 3 → 4 upgrade builds
 * one from every record older pages stored, so it must cope with any of them. (The upgrade
 * itself and the stores are tested in a real browser: e2e/history-store.spec.ts.)
 */

async function realTrace() {
  const script = EXAMPLE_SCRIPTS.find((s) => s.id === 'miles-plus-km');
  const model = () => new ScriptedModel();
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: script?.task ?? '',
    mode: 'multi',
    dialect: 'chat',
    models: { planner: model(), caller: model(), summarizer: model() },
    tools: createToolRunner(createDefaultRegistry()),
    runId: 'miles',
  })) {
    events.push(event);
  }
  return traceFromEvents(events);
}

describe('traceSummary', () => {
  it('says what the list shows of a real run', async () => {
    const trace = await realTrace();
    expect(trace.outcome).toBe('answer');
    expect(traceSummary({ id: trace.id, title: 'Miles', trace, updatedAt: trace.updatedAt })).toEqual({
      id: 'miles',
      title: 'Miles',
      task: trace.task,
      mode: 'multi',
      status: 'finished',
      outcome: 'answer',
      engine: 'scripted',
      steps: trace.steps.length,
      updatedAt: trace.updatedAt,
      version: TRACE_VERSION,
    });
  });

  it('summarises a version 1 run (the upgrade reads these) and lists it: it is upgraded when opened', () => {
    const summary = traceSummary({
      id: 'old',
      title: 'Old',
      updatedAt: 1,
      trace: { version: 1, task: 'T', mode: 'single', status: 'running', steps: [{}, {}], models: {} },
    });
    expect(summary).toEqual({
      id: 'old',
      title: 'Old',
      task: 'T',
      mode: 'single',
      status: 'running',
      steps: 2,
      updatedAt: 1,
      version: 1,
    });
    expect(isListed(summary)).toBe(true);
  });

  it('keeps the version of a run from a newer page, so it is counted and not listed', () => {
    const summary = traceSummary({
      id: 'new',
      title: 'New',
      updatedAt: 5,
      trace: { version: 99, shape: 'unknown' },
    });
    expect(summary.version).toBe(99);
    expect(isListed(summary)).toBe(false);
  });

  it.each([
    ['not an object', 'junk'],
    ['no version', { task: 'T', mode: 'multi', status: 'finished', steps: [] }],
    ['a task that is not text', { version: 2, task: 5, mode: 'multi', status: 'finished', steps: [] }],
    ['an unknown mode', { version: 2, task: 'T', mode: 'solo', status: 'finished', steps: [] }],
    [
      'an unknown outcome',
      { version: 2, task: 'T', mode: 'multi', status: 'finished', outcome: '?', steps: [] },
    ],
    ['no steps', { version: 2, task: 'T', mode: 'multi', status: 'finished' }],
  ])('marks a damaged record (%s) as version 0: counted as hidden, never listed', (_, trace) => {
    const summary = traceSummary({ id: 'x', trace, updatedAt: 3 });
    expect(summary.version).toBe(0);
    expect(isListed(summary)).toBe(false);
    // Still a well-formed record for the store's indexes.
    expect(summary).toMatchObject({ id: 'x', updatedAt: 3 });
    expect(typeof summary.status).toBe('string');
  });

  it('falls back to the task when a record has no title', () => {
    const trace = { version: 2, task: 'Untitled task', mode: 'multi', status: 'finished', steps: [] };
    expect(traceSummary({ id: 'x', trace, updatedAt: 1 }).title).toBe('Untitled task');
  });
});
