import { describe, expect, it } from 'vitest';
import { pyFloatRepr, pyJsonDumps, pyJsonString, pyNumber } from './py-json';

// Expected strings were printed by CPython 3 `json.dumps` / `repr`.
describe('pyJsonDumps', () => {
  it('uses Python separators and keeps insertion order', () => {
    const value = { b: [1, 2.5, null, true, false, {}, []], a: 'x' };
    expect(pyJsonDumps(value)).toBe('{"b": [1, 2.5, null, true, false, {}, []], "a": "x"}');
  });

  it('escapes like ensure_ascii: lowercase hex, surrogate pairs, DEL, control characters', () => {
    const value = { a: 'é ü 😀 \u007f \u0000 \u001f \b\f\n\r\t "\\ / <>&' };
    expect(pyJsonDumps(value)).toBe(
      '{"a": "\\u00e9 \\u00fc \\ud83d\\ude00 \\u007f \\u0000 \\u001f \\b\\f\\n\\r\\t \\"\\\\ / <>&"}',
    );
    expect(pyJsonString('\u2028\u2029\ufeff')).toBe('"\\u2028\\u2029\\ufeff"');
  });

  it('leaves non-ASCII (and DEL) alone with ensureAscii: false', () => {
    expect(pyJsonDumps({ a: 'é 😀 \u007f \u0000' }, { ensureAscii: false })).toBe(
      '{"a": "é 😀 \u007f \\u0000"}',
    );
  });

  it('indents like indent=2 and indent=0', () => {
    expect(pyJsonDumps({ a: [1, { b: {} }], c: [] }, { indent: 2 })).toBe(
      '{\n  "a": [\n    1,\n    {\n      "b": {}\n    }\n  ],\n  "c": []\n}',
    );
    expect(pyJsonDumps({ a: [1, 2] }, { indent: 0 })).toBe('{\n"a": [\n1,\n2\n]\n}');
  });

  it('takes custom separators', () => {
    expect(pyJsonDumps({ a: [1, 2] }, { separators: [',', ':'] })).toBe('{"a":[1,2]}');
  });

  it('encodes Maps in entry order, converting keys as Python does', () => {
    const map = new Map<unknown, string>([
      ['2', 'x'],
      ['1', 'y'],
      [2.5, 'z'],
      [null, 'n'],
    ]);
    expect(pyJsonDumps(map)).toBe('{"2": "x", "1": "y", "2.5": "z", "null": "n"}');
  });

  it('drops undefined properties, nulls undefined items and honours toJSON', () => {
    expect(pyJsonDumps({ a: undefined, b: [undefined], c: new Date(0) })).toBe(
      '{"b": [null], "c": "1970-01-01T00:00:00.000Z"}',
    );
  });

  it('rejects what Python cannot encode', () => {
    const circular: { self?: unknown } = {};
    circular.self = circular;
    expect(() => pyJsonDumps(circular)).toThrow('Circular reference detected');
    expect(() => pyJsonDumps(undefined)).toThrow(TypeError);
    expect(() => pyJsonDumps(new Set([1]))).toThrow('Object of type Set is not JSON serializable');
    expect(() => pyJsonDumps({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('pyNumber', () => {
  it('prints JS integers as Python ints', () => {
    expect(pyNumber(0)).toBe('0');
    expect(pyNumber(-0)).toBe('0');
    expect(pyNumber(-42)).toBe('-42');
    expect(pyNumber(1e21)).toBe('1000000000000000000000');
    expect(pyNumber(2 ** 53 + 2)).toBe('9007199254740994');
    expect(pyJsonDumps(12345678901234567890n)).toBe('12345678901234567890');
  });

  it('prints other numbers as float.__repr__', () => {
    const cases: [number, string][] = [
      [0.1, '0.1'],
      [1 / 3, '0.3333333333333333'],
      [1e-5, '1e-05'],
      [0.0001, '0.0001'],
      [0.000123, '0.000123'],
      [1.5e-7, '1.5e-07'],
      [2 ** -20, '9.5367431640625e-07'],
      [123456.789, '123456.789'],
      [-2.5, '-2.5'],
      [1e15 + 0.5, '1000000000000000.5'],
      [5e-324, '5e-324'],
    ];
    for (const [x, expected] of cases) expect(pyNumber(x)).toBe(expected);
    expect(pyNumber(Number.NaN)).toBe('NaN');
    expect(pyNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(pyNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
  });

  it('formats integral floats with repr when asked directly', () => {
    expect(pyFloatRepr(1)).toBe('1.0');
    expect(pyFloatRepr(2 ** 53)).toBe('9007199254740992.0');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(Number.MAX_VALUE)).toBe('1.7976931348623157e+308');
  });
});
