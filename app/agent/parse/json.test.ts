import { describe, expect, it } from 'vitest';
import { cleanToolName, findJsonSpan, parseJsonText, stripCodeFences, stripEos } from './json';

describe('json helpers', () => {
  it('stripEos removes trailing </s> (repeated, with whitespace) and nothing else', () => {
    expect(stripEos('abc</s>')).toBe('abc');
    expect(stripEos('abc\n</s> </s>\n')).toBe('abc\n');
    expect(stripEos('a</s>b  ')).toBe('a</s>b  ');
  });

  it('stripCodeFences removes fences around the whole text, nested too', () => {
    expect(stripCodeFences('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
    expect(stripCodeFences('```\n```js\n{}\n```\n```')).toBe('{}');
    expect(stripCodeFences('```{"a": 1}```')).toBe('{"a": 1}');
    expect(stripCodeFences('see ```x```')).toBe('see ```x');
  });

  it('findJsonSpan balances braces outside strings of either quote', () => {
    const text = `prose {"a": "}", 'b': '{', "c": [1, {"d": 2}]} tail }`;
    const span = findJsonSpan(text);
    expect(span && text.slice(span.start, span.end)).toBe(`{"a": "}", 'b': '{', "c": [1, {"d": 2}]}`);
    expect(findJsonSpan('{"a": "\\"}"} x')).toEqual({ start: 0, end: 12, complete: true });
    expect(findJsonSpan('{"a": [1')).toEqual({ start: 0, end: 8, complete: false });
    expect(findJsonSpan('  [1, 2] x')).toEqual({ start: 2, end: 8, complete: true });
    expect(findJsonSpan('"{\\"a\\": 1}"')).toEqual({ start: 0, end: 12, complete: true });
    expect(findJsonSpan('"quoted" prose {"a": 1}')).toEqual({ start: 15, end: 23, complete: true });
    expect(findJsonSpan('no json')).toBeNull();
  });

  it('parseJsonText parses, repairs, and refuses prose', () => {
    expect(parseJsonText('{"a": 1} and more')).toEqual({ ok: true, value: { a: 1 }, repaired: false });
    expect(parseJsonText("{'a': None,}")).toEqual({ ok: true, value: { a: null }, repaired: true });
    expect(parseJsonText('  ')).toEqual({ ok: true, value: {}, repaired: false });
    expect(parseJsonText('just words')).toMatchObject({ ok: false });
    expect(parseJsonText('True')).toMatchObject({ ok: false });
  });

  it('cleanToolName takes the first line and drops decoration', () => {
    expect(cleanToolName(' **`get_weather`**.\nmore')).toBe('get_weather');
    expect(cleanToolName('\n\n "list_quizzes" \n')).toBe('list_quizzes');
    expect(cleanToolName('  ')).toBe('');
  });
});
