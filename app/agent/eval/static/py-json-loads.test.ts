import { describe, expect, it } from 'vitest';
import { type PyValue, pyEquals, pyJsonLoads } from './py-json-loads';

const load = (text: string): PyValue => {
  const result = pyJsonLoads(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.error}`);
  return result.value;
};
const fails = (text: string) => !pyJsonLoads(text).ok;

describe('pyJsonLoads (json.loads)', () => {
  it('reads ints exactly and apart from floats, and the constants JSON.parse refuses', () => {
    expect(load('12345678901234567891')).toBe(12345678901234567891n);
    expect(load('-0')).toBe(0n);
    expect(load('1.0')).toBe(1);
    expect(load('1e2')).toBe(100);
    expect(Number.isNaN(load('NaN'))).toBe(true);
    expect(load('[Infinity, -Infinity]')).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(load('1e400')).toBe(Number.POSITIVE_INFINITY);
  });

  it('reads objects as Python dicts: a repeated key keeps its first place and its last value', () => {
    const value = load(' {"b": 1, "a": [true, null, "x\\u00e9\\n"], "b": 2} ');
    expect(value).toBeInstanceOf(Map);
    expect([...(value as Map<string, PyValue>).entries()]).toEqual([
      ['b', 2n],
      ['a', [true, null, 'xé\n']],
    ]);
  });

  it('refuses what Python refuses', () => {
    for (const text of [
      '',
      '{',
      '{"a": 1,}',
      '[1, 2,]',
      "{'a': 1}",
      '{"a": 1} x',
      '01',
      '1.',
      '.5',
      '+1',
      '"tab\there"',
      '"\\x"',
      '"\\u12"',
      '\ufeff{}',
      'nan',
      'True',
      '{a: 1}',
      '1'.repeat(4301),
      `${'['.repeat(2000)}${']'.repeat(2000)}`,
    ]) {
      expect(fails(text), text.slice(0, 20)).toBe(true);
    }
    expect(fails('1'.repeat(4300))).toBe(false);
  });
});

describe('pyEquals (==)', () => {
  const eq = (a: string, b: string) => pyEquals(load(a), load(b));
  it('compares numbers by value across int, float and bool', () => {
    expect(eq('1', '1.0')).toBe(true);
    expect(eq('1', 'true')).toBe(true);
    expect(eq('0', 'false')).toBe(true);
    expect(eq('2', 'true')).toBe(false);
    expect(eq('100000000000000000000', '1e20')).toBe(true);
    expect(eq('9007199254740993', '9007199254740992.0')).toBe(false);
    expect(eq('0.0', '-0.0')).toBe(true);
    expect(eq('"1"', '1')).toBe(false);
    expect(eq('null', '0')).toBe(false);
  });

  it('compares lists in order and dicts by keys, nested', () => {
    expect(eq('[1, {"a": [2.0]}]', '[1.0, {"a": [2]}]')).toBe(true);
    expect(eq('[1, 2]', '[2, 1]')).toBe(false);
    expect(eq('{"a": 1, "b": 2}', '{"b": 2, "a": 1}')).toBe(true);
    expect(eq('{"a": 1}', '{"a": 1, "b": 2}')).toBe(false);
    expect(eq('{}', '[]')).toBe(false);
  });

  it("treats NaN as json's one shared object: unequal at the top, equal inside containers", () => {
    expect(eq('NaN', 'NaN')).toBe(false);
    expect(eq('[NaN]', '[NaN]')).toBe(true);
    expect(eq('{"a": NaN}', '{"a": NaN}')).toBe(true);
  });
});
