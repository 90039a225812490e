import { diffLines, diffWordsWithSpace } from 'diff';

/** A run of text common to both sides, only on the left (removed), or only on the right (added). */
export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

/** Past this, a word diff of two long, very different texts costs more than it shows. */
const TIMEOUT_MS = 50;

/**
 * The difference between two texts (jsdiff): by words for outputs and arguments, by lines for
 * prompts. When a diff would take too long, the whole texts stand as removed and added.
 */
export function textDiff(left: string, right: string, by: 'words' | 'lines' = 'words'): DiffPart[] {
  if (left === right) return left ? [{ text: left, change: 'same' }] : [];
  const changes =
    by === 'lines'
      ? diffLines(left, right, { timeout: TIMEOUT_MS })
      : diffWordsWithSpace(left, right, { timeout: TIMEOUT_MS });
  if (!changes)
    return [
      { text: left, change: 'removed' as const },
      { text: right, change: 'added' as const },
    ].filter((p) => p.text);
  return changes.map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
}

/** The parts one side shows: its own text, with what the other side lacks marked. */
export const sideParts = (parts: readonly DiffPart[], side: 'left' | 'right'): DiffPart[] =>
  parts.filter((p) => p.change === 'same' || p.change === (side === 'left' ? 'removed' : 'added'));
