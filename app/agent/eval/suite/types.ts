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
 * How a run's final answer is judged. Answers are prose (often Markdown), so every checker
 * reads the whole answer text, normalised (normalise.ts):
 * - `exact`: the answer states this value — its words appear as a whole phrase, ignoring
 *   case, accents, punctuation and Markdown ("**Brasília**." matches "Brasilia").
 * - `one-of`: the answer states one of these values (spellings, synonyms, date formats).
 * - `numeric`: a number in the answer is within the tolerance of `value`.
 * - `give-up`: the right outcome is to give up (the tools cannot answer the task).
 * `forbidden` phrases make an answer wrong even when it also states the value, so an
 * answer that hedges between candidates ("Monday or Tuesday") is not scored right.
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
}

export type CheckReason =
  /** The answer states the expected value. */
  | 'match'
  /** The answer does not state it. */
  | 'no-match'
  /** The answer also states a value that rules it out. */
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
  /** What the checker read: the numbers found, or the forbidden phrase that ruled the answer out. */
  found?: string[];
}
