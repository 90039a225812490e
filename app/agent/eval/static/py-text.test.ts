import { describe, expect, it } from 'vitest';
import { isPySpace, pySplitWhitespace, pyStrip } from './py-text';

describe('Python str whitespace', () => {
  it('splits on the characters Python counts as whitespace, which JavaScript does not all count', () => {
    // U+001C..U+001F and U+0085 are whitespace in Python, not in JS's \s.
    expect(pySplitWhitespace('a\x1cb\x1dc\x1ed\x1fe\x85f')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect('a\x1cb'.split(/\s+/)).toEqual(['a\x1cb']);
    // U+FEFF is whitespace in JS, not in Python: it stays inside the word.
    expect(pySplitWhitespace('a\ufeffb c')).toEqual(['a\ufeffb', 'c']);
    expect(pySplitWhitespace('  a\u3000\u2009b\n\t ')).toEqual(['a', 'b']);
    expect(pySplitWhitespace(' \n ')).toEqual([]);
  });

  it('strips Python whitespace at both ends only', () => {
    expect(pyStrip('\x85 {"a": 1}\x1f\n')).toBe('{"a": 1}');
    expect(pyStrip('\ufeff{}')).toBe('\ufeff{}');
    expect(pyStrip(' a b ')).toBe('a b');
    expect(pyStrip('   ')).toBe('');
  });

  it('stays linear on long inner whitespace runs', () => {
    const text = `x${' '.repeat(200_000)}y`;
    expect(pyStrip(text)).toBe(text);
    expect(pySplitWhitespace(text)).toEqual(['x', 'y']);
  });

  it('classifies code points like str.isspace', () => {
    expect(
      [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x202f, 0x3000].every(
        isPySpace,
      ),
    ).toBe(true);
    expect([0x08, 0x0e, 0x200b, 0xfeff, 0x180e, 0x41].some(isPySpace)).toBe(false);
  });
});
