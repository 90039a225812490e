import type { BackboneParse, ToolDefinition } from '../types';
import { parseCallerAlphaUmi } from './caller';
import { stripEos } from './json';

/*
 * The single-model GLPFT format. Training targets (train_backbone.json) are written as
 *   call:       `thought\nAction: name\nAction Input: {...}`
 *   conclusion: `thought\nconclusion: answer`
 *   give up:    `thought\nconclusion: give up.`
 * Precedence follows the reference evaluation (`parse_output` in evaluate-backbone.py):
 *   1. give up    — `conclusion: give up` anywhere (any case, `Final Answer:` too), or a line
 *                   that is only a give-up (`give up.`, `I give up`, `Next: give up.`);
 *   2. conclusion — the exact `conclusion: ` anywhere (answer after its LAST occurrence, as the
 *                   reference `rindex`); else a line starting with `Conclusion:` or
 *                   `Final Answer:` in any case (answer after the last such line label);
 *   3. call       — everything else, parsed by parseCallerAlphaUmi on the whole text (last
 *                   `Action:` / `Action Input:` win). Text with neither marker is a call whose
 *                   caller result is `no_action` (or `empty` for empty output).
 * So a thought that mentions `conclusion: ` followed by an Action is a conclusion, exactly as
 * the reference scores it.
 */

const LABEL = String.raw`(?:conclusion|final[ \t]+answer)[ \t*_]*:[ \t*_]*`;
const GIVE_UP_WORDS = String.raw`give[ \t_-]*up(?![A-Za-z0-9])`;
const GIVE_UP = new RegExp(
  String.raw`${LABEL}${GIVE_UP_WORDS}[*_]*[.!]?|^[ \t>#*_-]*(?:next[ \t*_]*:[ \t*_]*)?(?:i[ \t]+)?${GIVE_UP_WORDS}[ \t*_\x60.!]*$`,
  'im',
);
const LENIENT_CONCLUSION = new RegExp(String.raw`^[ \t>#*_]*${LABEL}`, 'gim');
const EXACT_CONCLUSION = 'conclusion: ';

function conclusionAt(body: string): { start: number; answerStart: number } | null {
  const exact = body.lastIndexOf(EXACT_CONCLUSION);
  if (exact >= 0) return { start: exact, answerStart: exact + EXACT_CONCLUSION.length };
  const last = [...body.matchAll(LENIENT_CONCLUSION)].at(-1);
  return last ? { start: last.index, answerStart: last.index + last[0].length } : null;
}

/** Parses a backbone output (the `single` run mode). Never throws; see the precedence above. */
export function parseBackbone(text: string, tools: readonly ToolDefinition[]): BackboneParse {
  const body = stripEos(text);
  const giveUp = GIVE_UP.exec(body);
  if (giveUp) {
    const end = giveUp.index + giveUp[0].trimEnd().length;
    return { kind: 'give_up', thought: body.slice(0, giveUp.index).trim(), kept: body.slice(0, end) };
  }
  const conclusion = conclusionAt(body);
  if (conclusion) {
    return {
      kind: 'conclusion',
      thought: body.slice(0, conclusion.start).trim(),
      answer: body.slice(conclusion.answerStart).trim(),
      kept: body,
    };
  }
  const action = body.lastIndexOf('Action:');
  const callStart = action >= 0 ? action : body.lastIndexOf('Action Input:');
  const thought = (callStart >= 0 ? body.slice(0, callStart) : body).trim();
  return { kind: 'call', thought, caller: parseCallerAlphaUmi(body, tools), kept: body };
}
