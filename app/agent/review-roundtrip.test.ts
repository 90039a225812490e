import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import { createDefaultRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { runAgent } from './orchestrator';
import { traceToEvents } from './replay';
import { traceFromEvents } from './trace';
import { parseTraceFile, traceFileText } from './trace-file';
import type { RunEvent } from './types';

describe('an edited (step-through) run', () => {
  it('survives export → import and replay exactly, edit included', async () => {
    const model = new ScriptedModel();
    const events: RunEvent[] = [];
    for await (const event of runAgent({
      task: 'What is 5 miles plus 3 kilometres, in kilometres?',
      mode: 'multi',
      dialect: 'chat',
      tools: createToolRunner(createDefaultRegistry()),
      models: { planner: model, caller: model, summarizer: model },
      review: async ({ role, raw }) => (role === 'caller' ? { raw: raw.replace('5 mi', '6 mi') } : {}),
    })) {
      events.push(event);
    }
    const trace = traceFromEvents(events);
    expect(trace.steps[1]?.edit?.originalRaw).toContain('5 mi');
    expect(trace.steps[1]?.tool?.observation).toContain('12.65606');
    expect(traceFromEvents(traceToEvents(trace))).toEqual(trace);
    const imported = parseTraceFile(traceFileText(trace));
    expect(imported).toEqual({ ok: true, trace });
  });
});
