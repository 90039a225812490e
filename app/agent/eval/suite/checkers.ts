import { dateTokens, MONTH_NAMES } from './dates';
import { type NumberOptions, numberTokens } from './normalise';
import { claimedDates, claimedNumbers, claimsPhrase, statedSpan } from './span';
import type { Checker, CheckInput, CheckResult } from './types';

/** Numbers closer than this (relative) are equal even when no tolerance is given (float noise). */
const FLOAT_EPSILON = 1e-9;

/** The largest distance from `checker.value` that still counts as right. */
export function numericTolerance(checker: Extract<Checker, { kind: 'numeric' }>): number {
  const rel = (checker.rel ?? 0) * Math.abs(checker.value);
  return Math.max(checker.abs ?? 0, rel, FLOAT_EPSILON * Math.max(1, Math.abs(checker.value)));
}

const NO_MATCH: CheckResult = { correct: false, reason: 'no-match' };

/** Accepted and wrong values, judged in the stated answer (span.ts). */
function phraseCheck(
  answer: string,
  accepted: readonly string[],
  forbidden: readonly string[] = [],
): CheckResult {
  const banned = (text: string) => forbidden.find((phrase) => claimsPhrase(text, phrase, true));
  const hit = (text: string) => accepted.find((value) => claimsPhrase(text, value));
  const span = statedSpan(answer, (text) => hit(text) !== undefined || banned(text) !== undefined);
  if (span === undefined) return NO_MATCH;
  const wrong = banned(span);
  if (wrong !== undefined) return { correct: false, reason: 'forbidden', found: [wrong] };
  const right = hit(span);
  return right === undefined ? NO_MATCH : { correct: true, reason: 'match', found: [right] };
}

/**
 * Right when the stated answer claims a value within the tolerance and no other value; a
 * second value ("Either 16 or 25") makes it wrong. See span.ts for what is not a claim.
 */
function numericCheck(
  checker: Extract<Checker, { kind: 'numeric' }>,
  answer: string,
  task: string,
): CheckResult {
  // "12 600" is one number when the answer is in the thousands; below that, two.
  const options: NumberOptions = { spaceGroups: Math.abs(checker.value) >= 1000 };
  const given = numberTokens(task, options).map((t) => t.value);
  const claims = (text: string) => claimedNumbers(text, given, options);
  const span = statedSpan(answer, (text) => claims(text).length > 0);
  if (span === undefined) return { ...NO_MATCH, found: [] };
  const numbers = claims(span);
  const tolerance = numericTolerance(checker);
  const off = numbers.filter((n) => Math.abs(n - checker.value) > tolerance);
  const found = numbers.map(String);
  if (off.length === numbers.length) return { ...NO_MATCH, found };
  if (off.length > 0) return { correct: false, reason: 'forbidden', found: off.map(String) };
  return { correct: true, reason: 'match', found };
}

/** Right when the stated answer claims the date and no other full date (dates the task states aside). */
function dateCheck(iso: string, answer: string, task: string): CheckResult {
  const given = dateTokens(task).map((d) => d.iso);
  const span = statedSpan(answer, (text) => claimedDates(text, given).length > 0);
  if (span === undefined) return NO_MATCH;
  const dates = claimedDates(span, given);
  const off = dates.filter((d) => d !== iso);
  if (off.length === dates.length) return { ...NO_MATCH, found: dates };
  if (off.length > 0) return { correct: false, reason: 'forbidden', found: off };
  return { correct: true, reason: 'match', found: [iso] };
}

/**
 * Judges a finished run. A must-give-up task is right only when the run gave up; every other
 * task is right only when the run answered and the stated answer (span.ts) is the expected
 * value, and no other.
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
  const { answer, task = '' } = input;
  switch (checker.kind) {
    case 'exact':
      return phraseCheck(answer, [checker.value], checker.forbidden);
    case 'one-of':
      return phraseCheck(answer, checker.values, checker.forbidden);
    case 'numeric':
      return numericCheck(checker, answer, task);
    case 'date':
      return dateCheck(checker.value, answer, task);
  }
}

/** A short, language-neutral statement of what the checker expects ("16.65 ± 0.01", "Canberra"). */
export function expectedText(checker: Checker): string {
  switch (checker.kind) {
    case 'exact':
      return checker.value;
    case 'one-of':
      return checker.values.join(' | ');
    case 'date':
      return checker.value;
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

/**
 * A calendar date, in any of the ways answers write it ("2025-06-09", "9 June 2025",
 * "June 9th, 2025", "the 9th of June 2025"; see dates.ts). Stating another full date makes the
 * answer wrong ("2025-06-10, not 9 June 2025" states 10 June), except dates the task states.
 */
export function date(iso: string): Checker {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`date() needs YYYY-MM-DD, not ${iso}`);
  if (!MONTH_NAMES[Number(match[2]) - 1]) throw new Error(`date() got month ${match[2]} in ${iso}`);
  if (dateTokens(iso)[0]?.iso !== iso) throw new Error(`date() got a day that does not exist: ${iso}`);
  return { kind: 'date', value: iso };
}
