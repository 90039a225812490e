/**
 * The chat planner's output grammar, in the EBNF dialect of XGrammar (what WebLLM's
 * `response_format: {type: "grammar"}` compiles): a thought of one or more lines, then a last
 * line `Next: caller`, `Next: summarizer` or `Next: give up`, and nothing after it.
 *
 * - No thought line may begin with "Next:", so the decision line is the only one that can:
 *   once the model writes "\nNext:" it must pick a decision and stop. Lines are separated by
 *   one newline or one blank line; the thought cannot start or end with a newline. (A line
 *   that is nothing but a prefix of "Next:", such as "Nex", is refused too: simpler grammar.)
 * - The thought is not length-bounded here: `max_tokens` bounds it. Bounded repetitions were
 *   measured far too slow in XGrammar 0.1.27 (the build inside WebLLM 0.2.86, run in Node with
 *   a synthetic 150k-token vocabulary): `[^\n]{1,600}` took ~30 s to compile, and an unrolled
 *   `unit{0,599}` several seconds per generated token.
 * - The shape is deliberately flat: each `[^\n]*` sits directly in `root` or `rest`, never in
 *   a sub-rule or a parenthesised group. XGrammar can then decide almost every token when it
 *   compiles the grammar. With the line start in its own rule, every new line cost ~200 ms of
 *   mask computation; flat, a token costs ~0.1 ms and the one-off compile ~2 s, which
 *   XGrammar's compiler caches by grammar string for the life of the engine.
 *
 * Keep `PLANNER_OUTPUT_PATTERN` in step when editing: tests check both against each other.
 */

/** The ways a thought line can begin without spelling "Next:". */
const LINE_STARTS = [
  String.raw`[^N\n]`,
  String.raw`"N" [^e\n]`,
  String.raw`"Ne" [^x\n]`,
  String.raw`"Nex" [^t\n]`,
  String.raw`"Next" [^:\n]`,
];

const LINE_BREAKS = [String.raw`"\n"`, String.raw`"\n\n"`];

function alternatives(name: string, options: readonly string[]): string {
  return `${name} ::= ${options.join('\n  | ')}`;
}

export const PLANNER_GRAMMAR = [
  alternatives(
    'root',
    LINE_STARTS.map((start) => String.raw`${start} [^\n]* rest`),
  ),
  alternatives('rest', [
    ...LINE_BREAKS.flatMap((lineBreak) =>
      LINE_STARTS.map((start) => String.raw`${lineBreak} ${start} [^\n]* rest`),
    ),
    String.raw`"\nNext: " decision`,
  ]),
  'decision ::= "caller" | "summarizer" | "give up"',
  '',
].join('\n');

export function plannerGrammar(): string {
  return PLANNER_GRAMMAR;
}

/** The language of PLANNER_GRAMMAR as a regular expression (tests; engines that cannot constrain). */
const START = String.raw`(?:[^N\n]|N[^e\n]|Ne[^x\n]|Nex[^t\n]|Next[^:\n])`;
export const PLANNER_OUTPUT_PATTERN = new RegExp(
  String.raw`^${START}[^\n]*(?:\n\n?${START}[^\n]*)*\nNext: (?:caller|summarizer|give up)$`,
  'u',
);

/** True when `text` is an output the planner grammar admits. */
export function admitsPlannerOutput(text: string): boolean {
  return PLANNER_OUTPUT_PATTERN.test(text);
}
