import { describe, expect, it } from 'vitest';
import { ScriptedModel, type ScriptedOutput } from '../../llm/scripted/scripted-model';
import { buildPlannerPrompt, type HistoryTurn, toAlphaUmiToolDoc } from '../dialects/alpha-umi/prompts';
import { runAgent } from '../orchestrator';
import { parseBackbone, parseCallerAlphaUmi, parsePlannerAlphaUmi } from '../parse';
import { markInterrupted, type Trace, traceFromEvents } from '../trace';
import type { Dialect, Role, RunEvent, RunMode, ToolDefinition, ToolRunner } from '../types';
import { exportGlpft, type GlpftExport, traceToHistory } from './glpft';

const add: ToolDefinition = {
  name: 'add',
  description: 'Adds two numbers',
  parameters: {
    type: 'object',
    properties: { a: { type: 'number', description: 'the first' }, b: { type: 'number' } },
    required: ['a', 'b'],
  },
};
const tools: ToolRunner = {
  list: () => [add],
  run: async (call) =>
    call.name === 'add'
      ? { ok: true, value: Number(call.arguments.a) + Number(call.arguments.b), logs: [], durationMs: 1 }
      : { ok: false, error: { name: 'UnknownToolError', message: 'no such tool' }, logs: [], durationMs: 0 },
};
const docs = [toAlphaUmiToolDoc(add)];
const TASK = 'Add 2 and 3.';

async function events(mode: RunMode, dialect: Dialect, outputs: Partial<Record<Role, ScriptedOutput[]>>) {
  const model = new ScriptedModel({ outputs });
  const models =
    mode === 'single' ? { backbone: model } : { planner: model, caller: model, summarizer: model };
  const list: RunEvent[] = [];
  for await (const event of runAgent({ task: TASK, mode, dialect, models, tools, now: () => 1 }))
    list.push(event);
  return list;
}
const run = async (...args: Parameters<typeof events>): Promise<Trace> =>
  traceFromEvents(await events(...args));

const counts = (out: GlpftExport) =>
  [out.planner, out.caller, out.summarizer, out.backbone].map((r) => r.length);
const promptsOf = (trace: Trace, role: Role) =>
  trace.steps.filter((s) => s.role === role).map((s) => (s.prompt.kind === 'text' ? s.prompt.text : ''));

/** Every record is a valid α-UMi sample: the right template and cue, a target its role's parser accepts. */
function expectWellFormed(out: GlpftExport) {
  for (const r of [...out.planner, ...out.caller, ...out.backbone]) {
    expect(r.input.startsWith('You have assess to the following apis:\n')).toBe(true);
    expect(r.tools).toEqual(docs);
  }
  for (const r of out.planner) {
    expect(r.input.endsWith('Next: caller or conclusion or give up. assistant: ')).toBe(true);
    expect(parsePlannerAlphaUmi(r.target)).toMatchObject({ kept: r.target, markerCount: 1 });
  }
  for (const r of out.caller) {
    expect(r.input.endsWith('\nAction Input: the api call request. caller: ')).toBe(true);
    expect(parseCallerAlphaUmi(r.target, [add]).ok).toBe(true);
  }
  for (const r of out.summarizer) {
    expect(r.input.startsWith('Make a conclusion based on the conversation history:\n')).toBe(true);
    expect(r.input.endsWith('</s> conclusion: ')).toBe(true);
  }
  for (const r of out.backbone) {
    expect(r.input.endsWith('cannot answer this question.\n assistant: ')).toBe(true);
    const parsed = parseBackbone(r.target, [add]);
    if (parsed.kind === 'call') expect(parsed.caller.ok).toBe(true);
  }
}

const alphaUmiRun = {
  planner: ['Add them.\n Next: caller.', 'Done.\n Next: conclusion.'],
  caller: ['Action: add\nAction Input: {\n  "a": 2,\n  "b": 3\n}'],
  summarizer: ['The sum is **5**.'],
};
const chatRun = {
  planner: ['Add them.\nNext: caller', 'Done.\nNext: summarizer'],
  caller: ['{"name": "add", "arguments": {"a": 2, "b": 3}}'],
  summarizer: ['The sum is **5**.'],
};
const expectedHistory: HistoryTurn[] = [
  { from: 'user', value: TASK },
  { from: 'assistant', value: 'Add them.\n Next: caller.' },
  { from: 'caller', value: 'Action: add\nAction Input: {\n  "a": 2,\n  "b": 3\n}' },
  { from: 'observation', value: '5' },
  { from: 'assistant', value: 'Done.\n Next: conclusion.' },
  { from: 'conclusion', value: 'The sum is **5**.' },
];

describe('GLPFT export of live runs', () => {
  it('alpha-umi: the history is the session’s, and every input is the prompt the model saw', async () => {
    const trace = await run('multi', 'alpha-umi', alphaUmiRun);
    expect(traceToHistory(trace)).toEqual(expectedHistory);
    const out = exportGlpft([trace]);
    expect(counts(out)).toEqual([2, 1, 1, 2]);
    expectWellFormed(out);
    expect(out.planner.map((r) => r.input)).toEqual(promptsOf(trace, 'planner'));
    expect(out.caller.map((r) => r.input)).toEqual(promptsOf(trace, 'caller'));
    expect(out.summarizer.map((r) => r.input)).toEqual(promptsOf(trace, 'summarizer'));
    expect(out.backbone.map((r) => r.target)).toEqual([
      'Add them.\nAction: add\nAction Input: {\n  "a": 2,\n  "b": 3\n}',
      'Done.\nconclusion: The sum is **5**.',
    ]);
  });

  it('chat: markers, JSON calls and observations are converted, giving the same records as alpha-umi', async () => {
    const trace = await run('multi', 'chat', chatRun);
    expect(trace.steps[1]?.tool?.observation).toBe('{"result":5}'); // the chat format...
    expect(traceToHistory(trace)).toEqual(expectedHistory); // ...re-rendered as alpha-umi's
    const out = exportGlpft([trace]);
    expectWellFormed(out);
    expect(out).toEqual(exportGlpft([await run('multi', 'alpha-umi', alphaUmiRun)]));
  });

  it.each(['alpha-umi', 'chat'] as const)(
    'single (%s): backbone turns split into planner and caller turns',
    async (dialect) => {
      const outputs = [
        'Add them.\nAction: add\nAction Input: {"a": 2, "b": 3}',
        'Done.\nconclusion: The sum is 5.',
      ];
      const trace = await run('single', dialect, { backbone: outputs });
      expect(traceToHistory(trace)).toEqual([
        { from: 'user', value: TASK },
        { from: 'assistant', value: 'Add them.\n Next: caller.' },
        { from: 'caller', value: 'Action: add\nAction Input: {"a": 2, "b": 3}' },
        { from: 'observation', value: '5' },
        { from: 'assistant', value: 'Done.\n Next: conclusion.' },
        { from: 'conclusion', value: 'The sum is 5.' },
      ]);
      const out = exportGlpft([trace]);
      expect(counts(out)).toEqual([2, 1, 1, 2]);
      expectWellFormed(out);
      // A well-formed backbone output is its own target.
      expect(out.backbone.map((r) => r.target)).toEqual(outputs);
      if (dialect === 'alpha-umi')
        expect(out.backbone.map((r) => r.input)).toEqual(promptsOf(trace, 'backbone'));
    },
  );
});

describe('GLPFT export of failed and unfinished steps', () => {
  it('keeps malformed and hallucinated calls in the history with their error observations, as no targets', async () => {
    const trace = await run('multi', 'alpha-umi', {
      planner: [
        'Try.\n Next: caller.',
        'Retry.\n Next: caller.',
        'I will add them',
        'Done.\n Next: conclusion.',
      ],
      caller: [
        'I would call add.',
        'Action: nope\nAction Input: {}',
        'Action: add\nAction Input: {"a": 1, "b": 1}',
      ],
      summarizer: ['2'],
    });
    expect(trace.steps[1]?.status).toBe('error');
    const history = traceToHistory(trace);
    expect(history.map((t) => t.from).join(' ')).toBe(
      'user assistant caller observation assistant caller observation assistant caller observation assistant conclusion',
    );
    expect(history[2]?.value).toBe('I would call add.');
    expect(history[3]?.value).toMatch(/^\{"error": "CallerOutputError: .*", "response": ""\}$/);
    expect(history[6]?.value).toBe('{"error": "No such function name: nope", "response": ""}');
    const out = exportGlpft([trace]);
    // Planner: turns 1, 2 and 4 (turn 3 has no marker). Caller: only the good call. Backbone:
    // turns 3 (no marker routes to the caller) and 4; turns 1 and 2 have no usable call.
    expect(counts(out)).toEqual([3, 1, 1, 2]);
    expectWellFormed(out);
    expect(out.caller[0]?.target).toBe('Action: add\nAction Input: {"a": 1, "b": 1}');
    expect(out.backbone[0]?.target).toBe('I will add them\nAction: add\nAction Input: {"a": 1, "b": 1}');
    const planners = promptsOf(trace, 'planner');
    expect(out.planner.map((r) => r.input)).toEqual([planners[0], planners[1], planners[3]]);
  });

  it('drops an empty planner output together with its error observation', async () => {
    const trace = await run('multi', 'alpha-umi', { ...alphaUmiRun, planner: ['', ...alphaUmiRun.planner] });
    expect(trace.steps[0]?.status).toBe('error');
    expect(traceToHistory(trace)).toEqual(expectedHistory);
    const out = exportGlpft([trace]);
    expect(counts(out)).toEqual([2, 1, 1, 2]);
    expect(out.planner[0]?.input).toBe(buildPlannerPrompt(docs, [{ from: 'user', value: TASK }]));
  });

  it('stops at the unfinished tail of an interrupted run', async () => {
    const all = await events('multi', 'alpha-umi', alphaUmiRun);
    const cutAt = (type: RunEvent['type'], nth: number) =>
      all.filter((e) => e.type !== 'token_delta').filter((e) => e.type === type)[nth] as RunEvent;
    const interrupted = (last: RunEvent) =>
      markInterrupted(traceFromEvents(all.slice(0, all.indexOf(last) + 1)), 2);

    // The caller was generating: only the planner turn is kept.
    const whileCalling = interrupted(cutAt('role_started', 1));
    expect(whileCalling.steps[1]?.status).toBe('aborted');
    expect(traceToHistory(whileCalling)).toEqual(expectedHistory.slice(0, 2));
    expect(counts(exportGlpft([whileCalling]))).toEqual([1, 0, 0, 0]);

    // The tool never answered: the call is kept (it is complete), its observation is not.
    const whileRunning = interrupted(cutAt('tool_call', 0));
    expect(traceToHistory(whileRunning)).toEqual(expectedHistory.slice(0, 3));
    expect(counts(exportGlpft([whileRunning]))).toEqual([1, 1, 0, 1]);
  });

  it('exports a give-up as a planner and a backbone record, and no record for an empty answer', async () => {
    const gaveUp = await run('multi', 'alpha-umi', { planner: ['No tool fits.\n Next: give up.'] });
    const out = exportGlpft([gaveUp]);
    expect(counts(out)).toEqual([1, 0, 0, 1]);
    expect(out.backbone[0]?.target).toBe('No tool fits.\nconclusion: give up.');

    const empty = await run('multi', 'alpha-umi', { ...alphaUmiRun, summarizer: [''] });
    expect(empty.outcome).toBe('give_up');
    expect(counts(exportGlpft([empty]))).toEqual([2, 1, 0, 1]);
  });

  it('puts extra user turns before the step they precede, or at the end', async () => {
    const trace = await run('multi', 'alpha-umi', alphaUmiRun);
    const withUsers: Trace = {
      ...trace,
      extraUserTurns: [
        { beforeStep: 99, text: 'late' },
        { beforeStep: 2, text: 'hint' },
      ],
    };
    const history = traceToHistory(withUsers);
    expect(history.slice(3, 6).map((t) => t.value)).toEqual(['5', 'hint', 'Done.\n Next: conclusion.']);
    expect(history.at(-1)).toEqual({ from: 'user', value: 'late' });
    expect(exportGlpft([withUsers]).planner[1]?.history.at(-1)).toEqual({ from: 'user', value: 'hint' });
  });
});
