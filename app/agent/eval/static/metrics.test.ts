import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../../test-support/fixtures';
import { METRIC_KEYS, type PredictionRecord, type StaticMetrics, scorePredictions } from './metrics';

const fixture = readAlphaUmiFixture<PredictionRecord[]>('static-eval/predictions.json');
const expected = readAlphaUmiFixture<StaticMetrics>('static-eval/reference-metrics.json');

const tools = [{ Name: 'get_x' }, { Name: 'list_y' }];
const call = (action: string, input: string) =>
  `assistant: use it\n Next: caller.</s>caller: Action: ${action}\nAction Input: ${input}</s>`;
const finish = (answer: string) => `assistant: done\n Next: conclusion.</s>conclusion: ${answer}</s>`;
const giveUp = 'stuck\n Next: give up.';
const rec = (reference: string, predictions: string): PredictionRecord => ({ tools, reference, predictions });
const score = (...records: PredictionRecord[]) => scorePredictions(records);

describe('scorePredictions', () => {
  it('reproduces reference-metrics.json from predictions.json to 1e-9, keys in the printed order', () => {
    const { metrics, samples } = scorePredictions(fixture);
    expect(Object.keys(metrics)).toEqual([...METRIC_KEYS]);
    expect(Object.keys(expected)).toEqual([...METRIC_KEYS]);
    for (const key of METRIC_KEYS) {
      expect(Math.abs((metrics[key] as number) - (expected[key] as number)), key).toBeLessThan(1e-9);
    }
    expect(samples).toHaveLength(79);
    expect(samples.filter((s) => s.hallucinated).map((s) => s.index)).toEqual([37, 57, 64]);
  });

  it('plan accuracy compares call / finish / give up, whatever else the text says', () => {
    const { metrics, samples } = score(
      rec(call('get_x', '{}'), call('list_y', '{}')),
      rec(finish('yes'), giveUp),
      rec(giveUp, 'other words\n Next: give up'),
    );
    expect(samples.map((s) => s.planOk)).toEqual([true, false, true]);
    expect(metrics.plan_em).toBe(2 / 3);
  });

  it('action accuracy and hallucinations: a missing marker is a call; "none" is never a hallucination', () => {
    const { metrics, samples } = score(
      rec(call('get_x', '{}'), 'assistant: no marker at all</s>caller: Action: get_x\nAction Input: {}</s>'),
      rec(call('get_x', '{}'), call('made_up', '{}')),
      rec(call('get_x', '{}'), 'assistant: t\n Next: caller.</s>caller: Action Input: {}</s>'),
      rec(giveUp, call('also_made_up', '{}')),
    );
    expect(samples.map((s) => s.actionOk)).toEqual([true, false, false, undefined]);
    expect(metrics.action_em).toBe(1 / 3);
    expect(samples.map((s) => s.hallucinated)).toEqual([false, true, false, true]);
    expect(metrics.hallu_rate).toBe(2 / 4);
  });

  it('empty arguments are the easy case: {} must be predicted as {}', () => {
    const { metrics, samples } = score(
      rec(call('get_x', '{}'), call('get_x', '{}')),
      rec(call('get_x', '{}'), call('get_x', '{"a": 1}')),
    );
    expect(samples.map((s) => [s.argCase, s.argF1])).toEqual([
      ['easy', 1],
      ['easy', 0],
    ]);
    expect(metrics.easy_f1).toBe(0.5 + 1e-30);
    expect(metrics.f1).toBe(0.5);
    expect(metrics.hard_f1).toBeNull(); // Python: ZeroDivisionError
  });

  it('hard case: 1 per equal value, 0.5 per key with another value, F1 over key counts; Python equality', () => {
    const ref = '{"a": 1, "b": "x", "c": [1, 2]}';
    const { samples, metrics } = score(
      rec(call('get_x', ref), call('get_x', '{"a": 1.0, "b": "y", "c": [1, 2], "d": 0}')),
      rec(call('get_x', ref), call('get_x', '{"a": true, "b": "x", "c": [1, 2]}')),
      rec(call('get_x', ref), call('get_x', '{"z": 1}')),
    );
    // 2 full + 1 half = 2.5: recall 2.5/3, precision 2.5/4.
    const r = 2.5 / (3 + 1e-30);
    const p = 2.5 / (4 + 1e-30);
    expect(samples[0]?.argF1).toBe((2 * r * p) / (r + p));
    expect(samples[1]?.argF1).toBe(1); // True == 1 in Python
    expect(samples[2]?.argF1).toBe(0); // no shared key: ZeroDivisionError caught as 0
    expect(metrics.hard_f1).toBe(((2 * r * p) / (r + p) + 1 + 0) / 3 + 1e-30);
    expect(metrics.easy_f1).toBeNull();
  });

  it('a different action scores 0 in easy, hard and f1 alike', () => {
    const { metrics, samples } = score(rec(call('get_x', '{"a": 1}'), call('list_y', '{"a": 1}')));
    expect(samples[0]).toMatchObject({ actionOk: false, argCase: 'both', argF1: 0 });
    expect([metrics.easy_f1, metrics.hard_f1, metrics.f1]).toEqual([1e-30, 1e-30, 1e-30]);
  });

  it('unparsable JSON: a prediction scores 0, a reference is left out of every average', () => {
    const { metrics, samples } = score(
      rec(call('get_x', '{"a": 1}'), call('get_x', '{"a": 1')),
      rec(call('get_x', '{}'), call('get_x', "{'a': 1}")),
      rec(call('get_x', '{bad json'), call('get_x', '{"a": 1}')),
      rec(call('get_x', '{"a": NaN}'), call('get_x', '{"a": NaN}')),
    );
    expect(samples.map((s) => s.argF1)).toEqual([0, 0, undefined, 0.5]);
    expect(samples[2]?.notes).toEqual(['reference_input_unparsable']);
    expect(metrics.f1).toBe(0.5 / 3 + 1e-30);
    expect(metrics.action_em).toBe(1);
  });

  it('a non-object argument scores 0 in hard (AttributeError in the Python code)', () => {
    const { samples } = score(
      rec(call('get_x', '{"a": 1}'), call('get_x', '[1]')),
      rec(call('get_x', '[]'), call('get_x', '[]')),
    );
    expect(samples.map((s) => [s.argCase, s.argF1])).toEqual([
      ['hard', 0],
      ['hard', 0],
    ]);
  });

  it('ROUGE-L of answers over finish references; a non-finishing prediction answers "none"', () => {
    const { metrics, samples } = score(
      rec(finish('The total is 12 apples.'), finish('The total is 12 apples.')),
      rec(finish('The total is 12 apples.'), call('get_x', '{}')),
      rec(call('get_x', '{}'), finish('irrelevant')),
    );
    expect(samples[0]?.rougeL).toBeCloseTo(1, 7);
    expect(samples[1]?.rougeL).toBe(0);
    expect(samples[2]?.rougeL).toBeUndefined();
    expect(metrics.rouge).toBe(((samples[0]?.rougeL ?? Number.NaN) + 0) / 2);
  });

  it('an empty predicted answer scores 0 and is noted (the rouge package raises "Hypothesis is empty.")', () => {
    const { metrics, samples } = score(rec(finish('Yes.'), finish('')), rec(finish('Yes.'), finish('...')));
    expect(samples.map((s) => s.rougeL)).toEqual([0, 0]);
    expect(samples.every((s) => s.notes.includes('empty_predicted_answer'))).toBe(true);
    expect(metrics.rouge).toBe(0);
  });

  it('with no call or finish references, action_em and rouge are 0 as in the Python code', () => {
    const { metrics } = score(rec(giveUp, giveUp));
    expect(metrics).toEqual({
      rouge: 0,
      plan_em: 1,
      action_em: 0,
      easy_f1: null,
      hard_f1: null,
      f1: null,
      hallu_rate: 0,
    });
  });

  it('refuses to score nothing, or a reference the Python code cannot parse', () => {
    expect(() => scorePredictions([])).toThrow('no records');
    expect(() => score(rec('Action: f', giveUp))).toThrow('Record [0]');
    expect(() => score(rec(finish('.'), giveUp))).toThrow('reference answer is empty');
  });
});
