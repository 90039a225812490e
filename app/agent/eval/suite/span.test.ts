import { describe, expect, it } from 'vitest';
import { dateTokens, withoutDates } from './dates';
import { answerClauses, claimedDates, claimedNumbers, claimsPhrase, statedSpan } from './span';

const anything = (text: string) => /\w/.test(text);

describe('statedSpan', () => {
  it('is the bold text when it states something, labels left out', () => {
    expect(statedSpan('It is **16 muffins**: 72 were baked.', anything)).toBe('16 muffins');
    expect(statedSpan('The capital of **Australia** is **Canberra**.', anything)).toBe(
      'Australia ; Canberra',
    );
    expect(statedSpan('**Answer:** 16 muffins.', anything)).toBe('Answer');
    expect(statedSpan('**Answer:** 16 muffins.', (t) => /\d/.test(t))).toBe('16 muffins.');
  });

  it('otherwise the first clause that states something', () => {
    const digits = (t: string) => /\d/.test(t);
    expect(statedSpan('To find it, I added them. The total is 42. It took long.', digits)).toBe(
      'The total is 42.',
    );
    expect(statedSpan('Nothing to say here', digits)).toBeUndefined();
  });
});

describe('answerClauses', () => {
  it('splits at sentence ends, line breaks, semicolons and colons, but not in decimals or times', () => {
    expect(answerClauses('It is 32.40 at 10:30. Next: more; and\nmore')).toEqual([
      'It is 32.40 at 10:30.',
      'Next',
      'more',
      'and',
      'more',
    ]);
    expect(answerClauses('答案是16。另外')).toEqual(['答案是16。', '另外']);
  });

  it('drops asides and remarks, keeps hedges and formulas', () => {
    expect(answerClauses('Canberra (not Sydney, which is the largest city)')).toEqual(['Canberra']);
    expect(answerClauses('Brasília, which replaced Rio de Janeiro')).toEqual(['Brasília']);
    expect(answerClauses('34 because it is tomorrow')).toEqual(['34']);
    expect(answerClauses('34 (or maybe 35)')).toEqual(['34 , or maybe 35 ,']);
    expect(answerClauses('1200 / (35 − 11) = 50')).toEqual(['1200 / (35 − 11) = 50']);
    expect(answerClauses('1. First\n- second')).toEqual(['First', 'second']);
  });
});

describe('claims', () => {
  it('a phrase right after a negation is no claim; after a contrast only for wrong values', () => {
    expect(claimsPhrase('Canberra, not Sydney', 'Sydney')).toBe(false);
    expect(claimsPhrase("it isn't a Monday", 'Monday')).toBe(false);
    expect(claimsPhrase('Not sure, maybe Monday', 'Monday')).toBe(true);
    expect(claimsPhrase('Brasília replaced Rio de Janeiro', 'Rio de Janeiro')).toBe(true);
    expect(claimsPhrase('Brasília replaced Rio de Janeiro', 'Rio de Janeiro', true)).toBe(false);
    expect(claimsPhrase('Rio de Janeiro replaced Brasília', 'Brasília')).toBe(true);
  });

  it('numbers: working, denied, dated and given numbers are no claims', () => {
    expect(claimedNumbers('4 × 18 = 72 were baked', [])).toEqual([72]);
    expect(claimedNumbers('5 miles = 8.05 km is 12.5 km total', [])).toEqual([12.5]);
    expect(claimedNumbers('26.2 miles is 42.16 km', [26.2])).toEqual([42.16]);
    expect(claimedNumbers('35 - 11 = 24, not 25', [])).toEqual([24]);
    expect(claimedNumbers('16-25 muffins', [])).toEqual([16, 25]);
    expect(claimedNumbers('80 km/h and 27.78 m/s', [])).toEqual([80, 27.78]);
    expect(claimedNumbers('34 on 14 August 2025', [])).toEqual([34]);
  });

  it('dates: other dates than the task states, unless denied', () => {
    expect(claimedDates('1 March 2025 plus 100 days is 9 June 2025', ['2025-03-01'])).toEqual(['2025-06-09']);
    expect(claimedDates('2025-06-10, not 9 June 2025', [])).toEqual(['2025-06-10']);
  });
});

describe('dates', () => {
  it('reads full dates in the usual forms, skips impossible and year-less ones', () => {
    const text = '2025-06-09, 9 June 2025, the 9th of June, 2025, June 9th 2025, Mon 9 Jun 2025, 7 Sept 2022';
    expect(dateTokens(text).map((d) => d.iso)).toEqual([
      '2025-06-09',
      '2025-06-09',
      '2025-06-09',
      '2025-06-09',
      '2025-06-09',
      '2022-09-07',
    ]);
    expect(dateTokens('31 June 2025; 9 June; 2025-02-30')).toEqual([]);
  });

  it('blanks dates out without moving the rest', () => {
    const out = withoutDates('on 2025-06-09 it was 5');
    expect(out).toHaveLength('on 2025-06-09 it was 5'.length);
    expect(out.trim().endsWith('it was 5')).toBe(true);
  });
});
