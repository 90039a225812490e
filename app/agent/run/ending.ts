import type { RunEvent } from '../types';
import type { RunContext } from './context';

type GiveUpReason = Extract<RunEvent, { type: 'give_up' }>['reason'];

/** Ends the run without an answer. Only hitting the step limit has an outcome of its own. */
export async function* giveUp(
  ctx: RunContext,
  reason: GiveUpReason,
): AsyncGenerator<RunEvent, void, undefined> {
  yield { type: 'give_up', reason, at: ctx.now() };
  yield { type: 'run_finished', outcome: reason === 'step_limit' ? 'step_limit' : 'give_up', at: ctx.now() };
}

/** Ends the run with the answer written at `step`; an empty answer is a give-up, not a success. */
export async function* finishWithAnswer(
  ctx: RunContext,
  step: number,
  answer: string,
): AsyncGenerator<RunEvent, void, undefined> {
  if (answer.trim() === '') {
    yield* giveUp(ctx, 'empty_answer');
    return;
  }
  yield { type: 'answer', step, text: answer, at: ctx.now() };
  yield { type: 'run_finished', outcome: 'answer', at: ctx.now() };
}
