import type { TraceStep } from '../../agent/trace';
import type { Role } from '../../agent/types';

/** A box of the flow strip: a model role, or the tool the caller's call runs. */
export type FlowNode = Role | 'tool';

/**
 * The boxes a run has lit, in order: each step's role, followed by `tool` when the step ran
 * a tool. Derived from the trace rather than sampled from "who is active now", so a tool
 * call that starts and ends within one rendered frame still counts as a hand-off.
 */
export function flowSequence(steps: readonly Pick<TraceStep, 'role' | 'tool'>[]): FlowNode[] {
  const nodes: FlowNode[] = [];
  for (const step of steps) {
    nodes.push(step.role);
    if (step.tool) nodes.push('tool');
  }
  return nodes;
}

/** How many boxes of the sequence come from steps kept from the original run (a fork). */
export function carriedNodes(steps: readonly Pick<TraceStep, 'role' | 'tool' | 'carriedOver'>[]): number {
  let n = 0;
  for (const step of steps) {
    if (!step.carriedOver) break;
    n += step.tool ? 2 : 1;
  }
  return n;
}

/** At most this many hand-offs wait to be shown; older ones are skipped so the strip stays current. */
export const MAX_BACKLOG = 3;

/**
 * The next box index to show, given the last one shown and the sequence length. One step at a
 * time, so each hand-off plays; with a long backlog (a fast run), jump to the latest.
 */
export function nextShown(shown: number, length: number, reducedMotion: boolean): number {
  const last = length - 1;
  if (shown >= last) return shown;
  if (reducedMotion || last - shown > MAX_BACKLOG) return last;
  return shown + 1;
}
