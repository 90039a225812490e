import { parseBackbone } from '../parse';
import type { RunEvent, StepParse } from '../types';
import { act } from './act';
import type { RunContext } from './context';
import { finishWithAnswer, giveUp } from './ending';
import { type RoundEnd, RUN_OVER } from './round';
import { roleTurn, type TurnPosition } from './turn';

/**
 * `single` mode: one backbone turn at `at.step` writes the thought and either a tool call or
 * the conclusion, so one turn is one step (the GLPFT backbone format).
 */
export async function* backboneRound(
  ctx: RunContext,
  at: TurnPosition,
): AsyncGenerator<RunEvent, RoundEnd, undefined> {
  const { raw, parsed } = yield* roleTurn(ctx, 'backbone', at, (text) => parseSingle(ctx, text));
  ctx.session.record({ kind: 'backbone', raw, parsed });
  if (parsed.kind === 'give_up') {
    yield* giveUp(ctx, 'planner');
    return RUN_OVER;
  }
  if (parsed.kind === 'conclusion') {
    yield* finishWithAnswer(ctx, at.step, parsed.answer);
    return RUN_OVER;
  }
  yield* act(ctx, at.step, parsed.caller);
  return { next: at.step + 1 };
}

function parseSingle(ctx: RunContext, text: string): StepParse & { role: 'backbone' } {
  return { role: 'backbone', result: parseBackbone(text, ctx.tools) };
}
