import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { CallerParse, ChatMessage, PlannerParse, Role, ToolDefinition, ToolResult } from '../../types';
import { callerSchema, callerSchemaString } from './caller-schema';
import { PLANNER_GRAMMAR, PLANNER_OUTPUT_PATTERN } from './grammar';
import { createChatSession } from './session';
import { DEFAULT_CHAT_SYSTEM_PROMPTS } from './system-prompts';

const tools: ToolDefinition[] = [
  {
    name: 'calculator',
    description: 'Evaluates a math expression.',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string', description: 'mathjs syntax' } },
      required: ['expression'],
      additionalProperties: false,
    },
  },
  {
    name: 'date_diff',
    description: 'Days between two dates.',
    parameters: {
      type: 'object',
      properties: { from: { type: 'string' }, to: { type: 'string' }, inclusive: { type: 'boolean' } },
      required: ['from', 'to'],
      additionalProperties: false,
    },
  },
];

const plan = (thought: string, decision: PlannerParse['decision']): PlannerParse => ({
  decision,
  thought,
  kept: thought,
  markerCount: 1,
});
const okCall = (expression: string): CallerParse => ({
  ok: true,
  call: { name: 'calculator', arguments: { expression } },
  rawArguments: JSON.stringify({ expression }),
  repaired: false,
});
const ok = (value: unknown): ToolResult => ({ ok: true, value, logs: [], durationMs: 1 });

/** Asserts the append-only rule between two snapshots of one role's conversation. */
function expectGrewByOneTurn(before: readonly ChatMessage[], after: readonly ChatMessage[]) {
  expect(after.slice(0, before.length)).toEqual(before);
  expect(after.length).toBe(before.length + 2);
  expect(after.at(-2)?.role).toBe('assistant');
  expect(after.at(-1)?.role).toBe('user');
}

describe('chat session', () => {
  it('a 6-step run: each role only ever grows by one assistant + one user message per turn', () => {
    const session = createChatSession({ task: 'What is 2^10 + 3?', tools });
    const snapshots: Partial<Record<Role, ChatMessage[]>> = {};
    const prompt = (role: Role) => {
      const request = session.request(role);
      if (request.prompt.kind !== 'messages') throw new Error('chat prompts are messages');
      const messages = request.prompt.messages;
      const before = snapshots[role];
      if (before) expectGrewByOneTurn(before, messages);
      else expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
      snapshots[role] = messages;
      return request;
    };

    for (let turn = 1; turn <= 5; turn++) {
      const p = prompt('planner');
      expect(p.constraint).toEqual({ type: 'grammar', grammar: PLANNER_GRAMMAR });
      const plannerOut = `Step ${turn}: compute.\nNext: caller`;
      session.record({ kind: 'planner', raw: plannerOut, parsed: plan(`Step ${turn}: compute.`, 'caller') });
      const c = prompt('caller');
      expect(c.constraint).toEqual({ type: 'json_schema', schema: callerSchemaString(tools) });
      expect(c.prompt.kind === 'messages' && c.prompt.messages.at(-1)?.content).toContain(
        `Step ${turn}: compute.`,
      );
      if (turn === 3) {
        // A malformed caller output: a step error becomes the observation.
        const bad: CallerParse = { ok: false, kind: 'invalid_json', message: 'the arguments are not JSON' };
        session.record({ kind: 'caller', raw: 'calculator(2^10)', parsed: bad });
        session.record({
          kind: 'observation',
          text: '{"error": "CallerOutputError: the arguments are not JSON"}',
        });
      } else {
        // A retry after an aborted generation asks again: nothing is appended twice.
        if (turn === 2) expect(session.request('caller')).toEqual(c);
        session.record({
          kind: 'caller',
          raw: `{"name":"calculator","arguments":{"expression":"2^${turn}"}}`,
          parsed: okCall(`2^${turn}`),
        });
        session.record({
          kind: 'observation',
          text: session.formatObservation(ok(2 ** turn), { name: 'calculator', arguments: {} }),
        });
      }
    }
    const last = prompt('planner');
    const lastUser = last.prompt.kind === 'messages' ? (last.prompt.messages.at(-1)?.content ?? '') : '';
    expect(lastUser).toContain('"result":32');
    session.record({ kind: 'planner', raw: 'Done.\nNext: summarizer', parsed: plan('Done.', 'conclusion') });

    const summary = session.request('summarizer');
    expect(summary.constraint).toBeUndefined();
    const summaryText = summary.prompt.kind === 'messages' ? (summary.prompt.messages[1]?.content ?? '') : '';
    expect(summaryText).toContain('What is 2^10 + 3?');
    expect(summaryText).toContain('"result":16');
    expect(summaryText).toContain('could not be used');
    // The planner's conversation: system + user, then 6 turns of (assistant, user) minus the last user.
    expect(session.conversation('planner')).toHaveLength(2 + 5 * 2 + 1);
    expect(session.conversation('caller')).toHaveLength(2 + 4 * 2 + 1);
  });

  it('the planner hears what the caller did and what the tool said', () => {
    const session = createChatSession({ task: 't', tools });
    session.request('planner');
    session.record({ kind: 'planner', raw: 'x\nNext: caller', parsed: plan('x', 'caller') });
    session.request('caller');
    session.record({ kind: 'caller', raw: '{}', parsed: okCall('1+1') });
    session.record({ kind: 'observation', text: '{"result":2}' });
    const second = session.request('planner');
    const content = second.prompt.kind === 'messages' ? second.prompt.messages.at(-1)?.content : '';
    expect(content).toBe(
      'The caller called calculator with {"expression":"1+1"}.\nObservation: {"result":2}',
    );
  });

  it('backbone: task, then an observation per turn', () => {
    const session = createChatSession({ task: 't', tools });
    const first = session.request('backbone');
    expect(first.constraint).toBeUndefined();
    session.record({
      kind: 'backbone',
      raw: 'x\nAction: calculator\nAction Input: {"expression":"1"}',
      parsed: { kind: 'call', thought: 'x', caller: okCall('1'), kept: 'x' },
    });
    session.record({ kind: 'observation', text: '{"result":1}' });
    const second = session.request('backbone');
    expect(second.prompt.kind === 'messages' && second.prompt.messages.slice(2)).toEqual([
      { role: 'assistant', content: 'x\nAction: calculator\nAction Input: {"expression":"1"}' },
      { role: 'user', content: 'Observation: {"result":1}' },
    ]);
  });

  it('system prompts list the tools and can be overridden per role', () => {
    const session = createChatSession({ task: 't', tools, systemPrompts: { caller: 'CUSTOM {tools}' } });
    const planner = session.request('planner');
    const caller = session.request('caller');
    const sys = (r: typeof planner) => (r.prompt.kind === 'messages' ? r.prompt.messages[0]?.content : '');
    expect(sys(planner)).toContain(
      '- calculator: Evaluates a math expression. Arguments: expression (string) — mathjs syntax',
    );
    expect(sys(planner)).toContain('inclusive (boolean, optional)');
    expect(sys(caller)?.startsWith('CUSTOM - calculator')).toBe(true);
    expect(DEFAULT_CHAT_SYSTEM_PROMPTS.caller).toMatch(/JSON/);
  });

  it('formats observations as compact JSON and names unknown tools', () => {
    const session = createChatSession({ task: 't', tools });
    expect(session.formatObservation(ok('11.04672 km'), { name: 'calculator', arguments: {} })).toBe(
      '{"result":"11.04672 km"}',
    );
    const unknown: ToolResult = {
      ok: false,
      error: { name: 'UnknownToolError', message: 'No such function name: weather' },
      logs: [],
      durationMs: 0,
    };
    expect(session.formatObservation(unknown, { name: 'weather', arguments: {} })).toBe(
      '{"error":"No such tool: weather. Available tools: calculator, date_diff."}',
    );
  });
});

describe('caller schema', () => {
  const validate = new Ajv({ strict: false }).compile(callerSchema(tools));

  it('admits a valid call of each tool', () => {
    expect(validate({ name: 'calculator', arguments: { expression: '1+1' } })).toBe(true);
    expect(validate({ name: 'date_diff', arguments: { from: '2024-01-01', to: '2024-02-01' } })).toBe(true);
  });

  it.each([
    ['an unknown tool', { name: 'weather', arguments: {} }],
    ['an ill-typed argument', { name: 'calculator', arguments: { expression: 3 } }],
    ['a missing argument', { name: 'date_diff', arguments: { from: '2024-01-01' } }],
    ['an extra key', { name: 'calculator', arguments: { expression: '1' }, why: 'x' }],
    ["one tool's arguments under another's name", { name: 'calculator', arguments: { from: 'a', to: 'b' } }],
  ])('rejects %s', (_label, value) => {
    expect(validate(value)).toBe(false);
  });

  it('is the same string for the same tools, turn after turn', () => {
    expect(callerSchemaString(tools)).toBe(callerSchemaString(tools));
    expect(callerSchemaString([...tools])).toBe(callerSchemaString(tools));
  });
});

describe('planner grammar', () => {
  it('defines every rule it references, starting at root', () => {
    const defined = new Set([...PLANNER_GRAMMAR.matchAll(/^(\w+) ::=/gm)].map((m) => m[1]));
    const body = PLANNER_GRAMMAR.replace(/"(?:[^"\\]|\\.)*"|\[(?:[^\]\\]|\\.)*\]/g, '');
    const referenced = new Set([...body.matchAll(/\b([a-z_]+)\b/g)].map((m) => m[1]));
    expect(defined.has('root')).toBe(true);
    for (const name of referenced) expect(defined, `rule ${name}`).toContain(name);
  });

  it.each([
    ['I will compute it.\nNext: caller', true],
    ['x\nNext: summarizer', true],
    ['No tool fits.\nNext: give up', true],
    ['First paragraph.\n\nSecond.\nNext: caller', true],
    ['Next: caller', false],
    ['x\nNext: conclusion', false],
    ['x\nNext: caller.', false],
    ['x\nNext: caller\nNext: caller', false],
    ['x\n\n\ny\nNext: caller', false],
  ])('%j → %s', (text, admitted) => {
    expect(PLANNER_OUTPUT_PATTERN.test(text)).toBe(admitted);
  });
});
