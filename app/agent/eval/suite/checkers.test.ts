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
import { findSuiteTask } from './tasks';

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

/*
 * Review findings #3, #4 and #12: the checker judges the stated answer (see span.ts), so a
 * hedge or a second value is wrong, and a wrong value named only to be ruled out is not.
 */
describe('the stated answer', () => {
  const withTask = (task: string, answer: string) => ({ answer, gaveUp: false, task });
  const MUFFINS = findSuiteTask('muffins-left');
  const TANK = findSuiteTask('tank-fill');
  const AGE = findSuiteTask('age-in-years');
  const HUNDRED = findSuiteTask('hundred-days-later');

  it('a hedge between numbers, or a second number, is wrong (#3)', () => {
    if (!MUFFINS || !TANK || !AGE) throw new Error('suite tasks missing');
    const muffins = (a: string) => check(MUFFINS.checker, withTask(MUFFINS.task, a));
    expect(muffins('Either 16 or 25 muffins are left.')).toMatchObject({
      correct: false,
      reason: 'forbidden',
    });
    expect(muffins('16 or 25').correct).toBe(false);
    expect(muffins('16–25 muffins').correct).toBe(false);
    expect(muffins('34 (or maybe 16)').correct).toBe(false);
    const tank = (a: string) => check(TANK.checker, withTask(TANK.task, a));
    expect(tank('The calculator gave 50, but I think it takes 34.3 minutes.').correct).toBe(false);
    const age = (a: string) => check(AGE.checker, withTask(AGE.task, a));
    expect(age('They are 35 years old (34 years and 364 days)').correct).toBe(false);
    expect(age('They turn 35 tomorrow, so they are 34.').correct).toBe(false);
  });

  it('a date answer that states another date is wrong (#3)', () => {
    if (!HUNDRED) throw new Error('suite task missing');
    const hundred = (a: string) => check(HUNDRED.checker, withTask(HUNDRED.task, a));
    expect(hundred('It is 2025-06-10 (not 9 June 2025).').correct).toBe(false);
    expect(hundred('9 June 2025 or 10 June 2025')).toMatchObject({ correct: false, reason: 'forbidden' });
    expect(hundred('June 9, 2025 — or June 10, 2025.').correct).toBe(false);
  });

  it('right answers with working, restated numbers and units still pass', () => {
    const right = (id: string, answer: string) => {
      const task = findSuiteTask(id);
      if (!task) throw new Error(id);
      return check(task.checker, withTask(task.task, answer)).correct;
    };
    expect(
      right('muffins-left', '16 muffins are left: 4 × 18 = 72 were baked, then 47 sold and 9 given away.'),
    ).toBe(true);
    expect(right('pages-read', 'Tom reads 23 × 14 + 31 × 5 = 477 pages.')).toBe(true);
    expect(right('train-speed', '180 km / 2.25 h = 80 km/h.')).toBe(true);
    expect(right('tank-fill', '1200 / (35 − 11) = 50 minutes.')).toBe(true);
    expect(right('tank-fill', 'It takes 50 minutes (the tank gains 24 litres a minute).')).toBe(true);
    expect(right('marathon-km', '26.2 miles is about 42.16 km.')).toBe(true);
    expect(right('fahrenheit-72', '72 °F = 22.2 °C')).toBe(true);
    expect(right('room-square-feet', '4.2 m × 3.5 m = 14.7 m² ≈ 158.23 ft²')).toBe(true);
    expect(right('canada-area-per-person', 'About 269,435 m^2 per person.')).toBe(true);
    expect(right('age-in-years', 'Someone born on 15 August 1990 is 34 years old on 14 August 2025.')).toBe(
      true,
    );
    expect(right('age-in-years', 'They are 34 years old (they turn 35 the next day).')).toBe(true);
    expect(right('hundred-days-later', '100 days after 1 March 2025 is 9 June 2025.')).toBe(true);
    expect(right('days-in-2024', 'From 2024-01-01 to 2024-12-31 there are 365 days.')).toBe(true);
    expect(right('muffins-left', '**Answer:** 16 muffins.')).toBe(true);
    expect(right('muffins-left', '1. 4 × 18 = 72\n\nSo the answer: 16')).toBe(false); // opens with a result: 72
    expect(right('muffins-left', 'It is 16, not 25.')).toBe(true);
  });

  it('a wrong value named to rule it out, or as an aside, does not make a right answer wrong (#4)', () => {
    const right = (id: string, answer: string) => {
      const task = findSuiteTask(id);
      if (!task) throw new Error(id);
      return check(task.checker, withTask(task.task, answer));
    };
    expect(right('capital-australia', 'Canberra (not Sydney, which is the largest city)').correct).toBe(true);
    expect(right('capital-australia', 'The capital is Canberra, not Sydney.').correct).toBe(true);
    expect(right('new-year-2030', '1 January 2030 is a Tuesday; 31 December 2029 is a Monday').correct).toBe(
      true,
    );
    expect(right('germany-alpha3', 'DEU (sometimes written GER in sports)').correct).toBe(true);
    expect(
      right('capital-brasil-misspelled', 'The capital is Brasília, which replaced Rio de Janeiro in 1960.')
        .correct,
    ).toBe(true);
    expect(
      right('capital-brasil-misspelled', 'Brasília replaced Rio de Janeiro as the capital in 1960.').correct,
    ).toBe(true);
    // …but a hedge or a wrong claim still is wrong.
    expect(right('capital-australia', 'Canberra — or maybe Sydney.').reason).toBe('forbidden');
    expect(right('capital-australia', 'It is not Canberra but Sydney.').correct).toBe(false);
    expect(right('new-year-2030', 'Tuesday or Monday').reason).toBe('forbidden');
    expect(right('germany-alpha3', 'GER (or DEU)').correct).toBe(false);
  });

  it('minor misses: Ulaan Baatar, a normal-space thousands group, a currency code (#12)', () => {
    const right = (id: string, answer: string) => {
      const task = findSuiteTask(id);
      if (!task) throw new Error(id);
      return check(task.checker, withTask(task.task, answer)).correct;
    };
    expect(right('capital-mongolia', 'Ulaan Baatar')).toBe(true);
    expect(right('capital-mongolia', 'Ulaan-Baatar')).toBe(true);
    expect(right('hours-to-seconds', '3.5 hours is 12 600 seconds.')).toBe(true);
    expect(right('hours-to-seconds', '12 and 600 seconds')).toBe(false);
    expect(right('split-bill', 'Each friend pays USD52.67.')).toBe(true);
    expect(right('split-bill', 'Each friend pays 52.67 USD.')).toBe(true);
    // A space group is read only when the expected value is at least 1000: 12 600 is not 12 or 600.
    expect(check(numeric(600), answered('12 600')).correct).toBe(false);
  });
});
