/**
 * The edge of the static evaluation: test files (stage-2 trajectories) and predictions files
 * are untrusted. Each is checked whole before anything is used; the first problem found is
 * returned with its record index, and nothing half-read comes back.
 */
import type { HistoryRole, HistoryTurn } from '../../dialects/alpha-umi/prompts';
import type { AlphaUmiToolDoc } from '../../types';
import type { Expected, FileIssue, UnscorableReason } from './issues';
import type { PredictionRecord } from './metrics';
import { parseOutput } from './parse-output';
import { rougeSentences } from './rouge';
import { buildSamples, MissingTurnError, type Stage2Record, type StaticSample } from './samples';

export type Checked<T> = { ok: true; value: T } | { ok: false; issue: FileIssue };

export interface TestFile {
  trajectories: Stage2Record[];
  samples: StaticSample[];
}

const ROLES: readonly HistoryRole[] = ['user', 'assistant', 'caller', 'observation', 'conclusion'];

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class Reject extends Error {
  constructor(readonly issue: FileIssue) {
    super(issue.code);
  }
}

const bad = (record: number, field: string, expected: Expected) =>
  new Reject({ code: 'bad_field', record, field, expected });

function parseArray(text: string): Json[] {
  let data: Json;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Reject({ code: 'not_json', detail: error instanceof Error ? error.message : String(error) });
  }
  if (!Array.isArray(data)) throw new Reject({ code: 'not_array' });
  if (data.length === 0) throw new Reject({ code: 'empty' });
  return data;
}

function checked<T>(read: () => T): Checked<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, issue: error.issue };
    throw error;
  }
}

/** Why the reference evaluation could not score `reference`, if it could not. */
export function referenceProblem(reference: string): UnscorableReason | undefined {
  const parsed = parseOutput(reference);
  if (parsed.pythonFailure) return parsed.pythonFailure;
  if (parsed.plan === 'finish' && rougeSentences(parsed.answer).length === 0) return 'empty_answer';
  return undefined;
}

/**
 * A tool as the α-UMi data writes it: `{Name, function, input: {arg: "type, description"}}`.
 * Other keys are kept: the prompt shows `json.dumps(tool)` whole.
 */
function readTool(record: number, index: number, tool: Json): AlphaUmiToolDoc {
  const at = `tools[${index}]`;
  if (!isObject(tool)) throw bad(record, at, 'tool');
  if (typeof tool.Name !== 'string') throw bad(record, `${at}.Name`, 'string');
  if (typeof tool.function !== 'string') throw bad(record, `${at}.function`, 'string');
  const input = tool.input;
  if (!isObject(input)) throw bad(record, `${at}.input`, 'input');
  for (const [name, text] of Object.entries(input)) {
    if (typeof text !== 'string') throw bad(record, `${at}.input.${name}`, 'string');
  }
  return tool as unknown as AlphaUmiToolDoc;
}

function readTrajectory(record: number, data: Json): Stage2Record {
  if (!isObject(data)) throw new Reject({ code: 'not_object', record });
  if (!Array.isArray(data.tools)) throw bad(record, 'tools', 'tools');
  const tools = data.tools.map((tool, i) => readTool(record, i, tool));
  if (typeof data.instruction !== 'string') throw bad(record, 'instruction', 'string');
  if (!Array.isArray(data.conversations) || data.conversations.length === 0) {
    throw bad(record, 'conversations', 'conversations');
  }
  const conversations = data.conversations.map((turn, i): HistoryTurn => {
    if (!isObject(turn)) throw bad(record, `conversations[${i}]`, 'turn');
    if (typeof turn.from !== 'string') throw bad(record, `conversations[${i}].from`, 'string');
    if (!ROLES.includes(turn.from as HistoryRole)) {
      throw new Reject({ code: 'bad_role', record, turn: i, role: turn.from });
    }
    if (typeof turn.value !== 'string') throw bad(record, `conversations[${i}].value`, 'string');
    return { from: turn.from as HistoryRole, value: turn.value };
  });
  return { tools, instruction: data.instruction, conversations };
}

/** A stage-2 test file (`{tools, instruction, conversations}` trajectories) and its samples. */
export function parseTestFile(text: string): Checked<TestFile> {
  return checked(() => {
    const trajectories = parseArray(text).map((data, i) => readTrajectory(i, data));
    let samples: StaticSample[];
    try {
      samples = buildSamples(trajectories);
    } catch (error) {
      if (error instanceof MissingTurnError) {
        throw new Reject({ code: 'no_following_turn', record: error.record, turn: error.turn });
      }
      throw error;
    }
    if (samples.length === 0) throw new Reject({ code: 'no_samples' });
    for (const sample of samples) {
      const reason = referenceProblem(sample.reference);
      if (reason) {
        throw new Reject({ code: 'reference_unscorable', record: sample.record, turn: sample.turn, reason });
      }
    }
    return { trajectories, samples };
  });
}

/** A predictions file: `{tools, reference, predictions}` records, as the reference evaluation reads. */
export function parsePredictionsFile(text: string): Checked<PredictionRecord[]> {
  return checked(() =>
    parseArray(text).map((data, record): PredictionRecord => {
      if (!isObject(data)) throw new Reject({ code: 'not_object', record });
      if (!Array.isArray(data.tools)) throw bad(record, 'tools', 'tools');
      for (const [i, tool] of data.tools.entries()) {
        if (!isObject(tool) || typeof tool.Name !== 'string') {
          throw bad(record, `tools[${i}].Name`, 'string');
        }
      }
      if (typeof data.reference !== 'string') throw bad(record, 'reference', 'string');
      if (typeof data.predictions !== 'string') throw bad(record, 'predictions', 'string');
      const reason = referenceProblem(data.reference);
      if (reason) throw new Reject({ code: 'reference_unscorable', record, reason });
      return data as unknown as PredictionRecord;
    }),
  );
}
