import { AbortError, toErrorData } from '../errors';
import type { CallerParse, NamedErrorData, RunEvent, ToolCall, ToolResult } from '../types';
import type { RunContext } from './context';

export const OBSERVATION_LIMIT = 1024;

/** Cuts an observation to what the models are trained to read: 1024 characters plus `...`. */
export function truncateObservation(text: string): string {
  return text.length > OBSERVATION_LIMIT ? `${text.slice(0, OBSERVATION_LIMIT)}...` : text;
}

/**
 * A step whose output cannot be used (an empty plan, a malformed call). The error is fed
 * back as the observation, phrased as a failed call of `toolName`, so the planner reads it on
 * its next turn the way it reads any tool failure and can correct itself.
 */
export async function* failStep(
  ctx: RunContext,
  step: number,
  error: NamedErrorData,
  toolName: string,
): AsyncGenerator<RunEvent, void, undefined> {
  const observation = truncateObservation(
    ctx.session.formatObservation(
      { ok: false, error, logs: [], durationMs: 0 },
      { name: toolName, arguments: {} },
    ),
  );
  yield* reportStepError(ctx, step, error, observation);
}

/** Shows a step error and puts its observation into the conversation. */
export async function* reportStepError(
  ctx: RunContext,
  step: number,
  error: NamedErrorData,
  observation: string,
): AsyncGenerator<RunEvent, void, undefined> {
  yield { type: 'step_error', step, error, observation, at: ctx.now() };
  ctx.session.record({ kind: 'observation', text: observation });
}

/** Executes the call parsed at `step` (or reports why it cannot run) and records the observation. */
export async function* act(
  ctx: RunContext,
  step: number,
  parsed: CallerParse,
): AsyncGenerator<RunEvent, void, undefined> {
  if (!parsed.ok && parsed.kind !== 'unknown_tool') {
    yield* failStep(ctx, step, { name: 'CallerOutputError', message: parsed.message }, parsed.name ?? 'none');
    return;
  }
  // A hallucinated tool still goes to the runner: its "No such function name" answer is the
  // observation the models were trained on, and the trace shows the call that was attempted.
  const call: ToolCall = parsed.ok ? parsed.call : { name: parsed.name ?? 'none', arguments: {} };
  yield { type: 'tool_call', step, call, at: ctx.now() };
  const result = await runTool(ctx, call);
  const observation = truncateObservation(ctx.session.formatObservation(result, call));
  yield { type: 'tool_result', step, result, observation, at: ctx.now() };
  // A call the user stopped still shows its result, but the run must not go on from it.
  if (ctx.signal.aborted) throw new AbortError();
  ctx.session.record({ kind: 'observation', text: observation });
}

/** Runners report tool failures as results; one that throws anyway is turned into one too. */
async function runTool(ctx: RunContext, call: ToolCall): Promise<ToolResult> {
  const { config, signal } = ctx;
  try {
    return await config.tools.run(call, {
      signal,
      ...(config.toolTimeoutMs !== undefined ? { timeoutMs: config.toolTimeoutMs } : {}),
    });
  } catch (error) {
    return { ok: false, error: toErrorData(error), logs: [], durationMs: 0 };
  }
}
