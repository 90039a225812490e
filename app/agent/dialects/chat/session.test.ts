import { beforeAll, describe, expect, it } from 'vitest';
import type {
  BackboneParse,
  CallerParse,
  ChatMessage,
  PlannerParse,
  Role,
  RoleRequest,
  SessionEntry,
  ToolDefinition,
  ToolResult,
} from '../../types';
import { callerSchemaString } from './caller-schema';
import { PLANNER_GRAMMAR } from './grammar';
import { type ChatSession, createChatSession } from './session';

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

// SessionEntry values built by hand, as the parsers would produce them.
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
const badCall: Extract<CallerParse, { ok: false }> = {
  ok: false,
  kind: 'invalid_json',
  message: 'the arguments are not JSON',
};
const ok = (value: unknown): ToolResult => ({ ok: true, value, logs: [], durationMs: 1 });
const failed = (name: string, message: string): ToolResult => ({
  ok: false,
  error: { name, message },
  logs: [],
  durationMs: 0,
});

const messagesOf = (request: RoleRequest): ChatMessage[] => {
  if (request.prompt.kind !== 'messages') throw new Error('chat prompts are message lists');
  return request.prompt.messages;
};

/**
 * Wraps a session: every request is checked against the role's previous request. The first
 * is [system, user]; each later one is the previous list unchanged (deep-equal prefix) plus
 * exactly the assistant message recorded since (verbatim) and one new user message.
 */
function watched(session: ChatSession) {
  const previous: Partial<Record<Role, ChatMessage[]>> = {};
  const recorded: Partial<Record<Role, string>> = {};
  const requestCounts: Partial<Record<Role, number>> = {};
  return {
    request(role: Role): RoleRequest {
      const request = session.request(role);
      const messages = messagesOf(request);
      const before = previous[role];
      const raw = recorded[role];
      if (!before) {
        expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
      } else if (raw === undefined) {
        expect(messages, `${role}: a retry returns the same messages`).toEqual(before);
      } else {
        expect(messages.slice(0, before.length), `${role}: earlier messages unchanged`).toEqual(before);
        expect(messages.length, `${role}: one assistant + one user message more`).toBe(before.length + 2);
        expect(messages[before.length]).toEqual({ role: 'assistant', content: raw });
        expect(messages.at(-1)?.role).toBe('user');
      }
      previous[role] = structuredClone(messages);
      delete recorded[role];
      requestCounts[role] = (requestCounts[role] ?? 0) + 1;
      // What a request returns is a copy: changing it does not reach the session.
      const kept = structuredClone(request);
      messages.push({ role: 'user', content: 'tampering' });
      if (messages[0]) messages[0].content = 'tampering';
      expect(session.conversation(role)).toEqual(messagesOf(kept));
      return kept;
    },
    record(entry: SessionEntry) {
      if (entry.kind !== 'observation') recorded[entry.kind] = entry.raw;
      session.record(entry);
    },
    requestCounts,
  };
}

const lastUser = (request: RoleRequest) => messagesOf(request).at(-1)?.content ?? '';

const task = 'What is 2^10 + 3? Answer in français.';

/** planner → caller → observation ×5 (a malformed call at step 3, two retries), then the summarizer. */
function sixStepRun() {
  const session = createChatSession({ task, tools });
  const run = watched(session);
  const plannerRequests: RoleRequest[] = [];
  const callerRequests: RoleRequest[] = [];
  for (let turn = 1; turn <= 5; turn++) {
    plannerRequests.push(run.request('planner'));
    // A retry after an aborted generation: same messages, nothing appended.
    if (turn === 2) plannerRequests.push(run.request('planner'));
    run.record({
      kind: 'planner',
      raw: `Step ${turn}: compute 2^${turn}.  \nNext: caller`,
      parsed: plan(`Step ${turn}: compute 2^${turn}.`, 'caller'),
    });
    callerRequests.push(run.request('caller'));
    if (turn === 4) callerRequests.push(run.request('caller'));
    if (turn === 3) {
      // A malformed caller output: the orchestrator's step error becomes the observation.
      run.record({ kind: 'caller', raw: 'calculator(2^3)', parsed: badCall });
      const error = failed('CallerOutputError', badCall.message);
      run.record({
        kind: 'observation',
        text: session.formatObservation(error, { name: 'none', arguments: {} }),
      });
    } else {
      run.record({
        kind: 'caller',
        raw: ` {"name": "calculator", "arguments": {"expression": "2^${turn}"}}\n`,
        parsed: okCall(`2^${turn}`),
      });
      run.record({
        kind: 'observation',
        text: session.formatObservation(ok(2 ** turn), { name: 'calculator', arguments: {} }),
      });
    }
  }
  plannerRequests.push(run.request('planner'));
  run.record({
    kind: 'planner',
    raw: 'All known.\nNext: summarizer',
    parsed: plan('All known.', 'conclusion'),
  });
  const summarizerRequest = run.request('summarizer');
  run.record({ kind: 'summarizer', raw: '**1027**' });
  return { session, run, plannerRequests, callerRequests, summarizerRequest };
}

describe('chat session: a 6-step run', () => {
  let r: ReturnType<typeof sixStepRun>;
  // The append-only checks run inside `watched`, on every request of the run.
  beforeAll(() => {
    r = sixStepRun();
  });

  it('grows every conversation by exactly one assistant + one user message per turn', () => {
    expect(r.run.requestCounts).toEqual({ planner: 7, caller: 6, summarizer: 1 });
    expect(r.session.conversation('planner')).toHaveLength(2 + 5 * 2 + 1);
    expect(r.session.conversation('caller')).toHaveLength(2 + 4 * 2 + 1);
    expect(r.session.conversation('summarizer')).toHaveLength(3);
    expect(r.session.conversation('backbone')).toEqual([]);
  });

  it('a retry returns the same request', () => {
    expect(r.plannerRequests[2]).toEqual(r.plannerRequests[1]);
    expect(r.callerRequests[4]).toEqual(r.callerRequests[3]);
  });

  it('the planner starts from the task and then hears each call and its observation', () => {
    expect(messagesOf(r.plannerRequests[0] as RoleRequest)[1]).toEqual({
      role: 'user',
      content: `Task: ${task}`,
    });
    expect(lastUser(r.plannerRequests[1] as RoleRequest)).toBe(
      'The caller called calculator with {"expression":"2^1"}.\nObservation: {"result":2}',
    );
    expect(lastUser(r.plannerRequests[4] as RoleRequest)).toBe(
      "The caller's output could not be used as a tool call (the arguments are not JSON).\n" +
        'Observation: {"error":"CallerOutputError: the arguments are not JSON"}',
    );
    expect(lastUser(r.plannerRequests[6] as RoleRequest)).toContain('"result":32');
  });

  it('the caller gets the task and the thought, then the observation and the next thought', () => {
    expect(messagesOf(r.callerRequests[0] as RoleRequest)[1]?.content).toBe(
      `Task: ${task}\n\nPlanner: Step 1: compute 2^1.`,
    );
    expect(lastUser(r.callerRequests[1] as RoleRequest)).toBe(
      'Observation: {"result":2}\nPlanner: Step 2: compute 2^2.',
    );
  });

  it('the summarizer reads the task and a compact transcript of the run', () => {
    const [system, user] = messagesOf(r.summarizerRequest);
    expect(system?.role).toBe('system');
    expect(user?.content).toContain(`Task: ${task}`);
    for (const part of [
      'Plan: Step 1: compute 2^1.',
      '{"expression":"2^5"}',
      '"result":16',
      'not JSON',
      'All known.',
    ])
      expect(user?.content).toContain(part);
  });

  it('constrains the planner with the grammar and the caller with one schema string, every turn', () => {
    for (const request of r.plannerRequests)
      expect(request.constraint).toEqual({ type: 'grammar', grammar: PLANNER_GRAMMAR });
    const schemas = r.callerRequests.map((r) =>
      r.constraint?.type === 'json_schema' ? r.constraint.schema : '',
    );
    expect(schemas[0]).toBe(callerSchemaString(tools));
    for (const schema of schemas) expect(schema).toBe(schemas[0]);
    expect(r.summarizerRequest.constraint).toBeUndefined();
    expect('constraint' in r.summarizerRequest).toBe(false);
  });
});

describe('chat session: single mode (backbone)', () => {
  it('task, then the verbatim output and the observation per turn', () => {
    const session = createChatSession({ task: 't', tools });
    const run = watched(session);
    const call = (expression: string): BackboneParse => ({
      kind: 'call',
      thought: 'x',
      caller: okCall(expression),
      kept: 'x',
    });
    const first = run.request('backbone');
    expect(first.constraint).toBeUndefined();
    expect(messagesOf(first)[1]).toEqual({ role: 'user', content: 'Task: t' });
    run.record({
      kind: 'backbone',
      raw: 'x\nAction: calculator\nAction Input: {"expression":"1"}',
      parsed: call('1'),
    });
    run.record({ kind: 'observation', text: '{"result":1}' });
    expect(lastUser(run.request('backbone'))).toBe('Observation: {"result":1}');
    run.record({
      kind: 'backbone',
      raw: 'y\nAction: calculator\nAction Input: {expression',
      parsed: { kind: 'call', thought: 'y', caller: badCall, kept: 'y' },
    });
    run.record({ kind: 'observation', text: '{"error":"CallerOutputError: the arguments are not JSON"}' });
    run.request('backbone');
    run.request('backbone');
    run.record({
      kind: 'backbone',
      raw: 'Done.\nconclusion: 1',
      parsed: { kind: 'conclusion', thought: 'Done.', answer: '1', kept: 'Done.' },
    });
    expect(session.conversation('backbone')).toHaveLength(2 + 2 * 2 + 1);
  });
});

describe('chat session: edges', () => {
  it('an output recorded without a request still lands after a user message', () => {
    const session = createChatSession({ task: 't', tools });
    session.record({ kind: 'planner', raw: 'x\nNext: caller', parsed: plan('x', 'caller') });
    expect(session.conversation('planner').map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    session.record({ kind: 'caller', raw: '{}', parsed: okCall('1') });
    session.record({ kind: 'observation', text: '{"result":1}' });
    session.record({ kind: 'planner', raw: 'y\nNext: summarizer', parsed: plan('y', 'conclusion') });
    expect(session.conversation('planner').map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('without tools the caller is not constrained (XGrammar cannot express "no call")', () => {
    const session = createChatSession({ task: 't', tools: [] });
    expect(session.request('caller').constraint).toBeUndefined();
    expect(session.request('planner').constraint?.type).toBe('grammar');
  });

  it('system prompts list the tools and can be overridden per role', () => {
    const session = createChatSession({ task: 't', tools, systemPrompts: { caller: 'CUSTOM {tools}' } });
    const system = (role: Role) => messagesOf(session.request(role))[0]?.content ?? '';
    expect(system('planner')).toContain('- calculator: Evaluates a math expression.');
    expect(system('planner')).toContain('expression (string) — mathjs syntax');
    expect(system('planner')).toContain('inclusive (boolean, optional)');
    expect(system('caller').startsWith('CUSTOM - calculator')).toBe(true);
    expect(system('summarizer')).not.toContain('calculator');
    expect(system('backbone')).toContain('- date_diff: Days between two dates.');
  });
});
