/**
 * The chat planner's output grammar, in the EBNF dialect of XGrammar (what WebLLM's
 * `response_format: {type: "grammar"}` compiles): a thought of 1–600 characters, then a last
 * line `Next: caller`, `Next: summarizer` or `Next: give up`.
 *
 * A thought line may not begin with "Next:" (the `start` rule spells out the prefixes that
 * are allowed), so the decision line is the only one that can, and the grammar is
 * unambiguous. At most one blank line separates paragraphs.
 */
export const PLANNER_GRAMMAR = String.raw`root ::= thought "\nNext: " decision
decision ::= "caller" | "summarizer" | "give up"
thought ::= start unit{0,599}
unit ::= [^\n] | "\n"{1,2} start
start ::= [^N\n] | "N" ([^e\n] | "e" ([^x\n] | "x" ([^t\n] | "t" [^:\n])))
`;

export function plannerGrammar(): string {
  return PLANNER_GRAMMAR;
}

/**
 * The structure PLANNER_GRAMMAR admits, as a regular expression (the thought's length bound
 * aside), so tests and engines that cannot constrain decoding can check an output.
 */
const START = String.raw`(?:[^N\n]|N(?:[^e\n]|e(?:[^x\n]|x(?:[^t\n]|t[^:\n]))))`;
export const PLANNER_OUTPUT_PATTERN = new RegExp(
  String.raw`^${START}(?:[^\n]|\n{1,2}${START})*\nNext: (?:caller|summarizer|give up)$`,
  'u',
);
