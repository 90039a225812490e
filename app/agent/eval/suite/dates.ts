/**
 * Full calendar dates in an answer — day, month and year — as answers write them:
 * "2025-06-09", "9 June 2025", "9th of June, 2025", "June 9, 2025", "June 9th 2025",
 * "Mon, 9 Jun 2025" (three-letter months too). A date without a year ("9 June") is not a full
 * date: it cannot be told from another year's.
 */

export const MONTH_NAMES = [
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

/** "jan(?:uary)?" … : the full name or its first three letters ("Sept" too). */
const MONTH = `(${MONTH_NAMES.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)}|${m === 'September' ? 't' : ''})?`).join('|')})\\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;

const ISO = String.raw`(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])`;
const DAY_MONTH_YEAR = String.raw`(?<![\p{L}\p{N}])${DAY}(?:\s+of)?\s+${MONTH},?\s+${YEAR}(?!\d)`;
const MONTH_DAY_YEAR = String.raw`(?<![\p{L}\p{N}])${MONTH}\s+${DAY},?\s+${YEAR}(?!\d)`;
const DATE = new RegExp(`${ISO}|${DAY_MONTH_YEAR}|${MONTH_DAY_YEAR}`, 'giu');

export interface DateToken {
  /** YYYY-MM-DD. */
  iso: string;
  start: number;
  end: number;
}

function monthNumber(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === prefix) + 1;
}

function isoOf(year: string, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(Number(year), month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every full date of a plain text, in order; impossible dates ("31 June 2025") are skipped. */
export function dateTokens(text: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (const m of text.matchAll(DATE)) {
    const [, isoY, isoM, isoD, dmyD, dmyM, dmyY, mdyM, mdyD, mdyY] = m;
    let iso: string | undefined;
    if (isoY && isoM && isoD) iso = isoOf(isoY, Number(isoM), Number(isoD));
    else if (dmyD && dmyM && dmyY) iso = isoOf(dmyY, monthNumber(dmyM), Number(dmyD));
    else if (mdyM && mdyD && mdyY) iso = isoOf(mdyY, monthNumber(mdyM), Number(mdyD));
    if (iso) tokens.push({ iso, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** The text with its full dates blanked out (same length), so their numbers are not read as quantities. */
export function withoutDates(text: string): string {
  let out = text;
  for (const d of dateTokens(text))
    out = out.slice(0, d.start) + ' '.repeat(d.end - d.start) + out.slice(d.end);
  return out;
}
