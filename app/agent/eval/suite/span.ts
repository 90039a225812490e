import { dateTokens, withoutDates } from './dates';
import { type NumberOptions, numberTokens, stripMarkdown, words } from './normalise';

/**
 * The stated answer: the part of a final answer a checker judges. Judging the whole text
 * accepts hedges ("Either 16 or 25") and rejects right answers that name a wrong value only
 * to rule it out ("Canberra, not Sydney"). The summarizer is told to give the number or fact
 * first (dialects/chat/system-prompts.ts), and answers mark it in bold more often than not, so:
 *
 * 1. The bold text, when it states something the checker can judge (a number, a date, an
 *    accepted or a wrong value). A bold label ("**Answer:**") is not the answer itself.
 * 2. Otherwise the first clause that states something — clauses end at a sentence end, a line
 *    break, a semicolon or a colon (not between digits, "10:30"). A clause that only restates
 *    the task, or only shows working, states nothing and is passed over.
 *
 * Inside the span, what is not a claim is left out:
 * - asides in brackets ("Canberra (not Sydney)", "42.16 km (26.2 miles)"), unless the aside
 *   hedges ("16 (or maybe 25)": or, maybe, perhaps, possibly, probably, might, could, either);
 * - what follows ", which / , who / , whose / , where" and "because / since": a remark about
 *   the answer, not another answer;
 * - a value right after a negation or a contrast ("not Sydney", "rather than 25", "instead of
 *   Monday"; for wrong values also "replaced Rio de Janeiro", "formerly", "previously",
 *   "unlike");
 * - for numbers: those the task itself states (restating the question: "26.2 miles is
 *   42.16 km"), full dates, and working — operands of + − × ÷ and the left side of "=", "≈" or
 *   "is/are/equals/makes/gives" followed by another number ("4 × 18 = 72", "5 miles = 8.05 km
 *   is 12.5 km": only 12.5 km is stated). "4 × 18 = 72 were baked" states 72: a result written
 *   as a result counts as one.
 *
 * What this reads as wrong although a person might call it right: an answer that opens with
 * an intermediate result and states the answer later ("72 were baked. So 16 are left." states
 * 72 first). The prompt asks for the answer first; the checker holds the answer to it.
 */

/** Words in brackets that make an aside a hedge rather than a remark. */
const HEDGE = /(?<![\p{L}\p{N}])(?:or|maybe|perhaps|possibly|probably|might|could|either)(?![\p{L}\p{N}])/iu;

/** Brackets without brackets inside: removed innermost first; hedges and arithmetic are kept. */
const ASIDE = /\s*[([（［]([^()[\]（）［］]*)[)\]）］]/g;

const TAIL = /(?:,\s*(?:which|who|whose|where)|\s(?:because|since))(?![\p{L}\p{N}])[\s\S]*$/iu;

const CLAUSE_END = /(?<=[.!?])\s+|(?<=[。！？])|\n+|[;；]|(?<!\d)[:：]|[:：](?!\d)/u;

const LIST_MARKER = /^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+/gm;

/** Brackets of a formula ("1200 / (35 − 11)"): no letters, a digit and an operator. */
const FORMULA = /^[^\p{L}]*\d[^\p{L}]*$/u;
const HAS_OPERATOR = /[+\-−×*·/÷=≈^]/;

function removeAsides(text: string): string {
  let out = text;
  for (;;) {
    const next = out.replace(ASIDE, (whole: string, inner: string) => {
      // Kept formulas get stand-in brackets until the end, so the loop moves on to outer ones.
      if (FORMULA.test(inner) && HAS_OPERATOR.test(inner))
        return whole.replace(/[([（［]/, '\ue000').replace(/[)\]）］]$/, '\ue001');
      return HEDGE.test(inner) ? ` , ${inner} , ` : ' ';
    });
    if (next === out) return out.replaceAll('\ue000', '(').replaceAll('\ue001', ')');
    out = next;
  }
}

/** One span or clause, cleaned of asides and trailing remarks. */
function clean(text: string): string {
  return removeAsides(text).replace(TAIL, '').trim();
}

/** The bold text of an answer (labels such as "**Answer:**" left out), or undefined without any. */
function boldText(answer: string): string | undefined {
  const segments = [...answer.matchAll(/\*\*([^*]+?)\*\*|__([^_]+?)__/g)]
    .map((m) => (m[1] ?? m[2] ?? '').trim())
    .filter((s) => s !== '' && !/[:：]$/.test(s));
  if (segments.length === 0) return undefined;
  return segments.map((s) => clean(stripMarkdown(s))).join(' ; ');
}

/** The clauses of an answer in order, cleaned. */
export function answerClauses(answer: string): string[] {
  const plain = stripMarkdown(answer).replace(LIST_MARKER, '');
  return removeAsides(plain)
    .split(CLAUSE_END)
    .map((c) => c.replace(TAIL, '').trim())
    .filter((c) => c !== '');
}

/**
 * The stated answer (see above): the bold text if `states` finds something in it, else the
 * first clause `states` finds something in; undefined when nothing states anything.
 */
export function statedSpan(answer: string, states: (text: string) => boolean): string | undefined {
  const bold = boldText(answer);
  if (bold !== undefined && states(bold)) return bold;
  return answerClauses(answer).find(states);
}

// ---------------------------------------------------------------------------
// Claims inside a span.

/** Word sequences that deny the value after them. */
const NEGATIONS = [
  ['not'],
  ['never'],
  ['rather', 'than'],
  ['instead', 'of'],
  ['other', 'than'],
  ['as', 'opposed', 'to'],
];
/** …and words that name a wrong value without claiming it ("Brasília replaced Rio de Janeiro"). */
const CONTRASTS = [...NEGATIONS, ['unlike'], ['replaced'], ['replacing'], ['formerly'], ['previously']];
/** Words that may stand between a negation and its value ("not a Monday", "not in Sydney"). */
const FILLERS = new Set(['a', 'an', 'the', 'in', 'on', 'at']);

/** True when the words before index `at` end with one of `markers` (short fillers allowed in between). */
function deniedAt(hay: readonly string[], at: number, markers: readonly (readonly string[])[]): boolean {
  for (let skip = 0; skip <= 2; skip++) {
    const end = at - skip;
    if (skip > 0 && !FILLERS.has(hay[end] ?? '')) return false;
    // "isn't", "don't": the words are split at the apostrophe, "isn" + "t".
    if (hay[end - 1] === 't' && /n$/.test(hay[end - 2] ?? '')) return true;
    for (const marker of markers) {
      const from = end - marker.length;
      if (from >= 0 && marker.every((w, i) => hay[from + i] === w)) return true;
    }
  }
  return false;
}

/**
 * True when `text` claims `phrase`: its words appear in order, as whole words, and not right
 * after a negation (`contrast`: or a contrast, for wrong values).
 */
export function claimsPhrase(text: string, phrase: string, contrast = false): boolean {
  const needle = words(phrase);
  if (needle.length === 0) return false;
  const hay = words(text);
  const markers = contrast ? CONTRASTS : NEGATIONS;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    if (!deniedAt(hay, i, markers)) return true;
  }
  return false;
}

const NEGATED_BEFORE =
  /(?:(?<![\p{L}])(?:not|never|rather than|instead of|other than|as opposed to|unlike)|n['’]t)\s+(?:(?:a|an|the|on|about|around|approximately|exactly)\s+)?[$€£¥]?\s*$/iu;
const UNIT_WORD = String.raw`[\p{L}°%²³µ$€£¥'’]+(?:\/[\p{L}²³]+)?`;
/** An arithmetic operator: a hyphen only with a space before it ("35 - 11", not "16-25"). */
const OPERATOR = String.raw`(?:[×*·/÷+−=≈x]|(?<=\s)-)`;
/** What an operator is followed by when it is one: a number, maybe in brackets or money. */
const OPERAND = String.raw`\s*\(?\s*[$€£¥]?\s*[\d.]`;
/** After a number: an operator, or "=", "≈", "is"… and another number — the number is working. */
const WORKING_AFTER = new RegExp(
  String.raw`^\s*(?:${UNIT_WORD}\s*){0,2}?(?:${OPERATOR}${OPERAND}|(?:is|are|equals|makes|gives|→|->)\s+(?:(?:about|approximately|roughly|around|exactly|~|≈)\s*)?[$€£¥]?\s*[\d.])`,
  'iu',
);
/** Before a number: an operator (not "=": what follows "=" is a result). */
const WORKING_BEFORE = /(?:[×*·/÷+−]|(?:^|\s)x|\s-)\s*\(?\s*[$€£¥]?\s*$/u;

/** Relative closeness for "the task states this number" (they are copied, not computed). */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/**
 * The numbers `text` claims: not in a full date, not working, not denied, not stated by the
 * task (`given`).
 */
export function claimedNumbers(
  text: string,
  given: readonly number[],
  options: NumberOptions = {},
): number[] {
  const plain = withoutDates(text);
  return numberTokens(plain, options)
    .filter((t) => {
      const before = plain.slice(0, t.start);
      const after = plain.slice(t.end);
      if (NEGATED_BEFORE.test(before)) return false;
      if (WORKING_BEFORE.test(before) || WORKING_AFTER.test(after)) return false;
      return !given.some((g) => same(g, t.value));
    })
    .map((t) => t.value);
}

/** The full dates `text` claims (ISO): not denied, not stated by the task (`given`). */
export function claimedDates(text: string, given: readonly string[]): string[] {
  return dateTokens(text)
    .filter((d) => !NEGATED_BEFORE.test(text.slice(0, d.start)) && !given.includes(d.iso))
    .map((d) => d.iso);
}
