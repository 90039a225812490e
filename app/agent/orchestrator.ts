import { isAbortError, MissingModelError, toErrorData } from './errors';
import { backboneRound } from './run/backbone-round';
import { carryOver } from './run/carry-over';
import { createSession, modelInfo, type RunContext } from './run/context';
import { plannerRound } from './run/planner-round';
import { playRounds } from './run/round';
import type { TraceStep } from './trace';
import type {
  Dialect,
  Role,
  RoleModel,
  RoleModelInfo,
  RunEnvironment,
  RunEvent,
  RunMode,
  SamplingSettings,
  ToolRunner,
  TraceOrigin,
} from './types';
import { DEFAULT_SAMPLING, ROLES_BY_MODE } from './types';

export { OBSERVATION_LIMIT, truncateObservation } from './run/act';

export const DEFAULT_MAX_STEPS = 10;

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

function newRunId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `run-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Runs one task through the α-UMi loop and yields what happens as typed events. The
 * generator always ends with exactly one `run_finished`; it never throws for model or
 * tool failures (they become `step_error` / `run_error` events).
 *
 * The parts, in the order a run meets them: `run/carry-over.ts` (a fork's kept steps),
 * `run/round.ts` (the turn loop and step limit), `run/planner-round.ts` (`multi`, `shared`)
 * or `run/backbone-round.ts` (`single`), each built from `run/turn.ts` (one model turn) and
 * `run/act.ts` (the tool call, step errors).
 */
export async function* runAgent(config: RunConfig): AsyncGenerator<RunEvent, void, undefined> {
  const now = config.now ?? Date.now;
  const signal = config.signal ?? new AbortController().signal;
  const maxSteps = config.maxSteps ?? DEFAULT_MAX_STEPS;
  const roles = ROLES_BY_MODE[config.mode];
  const tools = config.tools.list();
  const { sampling, models } = resolveRoles(config, roles);

  yield {
    type: 'run_started',
    runId: config.runId ?? newRunId(),
    task: config.task,
    mode: config.mode,
    dialect: config.dialect,
    tools,
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

  const session = createSession(config, tools);
  const toolNames = tools.map((t) => t.name);
  yield* guarded({ config, session, signal, now, maxSteps, sampling, tools, toolNames });
}

/** The sampling settings and model labels of the roles the mode uses, as the trace records them. */
function resolveRoles(config: RunConfig, roles: readonly Role[]) {
  const sampling: Partial<Record<Role, SamplingSettings>> = {};
  const models: Partial<Record<Role, RoleModelInfo>> = {};
  for (const role of roles) {
    sampling[role] = { ...DEFAULT_SAMPLING[role], ...config.sampling?.[role] };
    const model = config.models[role];
    if (model) models[role] = modelInfo(model);
  }
  return { sampling, models };
}

/**
 * Plays the run and turns whatever it throws into its last events: a Stop ends it as
 * aborted, anything else is a run error pinned to the step that was running (the last
 * one that started, as the event stream shows it).
 */
async function* guarded(ctx: RunContext): AsyncGenerator<RunEvent, void, undefined> {
  let lastStarted = 0;
  try {
    for await (const event of play(ctx)) {
      if (event.type === 'role_started') lastStarted = event.step;
      yield event;
    }
  } catch (error) {
    if (isAbortError(error) || ctx.signal.aborted) {
      yield { type: 'run_finished', outcome: 'aborted', at: ctx.now() };
      return;
    }
    yield { type: 'run_error', step: lastStarted, error: toErrorData(error), at: ctx.now() };
    yield { type: 'run_finished', outcome: 'error', at: ctx.now() };
  }
}

/** A fork's kept steps first, then the rounds of the mode. */
async function* play(ctx: RunContext): AsyncGenerator<RunEvent, void, undefined> {
  const start = yield* carryOver(ctx, ctx.config.prefix ?? []);
  yield* playRounds(ctx, start, ctx.config.mode === 'single' ? backboneRound : plannerRound);
}
