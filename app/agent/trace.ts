import type { ContextCut } from './context-budget';
import type {
  Dialect,
  FinishReason,
  NamedErrorData,
  OutputConstraint,
  Prompt,
  Role,
  RoleModelInfo,
  RunEnvironment,
  RunEvent,
  RunMode,
  RunOutcome,
  SamplingSettings,
  StepParse,
  ToolCall,
  ToolDefinition,
  ToolResult,
  TraceOrigin,
  Usage,
} from './types';

/**
 * 2: `origin` and `env` (what made the run). Older files and stored traces are upgraded by
 * `trace-migrations.ts`; never change the shape without a new version and a migration.
 */
export const TRACE_VERSION = 2;

export type StepStatus = 'running' | 'done' | 'error' | 'aborted';

export interface TraceToolCall {
  call: ToolCall;
  status: StepStatus;
  result?: ToolResult;
  observation?: string;
  startedAt: number;
  endedAt?: number;
}

export interface TraceStep {
  index: number;
  /** 1-based planner turn this step belongs to. */
  turn: number;
  role: Role;
  model: RoleModelInfo;
  /** Exactly what the model saw. */
  prompt: Prompt;
  constraint?: OutputConstraint;
  status: StepStatus;
  /** The raw output, growing while the model streams. */
  raw: string;
  parsed?: StepParse;
  usage?: Usage;
  finishReason?: FinishReason;
  /** A reasoning model's think block, taken off `raw` (app/agent/thinking.ts). */
  thinking?: string;
  /** What was cut from the conversation to fit the model's window (app/agent/context-budget.ts). */
  contextCut?: ContextCut;
  startedAt: number;
  endedAt?: number;
  tool?: TraceToolCall;
  /** Unusable output (e.g. a malformed call), with the observation that was fed back. */
  error?: NamedErrorData & { observation?: string };
  /** A fork: kept from the original run, not generated again. */
  carriedOver?: boolean;
  /** Step-through: the run is waiting for the user to look at (and maybe edit) this output. */
  reviewing?: boolean;
  /** The user changed this output before it took effect: `raw`/`parsed` are the edited ones. */
  edit?: { originalRaw: string; originalParsed?: StepParse; at: number };
}

export type TraceStatus = 'running' | 'finished' | 'interrupted';

/** A user message that is not the task; see `Trace.extraUserTurns`. */
export interface ExtraUserTurn {
  beforeStep: number;
  text: string;
}

export interface Trace {
  version: typeof TRACE_VERSION;
  id: string;
  task: string;
  mode: RunMode;
  dialect: Dialect;
  tools: ToolDefinition[];
  models: Partial<Record<Role, RoleModelInfo>>;
  sampling: Partial<Record<Role, SamplingSettings>>;
  maxSteps: number;
  status: TraceStatus;
  outcome?: RunOutcome;
  answer?: string;
  giveUpReason?: 'planner' | 'step_limit' | 'empty_answer';
  error?: NamedErrorData;
  steps: TraceStep[];
  /**
   * User turns besides the task, each placed in the conversation just before the step whose
   * `index` is `beforeStep` (`beforeStep === steps.length`: after the last step). Imported
   * ToolBench trajectories carry them (a second task message, "previous trails failed"
   * reflections); live runs have none. The GLPFT export puts them into the history.
   */
  extraUserTurns?: ExtraUserTurn[];
  /** How the trace came to be; absent in traces upgraded from version 1 when unknown. */
  origin?: TraceOrigin;
  /** App, WebLLM and GPU that made the run; unknown (absent) for upgraded version 1 traces. */
  env?: RunEnvironment;
  createdAt: number;
  updatedAt: number;
}

/** Starts a trace from the run's first event. */
export function startTrace(event: Extract<RunEvent, { type: 'run_started' }>): Trace {
  return {
    version: TRACE_VERSION,
    id: event.runId,
    task: event.task,
    mode: event.mode,
    dialect: event.dialect,
    tools: event.tools,
    models: event.models,
    sampling: event.sampling,
    maxSteps: event.maxSteps,
    ...(event.origin ? { origin: event.origin } : {}),
    ...(event.env ? { env: event.env } : {}),
    status: 'running',
    steps: [],
    createdAt: event.at,
    updatedAt: event.at,
  };
}

function updateStep(trace: Trace, index: number, update: (step: TraceStep) => TraceStep): Trace {
  const current = trace.steps[index];
  if (!current) return trace; // an event for a step we never saw: ignore rather than corrupt
  const steps = trace.steps.slice();
  steps[index] = update(current);
  return { ...trace, steps };
}

function closeOpenWork(trace: Trace, status: StepStatus, at: number): Trace {
  if (!trace.steps.some((s) => s.status === 'running' || s.tool?.status === 'running' || s.reviewing))
    return trace;
  const steps = trace.steps.map((s) => {
    let next = s;
    if (s.status === 'running') next = { ...next, status, endedAt: at };
    if (s.reviewing) {
      const { reviewing: _stop, ...rest } = next;
      next = rest;
    }
    if (s.tool?.status === 'running') next = { ...next, tool: { ...s.tool, status, endedAt: at } };
    return next;
  });
  return { ...trace, steps };
}

/**
 * Folds one event into a trace that may not have started yet: `run_started` starts it, and an
 * event before that (there is none in a well-formed run) leaves it undefined.
 */
export function foldEvent(trace: Trace | undefined, event: RunEvent): Trace | undefined {
  return event.type === 'run_started' ? startTrace(event) : trace && applyEvent(trace, event);
}

/**
 * Folds one run event into the trace (pure, returns a new object). This is the only way a
 * trace changes while a run is live; the store and the UI only ever read the result.
 */
export function applyEvent(trace: Trace, event: RunEvent): Trace {
  switch (event.type) {
    case 'run_started':
      return startTrace(event);
    case 'role_started': {
      const step: TraceStep = {
        index: event.step,
        turn: event.turn,
        role: event.role,
        model: event.model,
        prompt: event.prompt,
        status: 'running',
        raw: '',
        startedAt: event.at,
        ...(event.constraint ? { constraint: event.constraint } : {}),
        ...(event.contextCut ? { contextCut: event.contextCut } : {}),
        ...(event.carriedOver ? { carriedOver: true } : {}),
      };
      const steps = trace.steps.slice();
      steps[event.step] = step;
      return { ...trace, steps, updatedAt: event.at };
    }
    case 'token_delta':
      return updateStep(trace, event.step, (s) => ({ ...s, raw: s.raw + event.text }));
    case 'role_finished':
      return {
        ...updateStep(trace, event.step, (s) => ({
          ...s,
          status: 'done',
          raw: event.raw,
          parsed: event.parsed,
          usage: event.usage,
          finishReason: event.finishReason,
          ...(event.thinking ? { thinking: event.thinking } : {}),
          endedAt: event.at,
        })),
        updatedAt: event.at,
      };
    case 'review_started':
      return updateStep(trace, event.step, (s) => ({ ...s, reviewing: true }));
    case 'review_finished':
      return {
        ...updateStep(trace, event.step, (s) => {
          const { reviewing: _done, ...rest } = s;
          if (!event.edited) return rest;
          return {
            ...rest,
            raw: event.edited.raw,
            parsed: event.edited.parsed,
            edit: {
              originalRaw: event.edited.originalRaw,
              ...(s.parsed ? { originalParsed: s.parsed } : {}),
              at: event.at,
            },
          };
        }),
        updatedAt: event.at,
      };
    case 'tool_call':
      return updateStep(trace, event.step, (s) => ({
        ...s,
        tool: { call: event.call, status: 'running', startedAt: event.at },
      }));
    case 'tool_result':
      return {
        ...updateStep(trace, event.step, (s) =>
          s.tool
            ? {
                ...s,
                tool: {
                  ...s.tool,
                  status: event.result.ok ? 'done' : 'error',
                  result: event.result,
                  observation: event.observation,
                  endedAt: event.at,
                },
              }
            : s,
        ),
        updatedAt: event.at,
      };
    case 'step_error':
      return updateStep(trace, event.step, (s) => ({
        ...s,
        status: 'error',
        error: { ...event.error, observation: event.observation },
      }));
    case 'answer':
      return { ...trace, answer: event.text, updatedAt: event.at };
    case 'give_up':
      return { ...trace, giveUpReason: event.reason, updatedAt: event.at };
    case 'run_error': {
      const failed =
        event.step === undefined ? trace : updateStep(trace, event.step, (s) => ({ ...s, status: 'error' }));
      return { ...failed, error: event.error, updatedAt: event.at };
    }
    case 'run_finished': {
      const closed = closeOpenWork(trace, event.outcome === 'aborted' ? 'aborted' : 'error', event.at);
      return { ...closed, status: 'finished', outcome: event.outcome, updatedAt: event.at };
    }
  }
}

/** Folds a whole event list (tests, replay). */
export function traceFromEvents(events: readonly RunEvent[]): Trace {
  const [first, ...rest] = events;
  if (first?.type !== 'run_started') throw new Error('A run starts with a run_started event.');
  return rest.reduce(applyEvent, startTrace(first));
}

/** A trace whose run was cut off (page reload, crash): keep what was saved, mark it interrupted. */
export function markInterrupted(trace: Trace, at: number): Trace {
  if (trace.status !== 'running') return trace;
  return { ...closeOpenWork(trace, 'aborted', at), status: 'interrupted', updatedAt: at };
}

/** Totals for a run: what the per-run summary shows. */
export function traceTotals(trace: Trace) {
  let promptTokens = 0;
  let reusedTokens = 0;
  let completionTokens = 0;
  let modelMs = 0;
  let toolMs = 0;
  let toolCalls = 0;
  let simulated = false;
  /** Some step's engine reported no counts, or not what it reused: the sums are a lower bound. */
  let incomplete = false;
  for (const step of trace.steps) {
    if (step.usage) {
      incomplete ||= Boolean(step.usage.unknown || step.usage.reuseUnknown);
      promptTokens += step.usage.promptTokens;
      reusedTokens += step.usage.promptTokensReused ?? 0;
      completionTokens += step.usage.completionTokens;
      modelMs += step.usage.wallMs;
      simulated ||= step.usage.simulated;
    }
    if (step.tool) {
      toolCalls += 1;
      toolMs += step.tool.result?.durationMs ?? 0;
    }
  }
  return { promptTokens, reusedTokens, completionTokens, modelMs, toolMs, toolCalls, simulated, incomplete };
}
