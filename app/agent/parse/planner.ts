import type { PlannerDecision, PlannerParse } from '../types';
import { stripEos } from './json';

const ALPHA_UMI_MARKERS: ReadonlyArray<readonly [string, PlannerDecision]> = [
  // Order is precedence, as in the reference inference code.
  ['Next: give up.', 'give_up'],
  ['Next: conclusion.', 'conclusion'],
  ['Next: caller.', 'caller'],
];

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

function toCaller(text: string, markerCount: number): PlannerParse {
  return { decision: 'caller', thought: text.trim(), kept: text, markerCount };
}

/**
 * α-UMi planner output: free text containing `Next: caller.`, `Next: conclusion.` or
 * `Next: give up.`, matched exactly (case and period included) by substring. Precedence is
 * the reference code's: give up, then conclusion, then caller; no marker routes to the
 * caller. `kept` ends at the FIRST occurrence of the chosen marker (the reference uses
 * `str.index`). `thought` is the text before that marker, trimmed, and may contain other
 * markers when the output had several.
 */
export function parsePlannerAlphaUmi(text: string): PlannerParse {
  const body = stripEos(text);
  const markerCount = ALPHA_UMI_MARKERS.reduce((n, [marker]) => n + countOccurrences(body, marker), 0);
  for (const [marker, decision] of ALPHA_UMI_MARKERS) {
    const at = body.indexOf(marker);
    if (at >= 0) {
      return {
        decision,
        thought: body.slice(0, at).trim(),
        kept: body.slice(0, at + marker.length),
        markerCount,
      };
    }
  }
  return toCaller(body, 0);
}

// `Next: <role>` with Markdown decoration (bold, italics, backticks, heading or list marks)
// allowed around any part, any case, a final period or exclamation mark.
// Decoration never spans a newline, so a marker is always on one line.
const DECORATION = String.raw`[ \t*_\x60]*`;
const ROLE = String.raw`(caller|summarizer|conclusion|give[ \t_-]*up)(?![A-Za-z0-9])`;
// One character class after the role (not `deco [.!]? deco`): adjacent optional runs of the
// same characters backtrack quadratically on long garbage lines.
const MARKER_SOURCE = String.raw`next${DECORATION}[:：]${DECORATION}${ROLE}[ \t*_\x60.!]*`;
const LINE_MARKER = new RegExp(String.raw`^[\s>#*_\x60-]*${MARKER_SOURCE}$`, 'i');
const INLINE_MARKER = new RegExp(`(?<![A-Za-z0-9])${MARKER_SOURCE}`, 'gi');

function chatDecision(role: string): PlannerDecision {
  const r = role.toLowerCase();
  if (r === 'caller') return 'caller';
  if (r === 'summarizer' || r === 'conclusion') return 'conclusion';
  return 'give_up';
}

interface Found {
  start: number;
  end: number;
  role: string;
}

function lineMarkers(text: string): Found[] {
  const found: Found[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/\r$/, '');
    const m = LINE_MARKER.exec(content);
    if (m?.[1] !== undefined) found.push({ start, end: start + content.trimEnd().length, role: m[1] });
    start += line.length + 1;
  }
  return found;
}

/**
 * Chat planner output: a short thought, then a last line `Next: caller`, `Next: summarizer`
 * or `Next: give up` (grammar-enforced on engines that can; parsed leniently for those that
 * cannot). Rules, in order:
 * 1. Lines that are nothing but a marker (any case, optional period, Markdown bold or
 *    backticks, `conclusion` as a synonym of `summarizer`): the LAST such line wins.
 * 2. Else a marker inside a line (`... so, Next: summarizer.`): the LAST one wins.
 * 3. Else the caller, with markerCount 0 (the same default as the α-UMi dialect).
 * `kept` ends with the chosen marker (its whole line in case 1); `thought` is the text before
 * the marker (before its line in case 1), trimmed. `markerCount` counts every marker found.
 */
export function parsePlannerChat(text: string): PlannerParse {
  const body = stripEos(text);
  const inline: Found[] = [];
  for (const m of body.matchAll(INLINE_MARKER)) {
    if (m[1] !== undefined) inline.push({ start: m.index, end: m.index + m[0].trimEnd().length, role: m[1] });
  }
  if (inline.length === 0) return toCaller(body, 0);
  const chosen = lineMarkers(body).at(-1) ?? inline.at(-1);
  if (!chosen) return toCaller(body, 0);
  return {
    decision: chatDecision(chosen.role),
    thought: body.slice(0, chosen.start).trim(),
    kept: body.slice(0, chosen.end),
    markerCount: inline.length,
  };
}
