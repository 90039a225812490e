import { describe, expect, it } from 'vitest';
import { validateArguments } from '../../agent/validate-args';
import { ToolArgumentsError, ToolRuntimeError } from '../errors';
import type { ToolContext } from '../registry';
import { formatDate, fromDayNumber, localToday, parseDate, toDayNumber, WEEKDAYS } from './calendar-date';
import { type DateCalcArgs, dateCalc, dateCalcTool } from './date-calc';

// Everything here must hold in any process time zone: run this file once with
// TZ=Pacific/Kiritimati and TZ=America/Los_Angeles to check (see calendar-date.ts).

function ctx(signal: AbortSignal = new AbortController().signal): ToolContext {
  return { signal, log: () => {} };
}

function run(args: Record<string, unknown>): Promise<unknown> {
  return dateCalcTool.run(args, ctx());
}

const DAY_MS = 86_400_000;

describe('calendar arithmetic', () => {
  it('numbers days like Date.UTC does, over four centuries', () => {
    // Date.UTC and getUTC* are time-zone free; they serve as the reference for years >= 100.
    for (let n = toDayNumber({ year: 1800, month: 1, day: 1 }); n < 95_000; n += 37) {
      const reference = new Date(n * DAY_MS);
      const expected = {
        year: reference.getUTCFullYear(),
        month: reference.getUTCMonth() + 1,
        day: reference.getUTCDate(),
      };
      expect(fromDayNumber(n)).toEqual(expected);
      expect(toDayNumber(expected)).toBe(n);
    }
  });

  it('round-trips the first and last supported days', () => {
    for (const date of ['0001-01-01', '0099-12-31', '1600-02-29', '9999-12-31']) {
      expect(formatDate(fromDayNumber(parseDate(date, 'date')))).toBe(date);
    }
  });

  it('reads "today" as the local calendar day', () => {
    expect(localToday(new Date(2025, 5, 15, 12))).toBe('2025-06-15');
    const now = new Date(2025, 2, 1, 9, 30);
    expect(dateCalc({ operation: 'weekday', date: 'today' }, now)).toEqual({
      date: '2025-03-01',
      weekday: 'Saturday',
      day_of_year: 60,
    });
  });
});

describe('date_calc', () => {
  it.each([
    ['2025-03-01', 'Saturday', 60],
    ['1969-07-20', 'Sunday', 201],
    ['2000-01-01', 'Saturday', 1],
    ['2024-12-31', 'Tuesday', 366],
    ['0001-01-01', 'Monday', 1],
    ['1994-12-31', 'Saturday', 365],
  ])('gives the weekday of %s', async (date, weekday, dayOfYear) => {
    expect(await run({ operation: 'weekday', date })).toEqual({ date, weekday, day_of_year: dayOfYear });
  });

  it('computes differences', async () => {
    expect(await run({ operation: 'difference', date: '2025-01-01', other_date: '2025-12-25' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-25',
      days: 358,
      weeks: 51,
      months: 11,
      years: 0,
      business_days: 256,
      breakdown: '0 years, 11 months, 24 days',
    });
    expect(
      await run({ operation: 'difference', date: '1990-05-15', other_date: '2025-03-01' }),
    ).toMatchObject({
      days: 12709,
      months: 417,
      years: 34,
      breakdown: '34 years, 9 months, 14 days',
    });
  });

  it('gives negative numbers when other_date is earlier', async () => {
    expect(await run({ operation: 'difference', date: '2025-12-25', other_date: '2025-01-01' })).toEqual({
      from: '2025-12-25',
      to: '2025-01-01',
      days: -358,
      weeks: -51,
      months: -11,
      years: 0,
      business_days: -256,
      breakdown: '0 years, 11 months, 24 days before',
    });
  });

  it('counts whole months the way add does (month ends clamp)', async () => {
    const diff = (date: string, other: string) =>
      dateCalc({ operation: 'difference', date, other_date: other }) as Record<string, unknown>;
    expect(diff('2024-01-31', '2024-02-29')).toMatchObject({
      months: 1,
      breakdown: '0 years, 1 month, 0 days',
    });
    expect(diff('2024-01-31', '2024-02-28')).toMatchObject({ months: 0, days: 28 });
    expect(diff('2024-02-29', '2025-02-28')).toMatchObject({
      years: 1,
      breakdown: '1 year, 0 months, 0 days',
    });
    expect(diff('2025-03-01', '2025-03-01')).toMatchObject({
      days: 0,
      weeks: 0,
      months: 0,
      business_days: 0,
    });
  });

  it.each([
    ['2025-03-07', '2025-03-10', 1], // Friday → Monday
    ['2025-03-08', '2025-03-10', 1], // Saturday → Monday
    ['2025-03-03', '2025-03-07', 4], // Monday → Friday
    ['2025-03-03', '2025-03-10', 5], // Monday → next Monday
    ['2025-03-08', '2025-03-09', 0], // a weekend
  ])('counts business days from %s to %s: %i', (date, other, expected) => {
    expect(dateCalc({ operation: 'difference', date, other_date: other })).toMatchObject({
      business_days: expected,
    });
  });

  it('counts business days like a day-by-day walk', () => {
    const start = toDayNumber({ year: 2025, month: 1, day: 1 });
    for (let length = 0; length < 40; length++) {
      for (let offset = 0; offset < 7; offset++) {
        const from = start + offset;
        let expected = 0;
        for (let day = from + 1; day <= from + length; day++) {
          if ((new Date(day * DAY_MS).getUTCDay() + 6) % 7 < 5) expected++;
        }
        const args: DateCalcArgs = {
          operation: 'difference',
          date: formatDate(fromDayNumber(from)),
          other_date: formatDate(fromDayNumber(from + length)),
        };
        expect(dateCalc(args)).toMatchObject({ business_days: expected });
      }
    }
  });

  it.each([
    ['2025-01-15', 90, 'days', '2025-04-15', 'Tuesday'],
    ['2025-01-15', 2, 'weeks', '2025-01-29', 'Wednesday'],
    ['2024-01-31', 1, 'months', '2024-02-29', 'Thursday'],
    ['2023-01-31', 1, 'months', '2023-02-28', 'Tuesday'],
    ['2024-02-29', 1, 'years', '2025-02-28', 'Friday'],
    ['2025-12-31', 2, 'months', '2026-02-28', 'Saturday'],
    ['2025-03-07', 1, 'business_days', '2025-03-10', 'Monday'],
    ['2025-03-08', 5, 'business_days', '2025-03-14', 'Friday'],
    ['2025-03-08', 1, 'business_days', '2025-03-10', 'Monday'],
    ['2025-03-03', 10, 'business_days', '2025-03-17', 'Monday'],
    ['2025-03-10', -1, 'business_days', '2025-03-07', 'Friday'],
    ['1994-12-30', 1, 'days', '1994-12-31', 'Saturday'],
  ])('adds: %s + %i %s = %s', async (date, amount, unit, expected, weekday) => {
    expect(await run({ operation: 'add', date, amount, unit })).toEqual({ date: expected, weekday });
  });

  it.each([
    ['2025-03-01', 1, 'days', '2025-02-28'],
    ['2024-03-31', 1, 'months', '2024-02-29'],
    ['2024-02-29', 4, 'years', '2020-02-29'],
    ['2025-03-09', 5, 'business_days', '2025-03-03'],
  ])('subtracts: %s - %i %s = %s', (date, amount, unit, expected) => {
    expect(dateCalc({ operation: 'subtract', date, amount, unit } as DateCalcArgs)).toMatchObject({
      date: expected,
    });
  });

  it('adds days by default and agrees with difference', () => {
    expect(dateCalc({ operation: 'add', date: '2025-01-01', amount: 358 })).toEqual({
      date: '2025-12-25',
      weekday: 'Thursday',
    });
    for (const amount of [1, 4, 5, 6, 9, 10, 11, 23]) {
      for (const date of ['2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09']) {
        const { date: end, weekday } = dateCalc({
          operation: 'add',
          date,
          amount,
          unit: 'business_days',
        }) as {
          date: string;
          weekday: string;
        };
        expect(dateCalc({ operation: 'difference', date, other_date: end })).toMatchObject({
          business_days: amount,
        });
        expect(WEEKDAYS.indexOf(weekday as (typeof WEEKDAYS)[number])).toBeLessThan(5);
      }
    }
  });

  it.each([
    ['2023-02-30', '2023-02-30 is not a valid date: February 2023 has 28 days, so the day must be 01 to 28'],
    ['2024-02-30', '2024-02-30 is not a valid date: February 2024 has 29 days, so the day must be 01 to 29'],
    ['2025-04-31', '2025-04-31 is not a valid date: April 2025 has 30 days, so the day must be 01 to 30'],
    ['2025-13-01', '2025-13-01 is not a valid date: the month must be 01 to 12, not 13'],
    ['2025-00-10', '2025-00-10 is not a valid date: the month must be 01 to 12, not 00'],
    ['0000-01-01', '0000-01-01 is not a valid date: the year must be 0001 or later'],
    [
      '03/01/2025',
      'argument "date" must be a date written YYYY-MM-DD (e.g. "2025-03-01") or "today", not "03/01/2025"',
    ],
    [
      'March 1',
      'argument "date" must be a date written YYYY-MM-DD (e.g. "2025-03-01") or "today", not "March 1"',
    ],
  ])('rejects the date %j', async (date, message) => {
    const error = await run({ operation: 'weekday', date }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolArgumentsError);
    expect((error as Error).message).toBe(message);
  });

  it('names the argument that is missing or wrong', async () => {
    await expect(run({ operation: 'difference', date: '2025-01-01' })).rejects.toThrow(
      'operation "difference" needs "other_date" (YYYY-MM-DD), the second date',
    );
    await expect(
      run({ operation: 'difference', date: '2025-01-01', other_date: '2025-02-29' }),
    ).rejects.toThrow('2025-02-29 is not a valid date: February 2025 has 28 days');
    await expect(run({ operation: 'add', date: '2025-01-01' })).rejects.toThrow(
      'operation "add" needs "amount", e.g. 30, and a "unit"',
    );
    await expect(run({ operation: 'add', date: '2025-01-01', amount: 1.5 })).rejects.toThrow(
      'argument "amount" must be a whole number',
    );
    await expect(run({ operation: 'shift', date: '2025-01-01' })).rejects.toThrow(ToolArgumentsError);
    await expect(
      run({ operation: 'add', date: '2025-01-01', amount: 1, unit: 'fortnights' }),
    ).rejects.toThrow('argument "unit" must be one of days, weeks, months, years, business_days');
  });

  it('fails with a ToolRuntimeError outside the years 1 to 9999', async () => {
    await expect(run({ operation: 'add', date: '9999-12-31', amount: 1 })).rejects.toThrow(ToolRuntimeError);
    await expect(
      run({ operation: 'subtract', date: '0001-01-31', amount: 1, unit: 'months' }),
    ).rejects.toThrow('the result is outside the years 0001 to 9999');
    await expect(run({ operation: 'add', date: '2025-01-01', amount: 1e15, unit: 'weeks' })).rejects.toThrow(
      ToolRuntimeError,
    );
  });

  it('stops when its signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      dateCalcTool.run({ operation: 'weekday', date: '2025-01-01' }, ctx(controller.signal)),
    ).rejects.toThrow('stop');
  });

  it('has a strict schema', () => {
    const { definition } = dateCalcTool;
    expect(definition.name).toBe('date_calc');
    expect(validateArguments(definition, { operation: 'weekday', date: '2025-01-01' })).toEqual({ ok: true });
    expect(validateArguments(definition, { date: '2025-01-01' }).ok).toBe(false);
    expect(validateArguments(definition, { operation: 'plus', date: '2025-01-01' }).ok).toBe(false);
    expect(validateArguments(definition, { operation: 'add', date: '2025-01-01', amount: 1.5 }).ok).toBe(
      false,
    );
    expect(validateArguments(definition, { operation: 'add', date: '2025-01-01', unit: 'day' }).ok).toBe(
      false,
    );
    expect(validateArguments(definition, { operation: 'weekday', date: '2025-01-01', tz: 'UTC' }).ok).toBe(
      false,
    );
  });

  it('has examples that parse, fit the schema and run', async () => {
    for (const example of dateCalcTool.examples ?? []) {
      const args = JSON.parse(example) as Record<string, unknown>;
      expect(validateArguments(dateCalcTool.definition, args)).toEqual({ ok: true });
      expect(await run(args)).toHaveProperty(args.operation === 'difference' ? 'days' : 'date');
    }
  });
});
