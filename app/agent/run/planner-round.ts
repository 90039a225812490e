import {
  parseCallerAlphaUmi,
  parseCallerChat,
  parsePlannerAlphaUmi,
  parsePlannerChat,
  parseSummarizer,
} from '../parse';
import type { RunEvent, StepParse } from '../types';
import { act, failStep } from './act';
import type { RunContext } from './context';
import { finishWithAnswer, giveUp } from './ending';
import { type RoundEnd, RUN_OVER } from './round';
import { roleTurn, type TurnPosition } from './turn';

/**
 * `multi` and `shared` modes: one planner turn at `at.step`, then what it decided: a caller
 * turn and its tool call, the summarizer's answer, or giving up. Both modes play the same
 * three roles; they differ only in whether one model or three were passed in.
 */
export async function* plannerRound(
  ctx: RunContext,
  at: TurnPosition,
): AsyncGenerator<RunEvent, RoundEnd, undefined> {
  const { session } = ctx;
  const plan = yield* roleTurn(ctx, 'planner', at, (text) => parsePlanner(ctx, text));
  session.record({ kind: 'planner', raw: plan.raw, parsed: plan.parsed });
  if (plan.raw.trim() === '') {
    // An empty plan would send the caller off with nothing to do: it is an error the
    // planner is told about on its next turn (and the turn counts toward the step limit).
    const error = {
      name: 'EmptyOutputError',
      message: 'The planner wrote nothing. Write a thought and a decision.',
    };
    yield* failStep(ctx, at.step, error, 'none');
    return { next: at.step + 1 };
  }
  if (plan.parsed.decision === 'give_up') {
    yield* giveUp(ctx, 'planner');
    return RUN_OVER;
  }
  const next = { step: at.step + 1, turn: at.turn };
  if (plan.parsed.decision === 'conclusion') {
    const answer = yield* roleTurn(ctx, 'summarizer', next, parseAnswer);
    session.record({ kind: 'summarizer', raw: answer.raw });
    yield* finishWithAnswer(ctx, next.step, answer.parsed.answer);
    return RUN_OVER;
  }
  const call = yield* roleTurn(ctx, 'caller', next, (text) => parseCaller(ctx, text));
  session.record({ kind: 'caller', raw: call.raw, parsed: call.parsed });
  yield* act(ctx, next.step, call.parsed);
  return { next: next.step + 1 };
}

function parsePlanner(ctx: RunContext, text: string): StepParse & { role: 'planner' } {
  const chat = ctx.config.dialect === 'chat';
  return { role: 'planner', result: chat ? parsePlannerChat(text) : parsePlannerAlphaUmi(text) };
}

function parseCaller(ctx: RunContext, text: string): StepParse & { role: 'caller' } {
  const chat = ctx.config.dialect === 'chat';
  return {
    role: 'caller',
    result: chat ? parseCallerChat(text, ctx.tools) : parseCallerAlphaUmi(text, ctx.tools),
  };
}

function parseAnswer(text: string): StepParse & { role: 'summarizer' } {
  return { role: 'summarizer', result: parseSummarizer(text) };
}
