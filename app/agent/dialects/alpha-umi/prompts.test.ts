import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../../test-support/fixtures';
import type { AlphaUmiToolDoc, ToolDefinition } from '../../types';
import {
  buildBackbonePrompt,
  buildCallerPrompt,
  buildPlannerPrompt,
  buildSummarizerPrompt,
  fillTemplate,
  formatBackboneHistory,
  formatHistory,
  formatToolDocs,
  type HistoryTurn,
  splitPlannerMarker,
  toAlphaUmiToolDoc,
  withPlannerMarker,
} from './prompts';

interface TrainRecord {
  tools: AlphaUmiToolDoc[];
  history: HistoryTurn[];
  input: string;
  target: string;
}

function loadTrain(role: 'planner' | 'caller' | 'summarizer' | 'backbone'): TrainRecord[] {
  const records: unknown = readAlphaUmiFixture(`train_${role}.json`);
  if (!Array.isArray(records) || records.length === 0) throw new Error(`train_${role}.json: no records`);
  return records as TrainRecord[];
}

const planner = loadTrain('planner');
const caller = loadTrain('caller');
const summarizer = loadTrain('summarizer');
const backbone = loadTrain('backbone');

/** The last turn, which for the caller and the summarizer is this step's planner turn. */
function lastTurn(history: HistoryTurn[]): HistoryTurn {
  const turn = history.at(-1);
  if (!turn) throw new Error('empty history');
  return turn;
}

describe('alpha-umi golden prompts', () => {
  it('has the record counts the fixture README lists', () => {
    expect([planner.length, caller.length, summarizer.length, backbone.length]).toEqual([79, 59, 14, 79]);
  });

  it.each(planner.map((record, index) => [index, record] as const))('planner record %i', (_, record) => {
    expect(buildPlannerPrompt(record.tools, record.history)).toBe(record.input);
  });

  // The caller sees this step's planner turn twice: as the last `assistant:` turn of the
  // history and, verbatim (marker included), as {thought}.
  it.each(caller.map((record, index) => [index, record] as const))('caller record %i', (_, record) => {
    const current = lastTurn(record.history);
    expect(current.from).toBe('assistant');
    expect(buildCallerPrompt(record.tools, record.history, current.value)).toBe(record.input);
  });

  it.each(summarizer.map((record, index) => [index, record] as const))(
    'summarizer record %i',
    (_, record) => {
      expect(lastTurn(record.history)).toMatchObject({ from: 'assistant', value: /Next: conclusion\.$/ });
      expect(buildSummarizerPrompt(record.history)).toBe(record.input);
    },
  );

  // Known quirk of the original data: a give-up sample (target `...\nconclusion: give up.`)
  // carries the previous record's `input` instead of the prompt over its own history.
  const isReusedGiveUpInput = (record: TrainRecord, index: number) =>
    index > 0 &&
    record.target.endsWith('\nconclusion: give up.') &&
    record.input === backbone[index - 1]?.input;
  const backboneCases = backbone.map((record, index) => [index, record] as const);
  const quirks = backboneCases.filter(([index, record]) => isReusedGiveUpInput(record, index));
  const regular = backboneCases.filter(([index, record]) => !isReusedGiveUpInput(record, index));

  it('skips exactly the six give-up records whose input is the previous record input', () => {
    expect(quirks.map(([index]) => index)).toEqual([6, 31, 36, 41, 60, 74]);
  });

  it.each(regular)('backbone record %i', (_, record) => {
    expect(buildBackbonePrompt(record.tools, record.history)).toBe(record.input);
  });

  it.each(quirks)(
    'backbone record %i (data quirk): our prompt over its own history is not the reused input',
    (_, record) => {
      const ours = buildBackbonePrompt(record.tools, record.history);
      expect(ours).not.toBe(record.input);
      expect(ours.length).toBeGreaterThan(record.input.length);
    },
  );

  it('backbone merges an empty-thought planner turn into `assistant: \\nAction: ...`', () => {
    const merged = regular.filter(([, record]) => record.history.some((t) => t.value.startsWith(' Next: ')));
    expect(merged.length).toBeGreaterThan(0);
    for (const [, record] of merged) expect(record.input).toContain('assistant: \nAction: ');
  });
});

describe('template filling', () => {
  it('substitutes literally and everywhere, in the order doc, tool_names, history', () => {
    const doc: AlphaUmiToolDoc = { Name: 'a$&b', function: "costs $1 {history} $' $`", input: {} };
    const history: HistoryTurn[] = [{ from: 'user', value: 'pay $& now {doc}' }];
    const prompt = buildPlannerPrompt([doc], history);
    // {history} inside the doc is replaced (Python chains str.replace); {doc} inside the history is not.
    expect(prompt).toContain(
      '{"Name": "a$&b", "function": "costs $1 user: pay $& now {doc}</s> $\' $`", "input": {}}\n',
    );
    expect(fillTemplate('{x}{x}', [['x', '$&']])).toBe('$&$&');
  });

  it('formats every kind of turn', () => {
    const history: HistoryTurn[] = [
      { from: 'user', value: 'u' },
      { from: 'assistant', value: 'a' },
      { from: 'caller', value: 'c' },
      { from: 'observation', value: 'o' },
      { from: 'conclusion', value: 'z' },
    ];
    expect(formatHistory(history)).toBe(
      'user: u</s>assistant: a</s>caller: c</s>observation: oconclusion: z</s>',
    );
    expect(formatToolDocs([])).toBe('');
  });

  it('renders final backbone turns the way the backbone writes them', () => {
    const history: HistoryTurn[] = [
      { from: 'user', value: 'q' },
      { from: 'assistant', value: withPlannerMarker('t1', 'caller') },
      { from: 'caller', value: 'Action: f\nAction Input: {}' },
      { from: 'observation', value: 'o' },
      { from: 'assistant', value: withPlannerMarker('t2', 'conclusion') },
      { from: 'conclusion', value: 'done' },
      { from: 'assistant', value: withPlannerMarker('', 'give up') },
    ];
    expect(formatBackboneHistory(history)).toBe(
      'user: q</s>assistant: t1\nAction: f\nAction Input: {}</s>observation: o' +
        'assistant: t2\nconclusion: done</s>assistant: \nconclusion: give up.</s>',
    );
    expect(splitPlannerMarker('x\n\n Next: conclusion.')).toEqual({ thought: 'x', decision: 'conclusion' });
    expect(splitPlannerMarker('no marker ')).toEqual({ thought: 'no marker ' });
  });
});

describe('toAlphaUmiToolDoc', () => {
  it('lists parameters as "type, description" in schema order', () => {
    const tool: ToolDefinition = {
      name: 'convert',
      description: 'Converts units.',
      parameters: {
        type: 'object',
        properties: {
          value: { type: 'number', description: 'The amount.' },
          unit: { type: 'string' },
          exact: { type: ['boolean', 'null'], description: 'Exact?' },
          mode: { enum: ['a', 'b'] },
          list: { type: 'array', items: { type: 'string' } },
        },
        required: ['value'],
      },
    };
    expect(toAlphaUmiToolDoc(tool)).toEqual({
      Name: 'convert',
      function: 'Converts units.',
      input: {
        value: 'number, The amount.',
        unit: 'string, ',
        exact: 'boolean, Exact?',
        mode: 'string, ',
        list: 'array, ',
      },
    });
    expect(toAlphaUmiToolDoc({ name: 'n', description: 'd', parameters: { type: 'object' } }).input).toEqual(
      {},
    );
  });
});
