import { type ContextCut, fitMessages } from '../context-budget';
import { AbortError } from '../errors';
import { streamGeneration } from '../generation';
import { splitThinking } from '../thinking';
import type { Role, RoleModel, RoleRequest, RunEvent, SamplingSettings, StepParse } from '../types';
import { modelInfo, type RunContext } from './context';

/** Where a model turn sits in the run: its step index (0-based) and its planner turn (1-based). */
export interface TurnPosition {
  step: number;
  turn: number;
}

/** What a turn hands back: the output that takes effect (the reviewer's edit, if any), parsed. */
export interface TurnOutput<P extends StepParse> {
  raw: string;
  parsed: P['result'];
}

/**
 * One model turn of `role` as step `at.step`: emits role_started, the token deltas and
 * role_finished, then (step-through) lets the reviewer replace the output.
 */
export async function* roleTurn<P extends StepParse>(
  ctx: RunContext,
  role: P['role'],
  at: TurnPosition,
  parse: (text: string) => P,
): AsyncGenerator<RunEvent, TurnOutput<P>, undefined> {
  const { config, now } = ctx;
  const model = config.models[role] as RoleModel;
  const sampling = ctx.sampling[role] as SamplingSettings;
  const { request, contextCut } = fitToWindow(ctx, role, model, sampling);
  yield {
    type: 'role_started',
    step: at.step,
    turn: at.turn,
    role,
    model: modelInfo(model),
    prompt: request.prompt,
    ...(request.constraint ? { constraint: request.constraint } : {}),
    ...(contextCut ? { contextCut } : {}),
    at: now(),
  };
  const result = yield* streamGeneration(model, at.step, {
    ...request,
    role,
    sampling,
    context: {
      task: config.task,
      mode: config.mode,
      dialect: config.dialect,
      turn: at.turn,
      tools: ctx.toolNames,
    },
    signal: ctx.signal,
  });
  // A reasoning model's think block is shown in the step, never parsed or passed on.
  const { thinking, answer } = splitThinking(result.text);
  const parsed = parse(answer);
  yield {
    type: 'role_finished',
    step: at.step,
    raw: answer,
    ...(thinking ? { thinking } : {}),
    usage: result.usage,
    finishReason: result.finishReason,
    parsed,
    at: now(),
  };
  if (!config.review) return { raw: answer, parsed: parsed.result };
  return yield* review(ctx, role, at.step, { raw: answer, parsed }, parse);
}

/** Keeps a role's prompt inside the model's window, leaving room for the output. */
function fitToWindow(
  ctx: RunContext,
  role: Role,
  model: RoleModel,
  sampling: SamplingSettings,
): { request: RoleRequest; contextCut?: ContextCut } {
  if (!model.contextWindow) return { request: ctx.session.request(role) };
  const budget = model.contextWindow - sampling.maxTokens;
  if (ctx.session.requestWithin) {
    const fitted = ctx.session.requestWithin(role, budget);
    return fitted.cut ? { request: fitted.request, contextCut: fitted.cut } : { request: fitted.request };
  }
  const request = ctx.session.request(role);
  if (request.prompt.kind !== 'messages') return { request };
  const fitted = fitMessages(request.prompt.messages, budget);
  const fittedRequest = { ...request, prompt: { kind: 'messages' as const, messages: fitted.messages } };
  return fitted.cut ? { request: fittedRequest, contextCut: fitted.cut } : { request: fittedRequest };
}

/** Step-through: waits for the reviewer, who may replace the output before it takes effect. */
async function* review<P extends StepParse>(
  ctx: RunContext,
  role: Role,
  step: number,
  output: { raw: string; parsed: P },
  parse: (text: string) => P,
): AsyncGenerator<RunEvent, TurnOutput<P>, undefined> {
  const { now, signal } = ctx;
  const { raw } = output;
  const reviewer = ctx.config.review as NonNullable<typeof ctx.config.review>;
  yield { type: 'review_started', step, at: now() };
  const decision = await untilAborted(signal, reviewer({ step, role, raw, signal }));
  if (decision.raw === undefined || decision.raw === raw) {
    yield { type: 'review_finished', step, at: now() };
    return { raw, parsed: output.parsed.result };
  }
  const edited = parse(decision.raw);
  yield {
    type: 'review_finished',
    step,
    edited: { raw: decision.raw, parsed: edited, originalRaw: raw },
    at: now(),
  };
  return { raw: decision.raw, parsed: edited.result };
}

/** Waits for `promise` unless the run is stopped first: a reviewer may never answer. */
function untilAborted<T>(signal: AbortSignal, promise: Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(new AbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
