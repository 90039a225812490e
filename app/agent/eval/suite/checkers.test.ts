import { describe, expect, it } from 'vitest';
import {
  check,
  date,
  exact,
  expectedText,
  mustGiveUp,
  numeric,
  numericTolerance,
  oneOf,
  weekday,
} from './checkers';

const answered = (answer: string) => ({ answer, gaveUp: false });

describe('exact', () => {
  const canberra = exact('Canberra', ['Sydney']);

  it('is right when the answer states the value, in any case, accents or Markdown', () => {
    expect(check(canberra, answered('The capital is **canberra**.'))).toEqual({
      correct: true,
      reason: 'match',
      found: ['Canberra'],
    });
    expect(check(exact('Brasília'), answered('Its capital is Brasilia.')).correct).toBe(true);
  });

  it('is wrong when the value is missing or only part of a longer word', () => {
    expect(check(canberra, answered('The capital is Melbourne.'))).toEqual({
      correct: false,
      reason: 'no-match',
    });
    expect(check(exact('DEU'), answered('DEUTSCHLAND')).correct).toBe(false);
  });

  it('is wrong when the answer also names a forbidden value', () => {
    expect(check(canberra, answered('Canberra — or maybe Sydney.'))).toEqual({
      correct: false,
      reason: 'forbidden',
      found: ['Sydney'],
    });
  });
});

describe('one-of', () => {
  const mongolia = oneOf(['Ulan Bator', 'Ulaanbaatar']);

  it('accepts any of the values', () => {
    expect(check(mongolia, answered('It is Ulaanbaatar.')).found).toEqual(['Ulaanbaatar']);
    expect(check(mongolia, answered('ULAN-BATOR')).correct).toBe(true);
    expect(check(mongolia, answered('Ulan')).correct).toBe(false);
  });

  it('weekday(): the day is right, another weekday next to it makes it wrong', () => {
    expect(check(weekday('Sunday'), answered('20 July 1969 was a **Sunday**.')).correct).toBe(true);
    expect(check(weekday('Sunday'), answered('Sunday or Monday'))).toMatchObject({
      correct: false,
      reason: 'forbidden',
    });
    expect(check(weekday('Sunday'), answered('Sundays only')).correct).toBe(false);
  });

  it('date(): ISO and written forms, with or without commas and ordinals', () => {
    const june9 = date('2025-06-09');
    for (const text of [
      '2025-06-09',
      'Monday, 9 June 2025',
      'June 9, 2025',
      'the 9th of June, 2025',
      '9th June 2025',
      'June 9th, 2025',
    ]) {
      expect(check(june9, answered(text)).correct, text).toBe(true);
    }
    expect(check(june9, answered('June 19, 2025')).correct).toBe(false);
    expect(check(june9, answered('9 June 2024')).correct).toBe(false);
    expect(check(date('2024-02-01'), answered('1st February 2024')).correct).toBe(true);
    expect(check(date('2024-02-22'), answered('22nd February 2024')).correct).toBe(true);
    expect(check(date('2024-02-13'), answered('13th February 2024')).correct).toBe(true);
    expect(() => date('9 June 2025')).toThrow(/YYYY-MM-DD/);
  });
});

describe('numeric', () => {
  it('is right when any number in the answer is within the tolerance', () => {
    const price = numeric(32.4, { abs: 0.005 });
    expect(check(price, answered('The final price is **$32.40**: 25% off makes it $30.00.'))).toMatchObject({
      correct: true,
      reason: 'match',
    });
    expect(check(price, answered('It is $32.41.')).correct).toBe(false);
  });

  it('reports the numbers it read when none fits', () => {
    expect(check(numeric(16), answered('72 baked, 47 sold'))).toEqual({
      correct: false,
      reason: 'no-match',
      found: ['72', '47'],
    });
  });

  it('relative tolerance scales with the value; the larger tolerance wins', () => {
    const area = numeric(8515767, { rel: 0.01 });
    expect(numericTolerance(area)).toBeCloseTo(85157.67);
    expect(check(area, answered('about 8.5 million km²')).correct).toBe(true);
    expect(check(area, answered('about 8.4 million km²')).correct).toBe(false);
    expect(numericTolerance(numeric(10, { abs: 0.5, rel: 0.01 }))).toBe(0.5);
  });

  it('without a tolerance only float noise is forgiven', () => {
    expect(check(numeric(0.3), answered('0.30000000000000004')).correct).toBe(true);
    expect(check(numeric(720), answered('719.9')).correct).toBe(false);
  });

  it('reads thousands separators and exponent notation', () => {
    expect(check(numeric(789004800), answered('**789,004,800 seconds**')).correct).toBe(true);
    expect(check(numeric(789004800), answered('7.890048e+8 s')).correct).toBe(true);
  });

  it('negative values', () => {
    expect(check(numeric(-40), answered('−40 °F is −40 °C')).correct).toBe(true);
    expect(check(numeric(-40), answered('40 °C')).correct).toBe(false);
  });
});

describe('runs that did not answer', () => {
  it('a give-up or a missing answer is wrong for an answerable task', () => {
    expect(check(numeric(1), { answer: undefined, gaveUp: true })).toEqual({
      correct: false,
      reason: 'gave-up',
    });
    expect(check(exact('x'), { answer: undefined, gaveUp: false })).toEqual({
      correct: false,
      reason: 'no-answer',
    });
    expect(check(exact('x'), { answer: '   ', gaveUp: false }).reason).toBe('no-answer');
  });

  it('must-give-up is right only when the run gave up', () => {
    expect(check(mustGiveUp, { answer: undefined, gaveUp: true })).toEqual({
      correct: true,
      reason: 'gave-up-right',
    });
    expect(check(mustGiveUp, answered('It will be sunny.'))).toEqual({
      correct: false,
      reason: 'did-not-give-up',
    });
    expect(check(mustGiveUp, { answer: undefined, gaveUp: false }).correct).toBe(false);
  });
});

describe('expectedText', () => {
  it('states what each checker wants', () => {
    expect(expectedText(exact('Canberra'))).toBe('Canberra');
    expect(expectedText(oneOf(['yen', 'JPY']))).toBe('yen | JPY');
    expect(expectedText(numeric(16.65, { abs: 0.01 }))).toBe('16.65 ± 0.01');
    expect(expectedText(numeric(720))).toBe('720');
    expect(expectedText(numeric(232.15494771978, { abs: 0.5 }))).toBe('232.15 ± 0.5');
    expect(expectedText(numeric(7093588.666666667, { rel: 0.001 }))).toBe('7093589 ± 7090');
    expect(expectedText(mustGiveUp)).toBe('—');
  });
});
