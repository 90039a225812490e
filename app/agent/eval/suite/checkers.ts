import { containsPhrase, extractNumbers } from './normalise';
import type { Checker, CheckInput, CheckResult } from './types';

/** Numbers closer than this (relative) are equal even when no tolerance is given (float noise). */
const FLOAT_EPSILON = 1e-9;

/** The largest distance from `checker.value` that still counts as right. */
export function numericTolerance(checker: Extract<Checker, { kind: 'numeric' }>): number {
  const rel = (checker.rel ?? 0) * Math.abs(checker.value);
  return Math.max(checker.abs ?? 0, rel, FLOAT_EPSILON * Math.max(1, Math.abs(checker.value)));
}

function firstForbidden(answer: string, forbidden: readonly string[] | undefined): string | undefined {
  return forbidden?.find((phrase) => containsPhrase(answer, phrase));
}

function phraseCheck(
  answer: string,
  accepted: readonly string[],
  forbidden?: readonly string[],
): CheckResult {
  const banned = firstForbidden(answer, forbidden);
  if (banned !== undefined) return { correct: false, reason: 'forbidden', found: [banned] };
  const hit = accepted.find((value) => containsPhrase(answer, value));
  return hit === undefined
    ? { correct: false, reason: 'no-match' }
    : { correct: true, reason: 'match', found: [hit] };
}

/**
 * Judges a finished run. A must-give-up task is right only when the run gave up; every other
 * task is right only when the run answered and the answer states the expected value.
 */
export function check(checker: Checker, input: CheckInput): CheckResult {
  if (checker.kind === 'give-up') {
    return input.gaveUp
      ? { correct: true, reason: 'gave-up-right' }
      : { correct: false, reason: 'did-not-give-up' };
  }
  if (input.answer === undefined || input.answer.trim() === '') {
    return { correct: false, reason: input.gaveUp ? 'gave-up' : 'no-answer' };
  }
  const answer = input.answer;
  switch (checker.kind) {
    case 'exact':
      return phraseCheck(answer, [checker.value], checker.forbidden);
    case 'one-of':
      return phraseCheck(answer, checker.values, checker.forbidden);
    case 'numeric': {
      const numbers = extractNumbers(answer);
      const tolerance = numericTolerance(checker);
      const found = numbers.map(String);
      const hit = numbers.some((n) => Math.abs(n - checker.value) <= tolerance);
      return hit ? { correct: true, reason: 'match', found } : { correct: false, reason: 'no-match', found };
    }
  }
}

/** A short, language-neutral statement of what the checker expects ("16.65 ± 0.01", "Canberra"). */
export function expectedText(checker: Checker): string {
  switch (checker.kind) {
    case 'exact':
      return checker.value;
    case 'one-of':
      return checker.values.join(' | ');
    case 'numeric': {
      const tolerance = numericTolerance(checker);
      if (tolerance <= FLOAT_EPSILON * Math.max(1, Math.abs(checker.value))) return String(checker.value);
      // As many decimals as the tolerance makes meaningful, plus one: 232.15494771978 ± 0.5 → 232.15.
      const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(tolerance)) + 1));
      return `${Number(checker.value.toFixed(decimals))} ± ${Number(tolerance.toPrecision(3))}`;
    }
    case 'give-up':
      return '—';
  }
}

// ---------------------------------------------------------------------------
// Builders for the task files: they read like the checker's meaning.

export const exact = (value: string, forbidden?: readonly string[]): Checker => ({
  kind: 'exact',
  value,
  ...(forbidden ? { forbidden } : {}),
});

export const oneOf = (values: readonly string[], forbidden?: readonly string[]): Checker => ({
  kind: 'one-of',
  values,
  ...(forbidden ? { forbidden } : {}),
});

export const numeric = (
  value: number,
  tolerance: { abs?: number; rel?: number } = {},
): Extract<Checker, { kind: 'numeric' }> => ({
  kind: 'numeric',
  value,
  ...tolerance,
});

export const mustGiveUp: Checker = { kind: 'give-up' };

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** One weekday is right; naming any other weekday makes the answer wrong. */
export function weekday(day: (typeof WEEKDAY_NAMES)[number]): Checker {
  return exact(
    day,
    WEEKDAY_NAMES.filter((d) => d !== day),
  );
}

const MONTH_NAMES = [
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

function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

/**
 * A calendar date in the ways answers write it: "2025-06-09", "9 June 2025", "June 9, 2025",
 * "9th June 2025", "the 9th of June 2025", "June 9th, 2025". Punctuation never matters.
 */
export function date(iso: string): Checker {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`date() needs YYYY-MM-DD, not ${iso}`);
  const [year, monthIndex, day] = [match[1] ?? '', Number(match[2]) - 1, Number(match[3])];
  const month = MONTH_NAMES[monthIndex];
  if (!month) throw new Error(`date() got month ${match[2]} in ${iso}`);
  const nth = ordinal(day);
  return oneOf([
    iso,
    `${day} ${month} ${year}`,
    `${month} ${day} ${year}`,
    `${nth} ${month} ${year}`,
    `${nth} of ${month} ${year}`,
    `${month} ${nth} ${year}`,
  ]);
}
