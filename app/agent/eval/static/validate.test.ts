import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alphaUmiFixturePath } from '../../../test-support/fixtures';
import { describeIssue, type FileIssue } from './issues';
import { parsePredictionsFile, parseTestFile } from './validate';

const stage2 = readFileSync(alphaUmiFixturePath('raw_data_stage_2.json'), 'utf8');
const predictions = readFileSync(alphaUmiFixturePath('static-eval/predictions.json'), 'utf8');

const tool = { Name: 'f', function: 'does f', input: { q: 'string, the query' } };
const trajectory = (conversations: unknown, extra: Record<string, unknown> = {}) => ({
  tools: [tool],
  instruction: 'task',
  conversations,
  ...extra,
});
const good = [
  { from: 'user', value: 'q' },
  { from: 'assistant', value: 'go\n Next: caller.' },
  { from: 'caller', value: 'Action: f\nAction Input: {}' },
  { from: 'observation', value: 'ok' },
  { from: 'assistant', value: 'done\n Next: conclusion.' },
  { from: 'conclusion', value: 'It is ok.' },
];
const issueOf = (result: { ok: true } | { ok: false; issue: FileIssue }) =>
  result.ok ? undefined : result.issue;
const testIssue = (data: unknown) =>
  issueOf(parseTestFile(typeof data === 'string' ? data : JSON.stringify(data)));

describe('parseTestFile', () => {
  it('reads the fixture: 20 trajectories, 79 samples', () => {
    const file = parseTestFile(stage2);
    expect(file.ok && [file.value.trajectories.length, file.value.samples.length]).toEqual([20, 79]);
  });

  it('rejects malformed files with the record index and the problem', () => {
    expect(testIssue('{"oops"')).toMatchObject({ code: 'not_json' });
    expect(testIssue({ tools: [] })).toEqual({ code: 'not_array' });
    expect(testIssue([])).toEqual({ code: 'empty' });
    expect(testIssue([trajectory(good), 7])).toEqual({ code: 'not_object', record: 1 });
    expect(testIssue([trajectory(good), trajectory(good, { tools: [{ Name: 3 }] })])).toEqual({
      code: 'bad_field',
      record: 1,
      field: 'tools[0].Name',
      expected: 'string',
    });
    expect(testIssue([trajectory(good, { tools: [{ ...tool, input: { q: 1 } }] })])).toMatchObject({
      field: 'tools[0].input.q',
    });
    expect(testIssue([trajectory(good, { instruction: undefined })])).toMatchObject({ field: 'instruction' });
    expect(testIssue([trajectory([])])).toMatchObject({ field: 'conversations' });
    expect(
      testIssue([trajectory(good), trajectory(good), trajectory([...good, { from: 'planner', value: 'x' }])]),
    ).toEqual({
      code: 'bad_role',
      record: 2,
      turn: 6,
      role: 'planner',
    });
    expect(testIssue([trajectory([{ from: 'user', value: 1 }])])).toMatchObject({
      field: 'conversations[0].value',
    });
    expect(testIssue([trajectory(good.slice(0, 2))])).toEqual({
      code: 'no_following_turn',
      record: 0,
      turn: 1,
    });
    expect(testIssue([trajectory(good.slice(0, 1))])).toEqual({ code: 'no_samples' });
    expect(
      testIssue([trajectory(good), trajectory([...good.slice(0, 5), { from: 'conclusion', value: '...' }])]),
    ).toEqual({
      code: 'reference_unscorable',
      record: 1,
      turn: 4,
      reason: 'empty_answer',
    });
  });

  it('describes each problem in a sentence that names the record', () => {
    const issue = testIssue([trajectory(good), trajectory([...good, { from: 'planner', value: 'x' }])]);
    expect(issue && describeIssue(issue)).toBe(
      'Record [1]: conversations[6].from is "planner"; expected user, assistant, caller, observation or conclusion.',
    );
  });
});

describe('parsePredictionsFile', () => {
  const record = { tools: [{ Name: 'f' }], reference: 'x Next: give up.', predictions: 'y' };
  const predictionIssue = (data: unknown) => issueOf(parsePredictionsFile(JSON.stringify(data)));

  it('reads the fixture', () => {
    const file = parsePredictionsFile(predictions);
    expect(file.ok && file.value.length).toBe(79);
  });

  it('rejects malformed records with the record index and the problem', () => {
    expect(predictionIssue([record, { ...record, predictions: 3 }])).toEqual({
      code: 'bad_field',
      record: 1,
      field: 'predictions',
      expected: 'string',
    });
    expect(predictionIssue([{ ...record, reference: undefined }])).toMatchObject({
      record: 0,
      field: 'reference',
    });
    expect(predictionIssue([record, record, { ...record, tools: [{ name: 'f' }] }])).toMatchObject({
      record: 2,
      field: 'tools[0].Name',
    });
    expect(predictionIssue([record, null])).toEqual({ code: 'not_object', record: 1 });
    expect(predictionIssue([{ ...record, reference: 'Action: f\nAction Input: {}' }])).toEqual({
      code: 'reference_unscorable',
      record: 0,
      reason: 'no_end_of_turn',
    });
  });
});
