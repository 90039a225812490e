import type { ReferenceStep } from '../types';

/** Builders for worked solutions, so the task files read as the solution they describe. */

export function call(thought: string, name: string, args: Record<string, unknown>): ReferenceStep {
  return { thought, call: { name, arguments: args } };
}

export function answer(thought: string, text: string): ReferenceStep {
  return { thought, answer: text };
}

export function giveUp(thought: string): ReferenceStep {
  return { thought, giveUp: true };
}
