import { dateTokens } from '../suite/dates';
import { numberTokens } from '../suite/normalise';
import type { Checker } from '../suite/types';
import type { GeneratedTask } from './generate';

/**
 * How a generated task's answer is judged, from its worked solution: a give-up must give up;
 * otherwise the answer's bold value is what must be stated. A value that reads as one date is
 * a date check, one number a numeric check (to the tool's printed precision: units and the
 * way the number is written do not matter), anything else (a capital, a weekday, a currency)
 * an exact-phrase check
 * without its bracketed aside.
 */
export function generatedChecker(task: Pick<GeneratedTask, 'answer'>): Checker {
  if (task.answer === undefined) return { kind: 'give-up' };
  const bold = /\*\*(.+?)\*\*/.exec(task.answer)?.[1] ?? task.answer;
  const dates = dateTokens(bold);
  if (dates.length === 1 && dates[0]) return { kind: 'date', value: dates[0].iso };
  const numbers = numberTokens(bold);
  const [only] = numbers;
  if (numbers.length === 1 && only && /^[-−]?\d/.test(bold.trim())) {
    return { kind: 'numeric', value: only.value, abs: 1e-9, rel: 1e-9 };
  }
  // An aside in brackets ("West African CFA franc (XOF, Fr)") is not part of the claim (span.ts).
  return { kind: 'exact', value: bold.replace(/\s*\([^)]*\)/g, '').trim() };
}
