import { AbortError } from '../errors';
import type { RunEvent } from '../types';
import type { RunContext } from './context';
import { giveUp } from './ending';
import type { TurnPosition } from './turn';

/** A round has ended the run (its last events are out). */
export const RUN_OVER = 'over';

/** How a round ends: the run is over, or it goes on at step `next`. */
export type RoundEnd = typeof RUN_OVER | { next: number };

/** One planner turn (or backbone turn) and what follows from it, starting at `at.step`. */
export type Round = (ctx: RunContext, at: TurnPosition) => AsyncGenerator<RunEvent, RoundEnd, undefined>;

/**
 * Plays rounds from `start` until one ends the run or the step limit is reached. Each round
 * is given the step it starts at and says where the next one starts.
 */
export async function* playRounds(
  ctx: RunContext,
  start: TurnPosition,
  round: Round,
): AsyncGenerator<RunEvent, void, undefined> {
  let step = start.step;
  for (let turn = start.turn; turn <= ctx.maxSteps; turn++) {
    if (ctx.signal.aborted) throw new AbortError();
    const end = yield* round(ctx, { step, turn });
    if (end === RUN_OVER) return;
    step = end.next;
  }
  yield* giveUp(ctx, 'step_limit');
}
