import { ToolArgumentsError, ToolRuntimeError } from '../errors';

/**
 * Calendar dates as day numbers: days since 1970-01-01 in the proleptic Gregorian calendar,
 * with no `Date` object at all, so nothing depends on the process's time zone.
 *
 * date-fns is not used on purpose: it works in local time, where `new Date(y, m, d)` can
 * land on another day (Pacific/Kiritimati skipped 1994-12-31, Samoa 2011-12-30), and
 * `Date.UTC` maps years 0-99 to 1900-1999. The arithmetic is small and exact in any time
 * zone; the one local-time read is "today", which means the user's own calendar day.
 */

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar date; `month` and `day` are 1-based. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Howard Hinnant's days_from_civil / civil_from_days (http://howardhinnant.github.io/date_algorithms.html).
export function toDayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Monday = 0 ... Sunday = 6. Day 0 (1970-01-01) was a Thursday. */
export function weekdayIndex(n: number): number {
  return (((n + 3) % 7) + 7) % 7;
}

export function formatDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The user's calendar day: local time on purpose, since "today" is where the user is. */
export function localToday(now: Date = new Date()): string {
  return formatDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** Parses `YYYY-MM-DD` (or "today") into a day number; the error says what is wrong. */
export function parseDate(text: string, argument: string, now: Date = new Date()): number {
  const trimmed = text.trim();
  const value = trimmed.toLowerCase() === 'today' ? localToday(now) : trimmed;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!match) {
    throw new ToolArgumentsError(
      `argument "${argument}" must be a date written YYYY-MM-DD (e.g. "2025-03-01") or "today", not "${text}"`,
    );
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) throw new ToolArgumentsError(`${value} is not a valid date: the year must be 0001 or later`);
  if (month < 1 || month > 12) {
    throw new ToolArgumentsError(`${value} is not a valid date: the month must be 01 to 12, not ${match[2]}`);
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    throw new ToolArgumentsError(
      `${value} is not a valid date: ${MONTHS[month - 1]} ${year} has ${last} days, so the day must be 01 to ${last}`,
    );
  }
  return toDayNumber({ year, month, day });
}

export function checkRange(n: number): number {
  const { year } = fromDayNumber(n);
  if (year < 1 || year > 9999) throw new ToolRuntimeError('the result is outside the years 0001 to 9999');
  return n;
}

/** Adds calendar months; the day is clamped to the month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(n: number, months: number): number {
  const { year, month, day } = fromDayNumber(n);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) throw new ToolRuntimeError('the result is outside the years 0001 to 9999');
  return toDayNumber({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Moves over `amount` Monday-to-Friday days; the result is always a weekday (unless amount is 0). */
export function addBusinessDays(n: number, amount: number): number {
  if (amount === 0) return n;
  const step = Math.sign(amount);
  const count = Math.abs(amount);
  // Whole weeks first (5 business days each), keeping 1-5 days to walk so a weekend start still lands on a weekday.
  const rest = count % 5 || 5;
  let current = n + step * 7 * ((count - rest) / 5);
  for (let left = rest; left > 0; ) {
    current += step;
    if (weekdayIndex(current) < 5) left--;
  }
  return current;
}

/** Whole months from `from` to `to` (`from <= to`): the most months that can be added without passing `to`. */
export function wholeMonths(from: number, to: number): number {
  const a = fromDayNumber(from);
  const b = fromDayNumber(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return months > 0 && addMonths(from, months) > to ? months - 1 : months;
}

/** Monday-to-Friday days after `from`, up to and including `to` (`from <= to`). */
export function businessDaysBetween(from: number, to: number): number {
  const total = to - from;
  const weeks = Math.floor(total / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7 + 1; day <= to; day++) if (weekdayIndex(day) < 5) count++;
  return count;
}
