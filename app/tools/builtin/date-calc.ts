import { ToolArgumentsError } from '../errors';
import type { BuiltinTool } from '../registry';
import {
  addBusinessDays,
  addMonths,
  businessDaysBetween,
  checkRange,
  formatDate,
  fromDayNumber,
  parseDate,
  toDayNumber,
  WEEKDAYS,
  weekdayIndex,
  wholeMonths,
} from './calendar-date';

/**
 * `date_calc`: differences, additions and weekdays of calendar dates, time-zone safe: dates
 * are day numbers (calendar-date.ts), never instants.
 */

export const DATE_UNITS = ['days', 'weeks', 'months', 'years', 'business_days'] as const;
export type DateUnit = (typeof DATE_UNITS)[number];
export const DATE_OPERATIONS = ['difference', 'add', 'subtract', 'weekday'] as const;
export type DateOperation = (typeof DATE_OPERATIONS)[number];

function add(n: number, amount: number, unit: DateUnit): number {
  switch (unit) {
    case 'days':
      return checkRange(n + amount);
    case 'weeks':
      return checkRange(n + 7 * amount);
    case 'months':
      return addMonths(n, amount);
    case 'years':
      return addMonths(n, 12 * amount);
    case 'business_days':
      return checkRange(addBusinessDays(n, amount));
  }
}

function plural(value: number, word: string): string {
  return `${value} ${word}${value === 1 ? '' : 's'}`;
}

export interface DateDifference {
  from: string;
  to: string;
  days: number;
  weeks: number;
  months: number;
  years: number;
  business_days: number;
  breakdown: string;
}

/** `to - from`; every number is negative when `to` is before `from`. */
export function difference(from: number, to: number): DateDifference {
  const sign = to < from ? -1 : 1;
  const [start, end] = sign < 0 ? [to, from] : [from, to];
  const months = wholeMonths(start, end);
  const years = Math.floor(months / 12);
  const restDays = end - addMonths(start, months);
  const breakdown = `${plural(years, 'year')}, ${plural(months % 12, 'month')}, ${plural(restDays, 'day')}`;
  // `0 * -1` is -0, which JSON prints as 0 anyway; `|| 0` keeps the values tidy for tests too.
  const signed = (value: number) => sign * value || 0;
  return {
    from: formatDate(fromDayNumber(from)),
    to: formatDate(fromDayNumber(to)),
    days: to - from,
    weeks: signed(Math.floor((end - start) / 7)),
    months: signed(months),
    years: signed(years),
    business_days: signed(businessDaysBetween(start, end)),
    breakdown: sign < 0 ? `${breakdown} before` : breakdown,
  };
}

export function describeDay(n: number): { date: string; weekday: string } {
  return { date: formatDate(fromDayNumber(n)), weekday: WEEKDAYS[weekdayIndex(n)] ?? '' };
}

export interface DateCalcArgs {
  operation: DateOperation;
  date: string;
  other_date?: string;
  amount?: number;
  unit?: DateUnit;
}

/** The tool's logic without the tool wrapper; `now` only matters for "today". */
export function dateCalc(args: DateCalcArgs, now: Date = new Date()): object {
  const date = parseDate(args.date, 'date', now);
  switch (args.operation) {
    case 'weekday': {
      const { year } = fromDayNumber(date);
      return { ...describeDay(date), day_of_year: date - toDayNumber({ year, month: 1, day: 1 }) + 1 };
    }
    case 'difference': {
      if (args.other_date === undefined) {
        throw new ToolArgumentsError(
          'operation "difference" needs "other_date" (YYYY-MM-DD), the second date',
        );
      }
      return difference(date, parseDate(args.other_date, 'other_date', now));
    }
    case 'add':
    case 'subtract': {
      if (args.amount === undefined) {
        throw new ToolArgumentsError(`operation "${args.operation}" needs "amount", e.g. 30, and a "unit"`);
      }
      if (!Number.isSafeInteger(args.amount))
        throw new ToolArgumentsError('argument "amount" must be a whole number');
      const amount = args.operation === 'subtract' ? -args.amount : args.amount;
      return describeDay(add(date, amount, args.unit ?? 'days'));
    }
  }
}

function optionalString(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ToolArgumentsError(`argument "${key}" must be string`);
  return value;
}

/** Checks the arguments of a direct call; the runner has already validated them against the schema. */
function readArgs(args: Record<string, unknown>): DateCalcArgs {
  const { operation, date, amount, unit } = args;
  if (!DATE_OPERATIONS.includes(operation as DateOperation)) {
    throw new ToolArgumentsError(`argument "operation" must be one of ${DATE_OPERATIONS.join(', ')}`);
  }
  if (typeof date !== 'string') throw new ToolArgumentsError('argument "date" must be string');
  if (amount !== undefined && typeof amount !== 'number') {
    throw new ToolArgumentsError('argument "amount" must be integer');
  }
  if (unit !== undefined && !DATE_UNITS.includes(unit as DateUnit)) {
    throw new ToolArgumentsError(`argument "unit" must be one of ${DATE_UNITS.join(', ')}`);
  }
  const other = optionalString(args, 'other_date');
  return {
    operation: operation as DateOperation,
    date,
    ...(other === undefined ? {} : { other_date: other }),
    ...(amount === undefined ? {} : { amount }),
    ...(unit === undefined ? {} : { unit: unit as DateUnit }),
  };
}

export const dateCalcTool: BuiltinTool = {
  kind: 'builtin',
  definition: {
    name: 'date_calc',
    description:
      'Calendar date arithmetic. "difference": days, weeks, months, years and business days from date to ' +
      'other_date. "add" / "subtract": the date that is amount units after / before date. "weekday": the ' +
      'day of the week of date. Dates are written YYYY-MM-DD.',
    parameters: {
      type: 'object',
      properties: {
        operation: {
          type: 'string',
          enum: [...DATE_OPERATIONS],
          description: 'What to compute: "difference", "add", "subtract" or "weekday"',
        },
        date: {
          type: 'string',
          description:
            'The (first) date, written YYYY-MM-DD, e.g. "2025-03-01"; "today" means the current date',
        },
        other_date: {
          type: 'string',
          description:
            'For "difference" only: the second date, YYYY-MM-DD. Negative results if it is earlier',
        },
        amount: {
          type: 'integer',
          description: 'For "add" and "subtract": how many units, e.g. 90',
        },
        unit: {
          type: 'string',
          enum: [...DATE_UNITS],
          description: 'For "add" and "subtract": the unit of amount. Default "days"',
        },
      },
      required: ['operation', 'date'],
      additionalProperties: false,
    },
  },
  examples: [
    '{"operation": "difference", "date": "2025-01-01", "other_date": "2025-12-25"}',
    '{"operation": "add", "date": "2025-01-31", "amount": 1, "unit": "months"}',
    '{"operation": "weekday", "date": "1969-07-20"}',
  ],
  async run(args, ctx) {
    ctx.signal.throwIfAborted();
    return dateCalc(readArgs(args));
  },
};
