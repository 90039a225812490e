import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../../test-support/fixtures';
import type {
  AlphaUmiToolDoc,
  CallerParse,
  PlannerParse,
  Role,
  RoleRequest,
  SessionEntry,
  ToolDefinition,
  ToolResult,
} from '../../types';
import { type HistoryTurn, splitPlannerMarker, withPlannerMarker } from './prompts';
import { type AlphaUmiSession, cleanOutput, createAlphaUmiSession } from './session';

interface Trajectory {
  tools: AlphaUmiToolDoc[];
  instruction: string;
  conversations: HistoryTurn[];
}
interface TrainRecord {
  tools: AlphaUmiToolDoc[];
  history: HistoryTurn[];
  input: string;
  target: string;
}

const load = <T>(name: string): T[] => readAlphaUmiFixture<T[]>(name);

const trajectories = load<Trajectory>('raw_data_stage_2.json');
const train: Record<Role, TrainRecord[]> = {
  planner: load<TrainRecord>('train_planner.json'),
  caller: load<TrainRecord>('train_caller.json'),
  summarizer: load<TrainRecord>('train_summarizer.json'),
  backbone: load<TrainRecord>('train_backbone.json'),
};

/** Records are found by what they were built from: the tools and the history. */
const keyOf = (tools: readonly AlphaUmiToolDoc[], history: readonly HistoryTurn[]) =>
  JSON.stringify([tools, history]);
const index = Object.fromEntries(
  Object.entries(train).map(([role, records]) => [
    role,
    new Map(records.map((record, i) => [keyOf(record.tools, record.history), i])),
  ]),
) as Record<Role, Map<string, number>>;

/** The inverse of toAlphaUmiToolDoc for the fixtures' `"type, description"` inputs. */
function toolDefinition(doc: AlphaUmiToolDoc): ToolDefinition {
  const properties: Record<string, { type: string; description: string }> = {};
  for (const [name, text] of Object.entries(doc.input)) {
    const comma = text.indexOf(', ');
    properties[name] = { type: text.slice(0, comma), description: text.slice(comma + 2) };
  }
  return { name: doc.Name, description: doc.function, parameters: { type: 'object', properties } };
}

function plannerParse(value: string): PlannerParse {
  const { thought, decision } = splitPlannerMarker(value);
  const routed = decision === 'give up' ? 'give_up' : decision === 'conclusion' ? 'conclusion' : 'caller';
  return { decision: routed, thought: thought.trim(), kept: value, markerCount: decision ? 1 : 0 };
}

function parseAction(value: string): { name: string; args: string } {
  const match = /^Action: (\S+)\nAction Input: ([\s\S]*)$/.exec(value);
  if (!match?.[1] || match[2] === undefined) throw new Error(`not a call: ${value}`);
  return { name: match[1], args: match[2] };
}

function callerParse(value: string): CallerParse & { ok: true } {
  const { name, args } = parseAction(value);
  const call = { name, arguments: JSON.parse(args) as Record<string, unknown> };
  return { ok: true, call, rawArguments: args, repaired: false };
}

function textOf(request: RoleRequest): string {
  expect(request.stop).toEqual(['</s>']);
  if (request.prompt.kind !== 'text') throw new Error('alpha-umi prompts are text');
  return request.prompt.text;
}

/**
 * Replays a trajectory into sessions, handing every turn to `step`. A ToolBench user turn
 * in the middle of a trajectory (a "previous trails failed" reflection) cannot be recorded
 * through the DialectSession interface, so the session is resumed from its history plus it.
 */
function replay(trajectory: Trajectory, step: (session: AlphaUmiSession, at: number) => number | undefined) {
  const tools = trajectory.tools.map(toolDefinition);
  const turns = trajectory.conversations;
  let lead = 0;
  while (turns[lead]?.from === 'user') lead++;
  const start = { task: trajectory.instruction, tools };
  let session = createAlphaUmiSession(lead > 1 ? { ...start, initialHistory: turns.slice(0, lead) } : start);
  expect(session.history()).toEqual(turns.slice(0, lead));
  expect(session.toolDocs).toEqual(trajectory.tools);
  for (let at = lead; at < turns.length; ) {
    const turn = turns[at] as HistoryTurn;
    if (turn.from === 'user') {
      session = createAlphaUmiSession({ ...start, initialHistory: [...session.history(), turn] });
      at++;
    } else {
      at = step(session, at) ?? at + 1;
    }
  }
  return session;
}

const used: Record<Role, Set<number>> = {
  planner: new Set(),
  caller: new Set(),
  summarizer: new Set(),
  backbone: new Set(),
};

function expectRecord(role: Role, session: AlphaUmiSession, tools: AlphaUmiToolDoc[]) {
  const found = index[role].get(keyOf(tools, session.history()));
  expect(found, `a train_${role} record for this history`).toBeDefined();
  const record = train[role][found as number] as TrainRecord;
  used[role].add(found as number);
  return { record, found: found as number, text: textOf(session.request(role)) };
}

// Give-up records of train_backbone whose input is the previous record's (data quirk, see prompts.test.ts).
const backboneQuirks = new Set([6, 31, 36, 41, 60, 74]);

describe('alpha-umi session replaying raw_data_stage_2.json', () => {
  it.each(trajectories.map((t, i) => [i, t] as const))('multi-agent trajectory %i', (_, trajectory) => {
    const session = replay(trajectory, (s, at) => {
      const turn = trajectory.conversations[at] as HistoryTurn;
      if (turn.from === 'assistant') {
        const { record, text } = expectRecord('planner', s, trajectory.tools);
        expect(text).toBe(record.input);
        s.record({ kind: 'planner', raw: `${turn.value}</s>`, parsed: plannerParse(turn.value) });
      } else if (turn.from === 'caller') {
        const { record, text } = expectRecord('caller', s, trajectory.tools);
        expect(text).toBe(record.input);
        s.record({
          kind: 'caller',
          raw: `${turn.value} </s>\n`,
          parsed: callerParse(turn.value),
        });
      } else if (turn.from === 'conclusion') {
        const { record, text } = expectRecord('summarizer', s, trajectory.tools);
        expect(text).toBe(record.input);
        s.record({ kind: 'summarizer', raw: turn.value });
      } else {
        s.record({ kind: 'observation', text: turn.value });
      }
      return undefined;
    });
    expect(session.history()).toEqual(trajectory.conversations);
  });

  it.each(trajectories.map((t, i) => [i, t] as const))('backbone trajectory %i', (_, trajectory) => {
    const turns = trajectory.conversations;
    const session = replay(trajectory, (s, at) => {
      const turn = turns[at] as HistoryTurn;
      if (turn.from !== 'assistant') {
        s.record({ kind: 'observation', text: turn.value });
        return undefined;
      }
      const { record, found, text } = expectRecord('backbone', s, trajectory.tools);
      if (!backboneQuirks.has(found)) expect(text).toBe(record.input);
      const { thought, decision } = splitPlannerMarker(turn.value);
      const next = turns[at + 1];
      let entry: SessionEntry;
      if (decision === 'caller' && next?.from === 'caller') {
        const caller = callerParse(next.value);
        entry = { kind: 'backbone', raw: '', parsed: { kind: 'call', thought, caller, kept: '' } };
      } else if (decision === 'conclusion' && next?.from === 'conclusion') {
        entry = {
          kind: 'backbone',
          raw: '',
          parsed: { kind: 'conclusion', thought, answer: next.value, kept: '' },
        };
      } else {
        expect(decision).toBe('give up');
        entry = { kind: 'backbone', raw: '', parsed: { kind: 'give_up', thought, kept: '' } };
      }
      s.record(entry);
      return entry.parsed.kind === 'give_up' ? at + 1 : at + 2;
    });
    // Same shape as the fixture; planner turns come back with the thought's trailing whitespace trimmed.
    const normalised = turns.map((turn) => {
      const { thought, decision } = splitPlannerMarker(turn.value);
      return turn.from === 'assistant' && decision
        ? { ...turn, value: withPlannerMarker(thought, decision) }
        : turn;
    });
    expect(session.history()).toEqual(normalised);
  });

  // Relies on the replays above having run (Vitest runs a file's tests in order).
  it('used every train record (the six backbone quirks included, checked for shape only)', () => {
    expect(used.planner.size).toBe(train.planner.length);
    expect(used.caller.size).toBe(train.caller.length);
    expect(used.summarizer.size).toBe(train.summarizer.length);
    expect(used.backbone.size).toBe(train.backbone.length);
  });
});

describe('alpha-umi session basics', () => {
  const tools: ToolDefinition[] = [
    { name: 'echo', description: 'Echoes.', parameters: { type: 'object', properties: {} } },
  ];
  const result = (value: unknown): ToolResult => ({ ok: true, value, logs: [], durationMs: 1 });

  it('starts from the task and asks the caller with the current planner turn as thought', () => {
    const session = createAlphaUmiSession({ task: 'Say hi', tools });
    expect(textOf(session.request('planner'))).toContain('\nuser: Say hi</s>\nYou are the assistant');
    session.record({ kind: 'planner', raw: 'x', parsed: plannerParse('Echo it.\n Next: caller.') });
    const caller = textOf(session.request('caller'));
    expect(caller).toContain(
      'user: Say hi</s>assistant: Echo it.\n Next: caller.</s>\nThe thought of this step is:\n',
    );
    expect(caller).toContain('\nEcho it.\n Next: caller.\nBase on the thought make an api call');
    expect(caller.endsWith('exactly in [echo],\nAction Input: the api call request. caller: ')).toBe(true);
  });

  it('formats a success as the bare response, as the α-UMi data shows it', () => {
    const session = createAlphaUmiSession({ task: 't', tools });
    const call = { name: 'echo', arguments: {} };
    expect(session.formatObservation(result('héllo "x"'), call)).toBe('héllo "x"');
    expect(session.formatObservation(result({ a: [1, 2.5] }), call)).toBe('{"a": [1, 2.5]}');
    expect(session.formatObservation(result(undefined), call)).toBe('');
  });

  it('formats failures ToolBench style, so the error stays visible', () => {
    const session = createAlphaUmiSession({ task: 't', tools });
    const call = { name: 'echo', arguments: {} };
    const failure: ToolResult = {
      ok: false,
      error: { name: 'TimeoutError', message: 'took 5s' },
      logs: [],
      durationMs: 5,
    };
    expect(session.formatObservation(failure, call)).toBe(
      '{"error": "TimeoutError: took 5s", "response": ""}',
    );
    const unknown: ToolResult = {
      ...failure,
      error: { name: 'UnknownToolError', message: 'No such function name: nope' },
    };
    expect(session.formatObservation(unknown, { name: 'nope', arguments: {} })).toBe(
      '{"error": "No such function name: nope", "response": ""}',
    );
  });

  it('cleans trailing whitespace and end-of-turn tokens from outputs', () => {
    expect(cleanOutput('Action: a\nAction Input: {}</s> \n</s>')).toBe('Action: a\nAction Input: {}');
    expect(cleanOutput('  answer  ')).toBe('  answer');
  });
});
