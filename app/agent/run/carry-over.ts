import type { TraceStep } from '../trace';
import type { DialectSession, RunEvent, StepParse } from '../types';
import { reportStepError } from './act';
import type { RunContext } from './context';
import type { TurnPosition } from './turn';

type KeptStep = TraceStep & { parsed: StepParse };

/** Usage of a kept step that recorded none: zero, and marked as not measured. */
const NO_USAGE = {
  promptTokens: 0,
  completionTokens: 0,
  timeToFirstTokenMs: 0,
  decodeTokensPerSecond: 0,
  wallMs: 0,
  simulated: true,
} as const;

/**
 * Fork: replays the kept steps of an earlier run into the conversation and the event stream,
 * as steps 0, 1, … Returns where the run goes on: the next step index and planner turn.
 */
export async function* carryOver(
  ctx: RunContext,
  prefix: readonly TraceStep[],
): AsyncGenerator<RunEvent, TurnPosition, undefined> {
  const kept = finishedSteps(prefix);
  for (const [step, keptStep] of kept.entries()) yield* replayStep(ctx, step, keptStep);
  return { step: kept.length, turn: (kept.at(-1)?.turn ?? 0) + 1 };
}

/** Only finished steps can be kept: the prefix is cut at the first one without a parsed output. */
function finishedSteps(prefix: readonly TraceStep[]): KeptStep[] {
  const end = prefix.findIndex((s) => !s.parsed || s.parsed.role !== s.role);
  return (end === -1 ? prefix : prefix.slice(0, end)) as KeptStep[];
}

async function* replayStep(
  ctx: RunContext,
  step: number,
  kept: KeptStep,
): AsyncGenerator<RunEvent, void, undefined> {
  const { now, session } = ctx;
  // The prompt is asked for again so the step shows what this run's conversation holds.
  const request = session.request(kept.role);
  yield {
    type: 'role_started',
    step,
    turn: kept.turn,
    role: kept.role,
    model: kept.model,
    prompt: request.prompt,
    ...(request.constraint ? { constraint: request.constraint } : {}),
    carriedOver: true,
    at: now(),
  };
  yield {
    type: 'role_finished',
    step,
    raw: kept.raw,
    usage: kept.usage ?? { ...NO_USAGE },
    finishReason: kept.finishReason ?? 'stop',
    parsed: kept.parsed,
    at: now(),
  };
  recordOutput(session, kept.raw, kept.parsed);
  yield* replayObservation(ctx, step, kept);
}

/** What the kept step fed back: its tool's observation, or its step error's. */
async function* replayObservation(
  ctx: RunContext,
  step: number,
  kept: KeptStep,
): AsyncGenerator<RunEvent, void, undefined> {
  const { now, session } = ctx;
  if (kept.tool?.result && kept.tool.observation !== undefined) {
    yield { type: 'tool_call', step, call: kept.tool.call, at: now() };
    yield {
      type: 'tool_result',
      step,
      result: kept.tool.result,
      observation: kept.tool.observation,
      at: now(),
    };
    session.record({ kind: 'observation', text: kept.tool.observation });
  } else if (kept.error?.observation !== undefined) {
    const { observation, ...error } = kept.error;
    yield* reportStepError(ctx, step, error, observation);
  }
}

function recordOutput(session: DialectSession, raw: string, parsed: StepParse): void {
  if (parsed.role === 'planner') session.record({ kind: 'planner', raw, parsed: parsed.result });
  else if (parsed.role === 'caller') session.record({ kind: 'caller', raw, parsed: parsed.result });
  else if (parsed.role === 'summarizer') session.record({ kind: 'summarizer', raw });
  else session.record({ kind: 'backbone', raw, parsed: parsed.result });
}
