import type { ToolCall } from '../../types';

/**
 * The task suite: tasks written by us, each with a verifiable answer and a checker, in six
 * categories. Pure data and types — no DOM, no engine, no store.
 */

export const SUITE_CATEGORIES = [
  'arithmetic',
  'units',
  'calendar',
  'countries',
  'chains',
  'give-up',
] as const;
export type SuiteCategory = (typeof SUITE_CATEGORIES)[number];

/**
 * How a run's final answer is judged. Answers are prose (often Markdown); every checker reads
 * the stated answer — the bold text, or else the first clause that states something — with
 * asides, working, negated values and the task's own numbers left out (span.ts):
 * - `exact`: the answer states this value — its words appear as a whole phrase, ignoring
 *   case, accents, punctuation and Markdown ("**Brasília**." matches "Brasilia").
 * - `one-of`: the answer states one of these values (spellings, synonyms).
 * - `numeric`: the answer states a number within the tolerance of `value`, and no other.
 * - `date`: the answer states this date (YYYY-MM-DD, in any usual form), and no other.
 * - `give-up`: the right outcome is to give up (the tools cannot answer the task).
 * `forbidden` phrases make an answer wrong even when it also states the value, so an
 * answer that hedges between candidates ("Monday or Tuesday") is not scored right; a
 * forbidden value named to rule it out ("Canberra, not Sydney") is no claim.
 */
export type Checker =
  | { kind: 'exact'; value: string; forbidden?: readonly string[] }
  | { kind: 'one-of'; values: readonly string[]; forbidden?: readonly string[] }
  | {
      kind: 'numeric';
      value: number;
      /** Absolute tolerance. */
      abs?: number;
      /** Relative tolerance (fraction of |value|); the larger of the two applies. */
      rel?: number;
    }
  | { kind: 'date'; value: string }
  | { kind: 'give-up' };

export type CheckerKind = Checker['kind'];

/**
 * One planner turn of a worked solution, in the shape the scripted engine plays
 * (app/llm/scripted/render.ts `ScriptStep`): a call, the final answer, or a give-up.
 */
export type ReferenceStep =
  | { thought: string; call: ToolCall }
  | { thought: string; answer: string }
  | { thought: string; giveUp: true };

export interface SuiteTask {
  /** Stable id: results, exports and scripts refer to it. */
  id: string;
  category: SuiteCategory;
  /** The task as the models read it (English: the prompts and the scripts are keyed on it). */
  task: string;
  /** The built-in tools the worked solution uses (empty when the right move is to give up at once). */
  tools: readonly string[];
  checker: Checker;
  /**
   * A worked solution with the built-in tools. The scripted engine plays it, and a unit test
   * runs it through the real tools and checks that the tool output and the final answer
   * both pass `checker` — so a wrong expected value or a wrong script fails CI.
   */
  reference: readonly ReferenceStep[];
}

/** What a checker reads from a finished run. */
export interface CheckInput {
  /** The final answer text; undefined when the run ended without one. */
  answer: string | undefined;
  /** True when the run ended with an explicit give-up decision. */
  gaveUp: boolean;
  /**
   * The task text: numbers and dates it states are the question restated, not a second
   * answer ("26.2 miles is 42.16 km").
   */
  task?: string;
}

export type CheckReason =
  /** The answer states the expected value. */
  | 'match'
  /** The answer does not state it. */
  | 'no-match'
  /** The stated answer also claims a value that rules it out (a wrong value, a second number or date). */
  | 'forbidden'
  /** The run ended without an answer and without giving up (error, step limit, stop). */
  | 'no-answer'
  /** The run gave up on a task that has an answer. */
  | 'gave-up'
  /** A must-give-up task, and the run gave up. */
  | 'gave-up-right'
  /** A must-give-up task, and the run answered (or ended otherwise). */
  | 'did-not-give-up';

export interface CheckResult {
  correct: boolean;
  reason: CheckReason;
  /** What the checker read: the values the stated answer claims, or the ones that ruled it out. */
  found?: string[];
}
