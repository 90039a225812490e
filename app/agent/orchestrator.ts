import { type ContextCut, fitMessages } from './context-budget';
import { createAlphaUmiSession } from './dialects/alpha-umi/session';
import { createChatSession } from './dialects/chat/session';
import { AbortError, isAbortError, MissingModelError, toErrorData } from './errors';
import { streamGeneration } from './generation';
import {
  parseBackbone,
  parseCallerAlphaUmi,
  parseCallerChat,
  parsePlannerAlphaUmi,
  parsePlannerChat,
  parseSummarizer,
} from './parse';
import { splitThinking } from './thinking';
import type { TraceStep } from './trace';
import type {
  CallerParse,
  Dialect,
  DialectSession,
  Role,
  RoleModel,
  RoleModelInfo,
  RunEnvironment,
  RunEvent,
  RunMode,
  SamplingSettings,
  StepParse,
  ToolCall,
  ToolDefinition,
  ToolDocStyle,
  ToolRunner,
  TraceOrigin,
} from './types';
import { DEFAULT_SAMPLING } from './types';

export const DEFAULT_MAX_STEPS = 10;
export const OBSERVATION_LIMIT = 1024;

export interface RunConfig {
  task: string;
  mode: RunMode;
  dialect: Dialect;
  /**
   * The model of each role the mode uses: `multi` needs planner, caller and summarizer;
   * `shared` passes one model for all three; `single` needs `backbone`.
   */
  models: Partial<Record<Role, RoleModel>>;
  /** Why models are missing, when the caller knows (a tiny model that failed to load). */
  modelsUnavailable?: Error;
  tools: ToolRunner;
  /** Planner turns (backbone turns in `single` mode) before the run gives up. */
  maxSteps?: number;
  sampling?: Partial<Record<Role, Partial<SamplingSettings>>>;
  systemPrompts?: Partial<Record<Role, string>>;
  toolTimeoutMs?: number;
  /** Recorded in the trace: what made this run (see `Trace.origin`, `Trace.env`). */
  origin?: TraceOrigin;
  env?: RunEnvironment;
  /**
   * Step-through: called after each model turn, before its output takes effect. Resolve with
   * `{ raw }` to replace the output (recorded as an edit), or `{}` to go on unchanged.
   */
  review?: (request: {
    step: number;
    role: Role;
    raw: string;
    signal: AbortSignal;
  }) => Promise<{ raw?: string }>;
  signal?: AbortSignal;
  /**
   * Fork: the first steps of an earlier run, kept as they were (ending before a planner or
   * backbone turn). They are replayed into the conversation, then the run goes on from there.
   */
  prefix?: readonly TraceStep[];
  runId?: string;
  now?: () => number;
}

const ROLES_BY_MODE: Record<RunMode, Role[]> = {
  multi: ['planner', 'caller', 'summarizer'],
  shared: ['planner', 'caller', 'summarizer'],
  single: ['backbone'],
};

/** Cuts an observation to what the models are trained to read: 1024 characters plus `...`. */
export function truncateObservation(text: string): string {
  return text.length > OBSERVATION_LIMIT ? `${text.slice(0, OBSERVATION_LIMIT)}...` : text;
}

function createSession(config: RunConfig, tools: ToolDefinition[]): DialectSession {
  // Each model's prompts list the tools in the style it was trained on (tiny models: compact).
  const toolDocs: Partial<Record<Role, ToolDocStyle>> = {};
  for (const [role, model] of Object.entries(config.models) as [Role, RoleModel | undefined][]) {
    if (model?.toolDocs) toolDocs[role] = model.toolDocs;
  }
  const options = {
    task: config.task,
    tools,
    ...(config.systemPrompts ? { systemPrompts: config.systemPrompts } : {}),
    ...(Object.keys(toolDocs).length > 0 ? { toolDocs } : {}),
  };
  return config.dialect === 'chat' ? createChatSession(options) : createAlphaUmiSession(options);
}

function modelInfo(model: RoleModel): RoleModelInfo {
  return { id: model.id, label: model.label, kind: model.kind };
}

function newRunId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `run-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Runs one task through the α-UMi loop and yields what happens as typed events. The
 * generator always ends with exactly one `run_finished`; it never throws for model or
 * tool failures (they become `step_error` / `run_error` events).
 */
export async function* runAgent(config: RunConfig): AsyncGenerator<RunEvent, void, undefined> {
  const now = config.now ?? Date.now;
  const signal = config.signal ?? new AbortController().signal;
  const maxSteps = config.maxSteps ?? DEFAULT_MAX_STEPS;
  const roles = ROLES_BY_MODE[config.mode];
  const toolDefs = config.tools.list();
  const toolNames = toolDefs.map((t) => t.name);
  const sampling: Partial<Record<Role, SamplingSettings>> = {};
  const models: Partial<Record<Role, RoleModelInfo>> = {};
  for (const role of roles) {
    sampling[role] = { ...DEFAULT_SAMPLING[role], ...config.sampling?.[role] };
    const model = config.models[role];
    if (model) models[role] = modelInfo(model);
  }

  yield {
    type: 'run_started',
    runId: config.runId ?? newRunId(),
    task: config.task,
    mode: config.mode,
    dialect: config.dialect,
    tools: toolDefs,
    models,
    sampling,
    maxSteps,
    ...(config.origin ? { origin: config.origin } : {}),
    ...(config.env ? { env: config.env } : {}),
    at: now(),
  };

  const missing = roles.filter((role) => !config.models[role]);
  if (missing.length > 0) {
    const error =
      config.modelsUnavailable ??
      new MissingModelError(
        `No model is loaded for: ${missing.join(', ')}. Load the models first (Models on your GPU), or choose the scripted demo.`,
      );
    yield { type: 'run_error', error: toErrorData(error), at: now() };
    yield { type: 'run_finished', outcome: 'error', at: now() };
    return;
  }

  const session = createSession(config, toolDefs);
  const isChat = config.dialect === 'chat';
  let step = 0;

  /** One role turn: emits role_started, token deltas and role_finished; returns the raw text. */
  async function* turnOf<P extends StepParse>(
    role: P['role'],
    turn: number,
    parse: (text: string) => P,
  ): AsyncGenerator<RunEvent, { raw: string; parsed: P['result'] }, undefined> {
    const model = config.models[role] as RoleModel;
    const request = session.request(role);
    const roleSampling = sampling[role] as SamplingSettings;
    // Keep the conversation inside the model's window, leaving room for the output.
    let contextCut: ContextCut | undefined;
    if (model.contextWindow && request.prompt.kind === 'messages') {
      const fitted = fitMessages(request.prompt.messages, model.contextWindow - roleSampling.maxTokens);
      request.prompt = { kind: 'messages', messages: fitted.messages };
      contextCut = fitted.cut;
    }
    const index = step++;
    yield {
      type: 'role_started',
      step: index,
      turn,
      role,
      model: modelInfo(model),
      prompt: request.prompt,
      ...(request.constraint ? { constraint: request.constraint } : {}),
      ...(contextCut ? { contextCut } : {}),
      at: now(),
    };
    const result = yield* streamGeneration(model, index, {
      ...request,
      role,
      sampling: roleSampling,
      context: { task: config.task, mode: config.mode, dialect: config.dialect, turn, tools: toolNames },
      signal,
    });
    // A reasoning model's think block is shown in the step, never parsed or passed on.
    const { thinking, answer } = splitThinking(result.text);
    const parsed = parse(answer);
    yield {
      type: 'role_finished',
      step: index,
      raw: answer,
      ...(thinking ? { thinking } : {}),
      usage: result.usage,
      finishReason: result.finishReason,
      parsed,
      at: now(),
    };
    if (!config.review) return { raw: answer, parsed: parsed.result };
    yield { type: 'review_started', step: index, at: now() };
    const decision = await untilAborted(config.review({ step: index, role, raw: answer, signal }));
    if (decision.raw === undefined || decision.raw === answer) {
      yield { type: 'review_finished', step: index, at: now() };
      return { raw: answer, parsed: parsed.result };
    }
    const edited = parse(decision.raw);
    yield {
      type: 'review_finished',
      step: index,
      edited: { raw: decision.raw, parsed: edited, originalRaw: answer },
      at: now(),
    };
    return { raw: decision.raw, parsed: edited.result };
  }

  /** Replays kept steps into the session and the event stream; returns the next turn. */
  async function* carryOver(prefix: readonly TraceStep[]): AsyncGenerator<RunEvent, number, undefined> {
    let lastTurn = 0;
    for (const kept of prefix) {
      if (!kept.parsed || kept.parsed.role !== kept.role) break; // only finished steps can be kept
      const request = session.request(kept.role);
      const index = step++;
      lastTurn = kept.turn;
      yield {
        type: 'role_started',
        step: index,
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
        step: index,
        raw: kept.raw,
        usage: kept.usage ?? {
          promptTokens: 0,
          completionTokens: 0,
          timeToFirstTokenMs: 0,
          decodeTokensPerSecond: 0,
          wallMs: 0,
          simulated: true,
        },
        finishReason: kept.finishReason ?? 'stop',
        parsed: kept.parsed,
        at: now(),
      };
      const p = kept.parsed;
      if (p.role === 'planner') session.record({ kind: 'planner', raw: kept.raw, parsed: p.result });
      else if (p.role === 'caller') session.record({ kind: 'caller', raw: kept.raw, parsed: p.result });
      else if (p.role === 'summarizer') session.record({ kind: 'summarizer', raw: kept.raw });
      else session.record({ kind: 'backbone', raw: kept.raw, parsed: p.result });
      if (kept.tool?.result && kept.tool.observation !== undefined) {
        yield { type: 'tool_call', step: index, call: kept.tool.call, at: now() };
        yield {
          type: 'tool_result',
          step: index,
          result: kept.tool.result,
          observation: kept.tool.observation,
          at: now(),
        };
        session.record({ kind: 'observation', text: kept.tool.observation });
      } else if (kept.error?.observation !== undefined) {
        const { observation, ...error } = kept.error;
        yield { type: 'step_error', step: index, error, observation, at: now() };
        session.record({ kind: 'observation', text: observation });
      }
    }
    return lastTurn + 1;
  }

  /** Waits for `promise` unless the run is stopped first. */
  function untilAborted<T>(promise: Promise<T>): Promise<T> {
    if (signal.aborted) return Promise.reject(new AbortError());
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new AbortError());
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  const parsePlanner = (text: string): StepParse & { role: 'planner' } => ({
    role: 'planner',
    result: isChat ? parsePlannerChat(text) : parsePlannerAlphaUmi(text),
  });
  const parseCaller = (text: string): StepParse & { role: 'caller' } => ({
    role: 'caller',
    result: isChat ? parseCallerChat(text, toolDefs) : parseCallerAlphaUmi(text, toolDefs),
  });
  const parseAnswer = (text: string): StepParse & { role: 'summarizer' } => ({
    role: 'summarizer',
    result: parseSummarizer(text),
  });
  const parseSingle = (text: string): StepParse & { role: 'backbone' } => ({
    role: 'backbone',
    result: parseBackbone(text, toolDefs),
  });

  /** Executes a parsed call (or reports why it cannot run) and records the observation. */
  async function* act(parsed: CallerParse): AsyncGenerator<RunEvent, void, undefined> {
    const index = step - 1;
    if (!parsed.ok && parsed.kind !== 'unknown_tool') {
      const failed = { ok: false as const, error: { name: 'CallerOutputError', message: parsed.message } };
      const observation = truncateObservation(
        session.formatObservation(
          { ...failed, logs: [], durationMs: 0 },
          { name: parsed.name ?? 'none', arguments: {} },
        ),
      );
      yield { type: 'step_error', step: index, error: failed.error, observation, at: now() };
      session.record({ kind: 'observation', text: observation });
      return;
    }
    // A hallucinated tool still goes to the runner: its "No such function name" answer is the
    // observation the models were trained on, and the trace shows the call that was attempted.
    const call: ToolCall = parsed.ok ? parsed.call : { name: parsed.name ?? 'none', arguments: {} };
    yield { type: 'tool_call', step: index, call, at: now() };
    let result: Awaited<ReturnType<ToolRunner['run']>>;
    try {
      result = await config.tools.run(call, {
        signal,
        ...(config.toolTimeoutMs !== undefined ? { timeoutMs: config.toolTimeoutMs } : {}),
      });
    } catch (error) {
      result = { ok: false, error: toErrorData(error), logs: [], durationMs: 0 };
    }
    const observation = truncateObservation(session.formatObservation(result, call));
    yield { type: 'tool_result', step: index, result, observation, at: now() };
    if (signal.aborted) throw new AbortError();
    session.record({ kind: 'observation', text: observation });
  }

  try {
    const startTurn = config.prefix?.length ? yield* carryOver(config.prefix) : 1;
    for (let turn = startTurn; turn <= maxSteps; turn++) {
      if (signal.aborted) throw new AbortError();
      if (config.mode === 'single') {
        const { raw, parsed } = yield* turnOf('backbone', turn, parseSingle);
        session.record({ kind: 'backbone', raw, parsed });
        if (parsed.kind === 'give_up') {
          yield { type: 'give_up', reason: 'planner', at: now() };
          yield { type: 'run_finished', outcome: 'give_up', at: now() };
          return;
        }
        if (parsed.kind === 'conclusion') {
          yield* finishWithAnswer(step - 1, parsed.answer);
          return;
        }
        yield* act(parsed.caller);
        continue;
      }

      const { raw: plannerRaw, parsed: plan } = yield* turnOf('planner', turn, parsePlanner);
      session.record({ kind: 'planner', raw: plannerRaw, parsed: plan });
      if (plannerRaw.trim() === '') {
        // An empty plan would send the caller off with nothing to do: it is an error the
        // planner is told about on its next turn (and the turn counts toward the step limit).
        const error = {
          name: 'EmptyOutputError',
          message: 'The planner wrote nothing. Write a thought and a decision.',
        };
        const observation = truncateObservation(
          session.formatObservation(
            { ok: false, error, logs: [], durationMs: 0 },
            { name: 'none', arguments: {} },
          ),
        );
        yield { type: 'step_error', step: step - 1, error, observation, at: now() };
        session.record({ kind: 'observation', text: observation });
        continue;
      }
      if (plan.decision === 'give_up') {
        yield { type: 'give_up', reason: 'planner', at: now() };
        yield { type: 'run_finished', outcome: 'give_up', at: now() };
        return;
      }
      if (plan.decision === 'conclusion') {
        const { raw: answerRaw, parsed: answer } = yield* turnOf('summarizer', turn, parseAnswer);
        session.record({ kind: 'summarizer', raw: answerRaw });
        yield* finishWithAnswer(step - 1, answer.answer);
        return;
      }
      const { raw: callerRaw, parsed: call } = yield* turnOf('caller', turn, parseCaller);
      session.record({ kind: 'caller', raw: callerRaw, parsed: call });
      yield* act(call);
    }
    yield { type: 'give_up', reason: 'step_limit', at: now() };
    yield { type: 'run_finished', outcome: 'step_limit', at: now() };
  } catch (error) {
    if (isAbortError(error) || signal.aborted) {
      yield { type: 'run_finished', outcome: 'aborted', at: now() };
      return;
    }
    yield { type: 'run_error', step: Math.max(0, step - 1), error: toErrorData(error), at: now() };
    yield { type: 'run_finished', outcome: 'error', at: now() };
  }

  async function* finishWithAnswer(index: number, answer: string): AsyncGenerator<RunEvent, void, undefined> {
    if (answer.trim() === '') {
      yield { type: 'give_up', reason: 'empty_answer', at: now() };
      yield { type: 'run_finished', outcome: 'give_up', at: now() };
      return;
    }
    yield { type: 'answer', step: index, text: answer, at: now() };
    yield { type: 'run_finished', outcome: 'answer', at: now() };
  }
}
