import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import { EXAMPLE_SCRIPTS } from '../llm/scripted/scripts';
import { createDefaultRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { runAgent } from './orchestrator';
import { markInterrupted, TRACE_VERSION, type Trace, traceFromEvents } from './trace';
import { MAX_TRACE_FILE_BYTES, parseTraceFile, TRACE_FILE_FORMAT, traceFileText } from './trace-file';
import { traceFileProblemText } from './trace-file-messages';
import type { Dialect, RunEvent, RunMode } from './types';

const circle = EXAMPLE_SCRIPTS.find((s) => s.id === 'circle-tiles');

/** A real run of the 'circle-tiles' example: scripted engine, real calculator. */
async function circleEvents(mode: RunMode, dialect: Dialect): Promise<RunEvent[]> {
  const model = () => new ScriptedModel();
  const models =
    mode === 'single' ? { backbone: model() } : { planner: model(), caller: model(), summarizer: model() };
  let clock = 1_700_000_000_000;
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: circle?.task ?? '',
    mode,
    dialect,
    models,
    tools: createToolRunner(createDefaultRegistry()),
    runId: `circle-${mode}-${dialect}`,
    now: () => (clock += 250),
  })) {
    events.push(event);
  }
  return events;
}

const circleTrace = async (mode: RunMode = 'multi', dialect: Dialect = 'alpha-umi') =>
  traceFromEvents(await circleEvents(mode, dialect));

/** The file of `trace` as an object, for tests that break one field. */
const fileOf = (trace: Trace) =>
  JSON.parse(traceFileText(trace)) as { trace: Record<string, unknown> } & object;
const errorOf = (text: string) => {
  const result = parseTraceFile(text);
  // The refusal is a code; the sentence checked is what the page shows in English.
  return result.ok ? 'accepted' : traceFileProblemText('en', result.error);
};

describe('traceFileText / parseTraceFile round trip', () => {
  it.each([
    ['multi', 'alpha-umi'],
    ['multi', 'chat'],
    ['single', 'alpha-umi'],
    ['single', 'chat'],
    ['shared', 'chat'],
  ] as const)('a real %s / %s run comes back identical', async (mode, dialect) => {
    const trace = await circleTrace(mode, dialect);
    expect(trace).toMatchObject({ status: 'finished', outcome: 'answer' });
    expect(trace.steps.some((s) => s.tool?.result?.ok)).toBe(true);
    expect(parseTraceFile(traceFileText(trace))).toStrictEqual({ ok: true, trace });
  });

  it('writes the versioned export format', async () => {
    const trace = await circleTrace();
    const text = traceFileText(trace, new Date('2025-01-02T03:04:05.000Z'));
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'exportedAt', 'trace']);
    expect(JSON.parse(text)).toMatchObject({
      format: TRACE_FILE_FORMAT,
      version: TRACE_VERSION,
      exportedAt: '2025-01-02T03:04:05.000Z',
    });
    expect(text).toBe(
      JSON.stringify(
        { format: 'umi-lab.trace', version: trace.version, exportedAt: '2025-01-02T03:04:05.000Z', trace },
        null,
        2,
      ),
    );
  });

  it('keeps extraUserTurns, errors and a step error', async () => {
    const base = await circleTrace();
    const trace: Trace = {
      ...base,
      extraUserTurns: [{ beforeStep: 1, text: 'Previous trails failed.' }],
      error: { name: 'TypeError', message: 'x' },
      steps: base.steps.map((s, i) =>
        i === 1
          ? { ...s, status: 'error', error: { name: 'CallerOutputError', message: 'm', observation: 'o' } }
          : s,
      ),
    };
    expect(parseTraceFile(traceFileText(trace))).toStrictEqual({ ok: true, trace });
  });

  it('a trace exported while running imports as interrupted', async () => {
    const events = await circleEvents('multi', 'chat');
    const midStep = events.findIndex((e, i) => i > 10 && e.type === 'token_delta');
    const running = traceFromEvents(events.slice(0, midStep + 1));
    expect(running.status).toBe('running');
    const result = parseTraceFile(traceFileText(running));
    expect(result).toStrictEqual({ ok: true, trace: markInterrupted(running, running.updatedAt) });
    expect(result.ok && result.trace.status).toBe('interrupted');
    expect(result.ok && result.trace.steps.at(-1)?.status).toBe('aborted');
  });
});

describe('parseTraceFile rejects, with one sentence', () => {
  it('text that is not JSON', () => {
    expect(errorOf('{"format": ')).toBe('This file is not JSON, so it cannot be a umi-lab trace.');
  });

  it('JSON that is not a umi-lab trace file', () => {
    for (const text of ['[]', 'null', '{"format": "other"}', '"umi-lab.trace"']) {
      expect(errorOf(text)).toBe('This is not a umi-lab trace file: its "format" is not "umi-lab.trace".');
    }
  });

  it('a file from a newer umi-lab', async () => {
    const file = { ...fileOf(await circleTrace()), version: TRACE_VERSION + 1 };
    expect(errorOf(JSON.stringify(file))).toBe(
      `This trace was made by a newer umi-lab (version ${TRACE_VERSION + 1}); update the page to open it.`,
    );
  });

  it('a missing or nonsensical version', () => {
    expect(errorOf('{"format": "umi-lab.trace", "version": "1"}')).toBe(
      'This trace file has no valid version number.',
    );
  });

  it('a file over 20 MB', () => {
    const text = `{"format": "umi-lab.trace", "pad": "${'x'.repeat(MAX_TRACE_FILE_BYTES)}"}`;
    expect(errorOf(text)).toMatch(/^This file is 20\.0 MB; trace files over 20 MB are not opened\.$/);
  });

  it.each<[string, (t: Record<string, unknown> & { steps: Record<string, unknown>[] }) => void, string]>([
    ['no trace', (t) => Object.assign(t, { steps: 'x' }), 'steps must be a list'],
    [
      'bad role',
      (t) => Object.assign(t.steps[3] ?? {}, { role: 'critic' }),
      'steps[3].role must be one of planner, caller, summarizer, backbone',
    ],
    ['missing id', (t) => delete t.id, 'id is missing'],
    ['bad mode', (t) => Object.assign(t, { mode: 'solo' }), 'mode must be one of multi, shared, single'],
    [
      'bad prompt kind',
      (t) => Object.assign(t.steps[0] ?? {}, { prompt: { kind: 'html', text: '' } }),
      'steps[0].prompt.kind has an unknown value "html"',
    ],
    [
      'bad message',
      (t) => Object.assign(t.steps[0] ?? {}, { prompt: { kind: 'messages', messages: [{ role: 'user' }] } }),
      'steps[0].prompt.messages[0].content is missing',
    ],
    [
      'bad usage',
      (t) => Object.assign(t.steps[0] ?? {}, { usage: { promptTokens: 1 } }),
      'steps[0].usage.completionTokens is missing',
    ],
    [
      'tool result without error',
      (t) =>
        Object.assign(t.steps[1] ?? {}, {
          tool: {
            call: { name: 'c', arguments: {} },
            status: 'error',
            startedAt: 1,
            result: { ok: false, logs: [], durationMs: 1 },
          },
        }),
      'steps[1].tool.result.error is missing',
    ],
    [
      'parsed without result',
      (t) => Object.assign(t.steps[0] ?? {}, { parsed: { role: 'planner' } }),
      'steps[0].parsed.result is missing',
    ],
    [
      'bad model key',
      (t) => Object.assign(t, { models: { critic: { id: 'a', label: 'b', kind: 'scripted' } } }),
      'models has a key "critic" that is not one of planner, caller, summarizer, backbone',
    ],
    ['unknown field', (t) => Object.assign(t, { colour: 'red' }), 'the trace has an unknown field "colour"'],
    [
      'bad extra turn',
      (t) => Object.assign(t, { extraUserTurns: [{ beforeStep: -1, text: 'x' }] }),
      'extraUserTurns[0].beforeStep must not be negative',
    ],
    ['wrong trace version', (t) => Object.assign(t, { version: 0 }), `version must be ${TRACE_VERSION}`],
  ])('a malformed trace: %s', async (_name, breakIt, problem) => {
    const file = fileOf(await circleTrace());
    breakIt(file.trace as Parameters<typeof breakIt>[0]);
    expect(errorOf(JSON.stringify(file))).toBe(`This trace file is damaged: ${problem}.`);
  });

  it('a file without a trace', () => {
    expect(errorOf('{"format": "umi-lab.trace", "version": 1}')).toBe(
      'This trace file is damaged: the trace must be an object.',
    );
  });
});

describe('parseTraceFile and __proto__ keys', () => {
  it('drops them everywhere, so nothing can reach a prototype', async () => {
    const trace = await circleTrace();
    const text = traceFileText(trace)
      .replace('{', '{"__proto__": {"polluted": true},')
      .replace('"trace": {', '"trace": {"__proto__": {"polluted": true},')
      .replace('"arguments": {', '"arguments": {"__proto__": {"polluted": true},');
    expect(text.match(/__proto__/g)).toHaveLength(3);
    const result = parseTraceFile(text);
    expect(result).toStrictEqual({ ok: true, trace });
    if (!result.ok) return;
    const call = result.trace.steps.find((s) => s.tool)?.tool?.call.arguments ?? {};
    // Copying the imported data the careless way still leaves the prototype alone.
    const copied = Object.assign({}, call, result.trace);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.trace)).toBe(Object.prototype);
    expect(Object.hasOwn(call, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
