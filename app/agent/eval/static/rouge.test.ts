import { describe, expect, it } from 'vitest';
import { rougeL, rougeSentences } from './rouge';

const f = (p: number, r: number) => 2.0 * ((p * r) / (p + r + 1e-8));

describe('rougeSentences (rouge 1.0.1 splitting)', () => {
  it('splits on "." only, drops empty pieces, keeps whitespace-only pieces as the empty sentence', () => {
    expect(rougeSentences('Hello  world. It is 3.5 km.')).toEqual(
      ['Hello world', ' It is 3', '5 km'].map((s) => s.trim()),
    );
    expect(rougeSentences('a. . b')).toEqual(['a', '', 'b']);
    expect(rougeSentences('...')).toEqual([]);
    expect(rougeSentences('')).toEqual([]);
    expect(rougeSentences('no dot\nat all')).toEqual(['no dot at all']);
  });
});

describe('rougeL (summary level, union LCS over word sets)', () => {
  it('is 1 - tiny for identical texts and 0 for disjoint ones', () => {
    expect(rougeL('the cat sat', 'the cat sat')?.f).toBe(f(1, 1));
    expect(rougeL('a b', 'c d')?.f).toBe(0);
  });

  it('counts distinct words, and the LCS it reconstructs as a set', () => {
    // ref "the cat the", hyp "the the cat": m = n = 2 distinct words. Both "the cat" and
    // "the the" are LCS; _recon_lcs walks back to "the the", the set {the}: llcs = 1.
    expect(rougeL('the the cat', 'the cat the')).toEqual({ f: f(0.5, 0.5), p: 0.5, r: 0.5 });
    expect(rougeL('the cat', 'the cat the')).toEqual({ f: f(1, 1), p: 1, r: 1 });
  });

  it('takes the union of the LCS of each reference sentence with every hypothesis sentence', () => {
    // ref "w1 w2 w3 w4 w5"; hyp "w1 w2 w6 w7 w8. w1 w3 w8 w9 w5": union {w1, w2, w3, w5}.
    const score = rougeL('w1 w2 w6 w7 w8. w1 w3 w8 w9 w5', 'w1 w2 w3 w4 w5');
    expect(score?.r).toBe(4 / 5);
    expect(score?.p).toBe(4 / 8); // 8 distinct hypothesis words
    expect(score?.f).toBe(f(4 / 8, 4 / 5));
  });

  it("reconstructs the LCS with rouge's tie-breaking (left on a tie), which changes the union", () => {
    // ref "a b" vs hyp "b a": both LCS have length 1; _recon_lcs picks "b". With the second
    // hypothesis sentence "a", the union is {a, b}; picking "a" would have given {a}.
    expect(rougeL('b a. a', 'a b')).toEqual({ f: f(1, 1), p: 1, r: 1 });
    // Alone, "b a" against "a b" shares one word of two.
    expect(rougeL('b a', 'a b')?.r).toBe(1 / 2);
  });

  it('counts the empty sentence as one empty word', () => {
    // ref "x. ." → sentences ["x", ""]: words {x, ""}, m = 2; hyp "x" → n = 1, union {x}.
    expect(rougeL('x', 'x. .')).toEqual({ f: f(1, 1 / 2), p: 1, r: 1 / 2 });
  });

  it('gives undefined where the Python package raises ValueError (no sentence)', () => {
    expect(rougeL('', 'a')).toBeUndefined();
    expect(rougeL('..', 'a')).toBeUndefined();
    expect(rougeL('a', '.')).toBeUndefined();
    expect(rougeL(' ', 'a')).toEqual({ f: 0, p: 0, r: 0 });
  });
});
