import { runAgent } from '../agent/orchestrator';
import type { Trace, TraceStep } from '../agent/trace';
import type { Role, RoleModel, RunEvent } from '../agent/types';
import { persistTrace } from '../controllers/history-controller';
import { tinyModelsForRun } from '../controllers/tiny-controller';
import type { ScriptStep } from '../llm/scripted/render';
import { findScript } from '../llm/scripted/scripts';
import { useAppStore } from '../store/index';
import { selectRunDialect } from '../store/selectors';
import { runActivity, stopActivity } from './activity';
import { frameScheduler } from './frame-scheduler';
import { review } from './review-controller';
import { agentConfig, type RunSpec, snapshotRunSettings } from './run-settings';

/**
 * Starts a run with the current settings and folds its events into the store, batched per
 * animation frame so a fast token stream costs one React update per frame. Resolves with
 * the finished trace.
 */
export interface RunOptions {
  script?: ScriptStep[];
  prefix?: readonly TraceStep[];
  /** Models to run with instead of the chosen engine's (the fault-injection test hooks). */
  models?: Partial<Record<Role, RoleModel>>;
}

export async function startRun(options: RunOptions = {}): Promise<Trace | undefined> {
  const state = useAppStore.getState();
  if (state.activity?.kind === 'run') return state.trace;
  const task = state.task.trim();
  if (!task) return undefined;
  // The Run button says why it is disabled (BusyNote); a console call gets nothing.
  const started = await runActivity('run', (signal) => run(task, options, signal));
  return started.ok ? started.value : undefined;
}

async function run(task: string, options: RunOptions, signal: AbortSignal): Promise<Trace | undefined> {
  const state = useAppStore.getState();
  // The suite's scripts load with the Evaluate tab; a suite task typed (or linked) into the Run
  // tab before that must still find its script instead of getting the no-script give-up.
  if (state.engine === 'scripted' && !options.script && !findScript(task)) {
    await import('../llm/scripted/scripts-suite').catch(() => undefined); // then: the honest no-script give-up
  }
  let models: Partial<Record<Role, RoleModel>>;
  let modelsUnavailable: Error | undefined;
  try {
    models = options.models
      ? options.models
      : state.engine === 'tiny'
        ? await tinyModelsForRun(state.mode, state.tinyMultiSystem, signal)
        : state.engine === 'webllm'
          ? (await import('../controllers/models-controller')).modelsForRun(state.mode)
          : // The scripted demo is not the default: its engine loads when it is chosen.
            (await import('../llm/scripted/scripted-models')).scriptedModels(
              state.mode,
              state.scriptedTokenDelayMs,
              // A script given from the console (a teacher's own demo) plays instead of the examples.
              options.script
                ? [{ id: 'console', title: 'Console script', task, tools: [], steps: options.script }]
                : undefined,
            );
    // Roles the user put on a server: their models replace the engine's (issue 14).
    if (!options.models && Object.keys(state.roleServers).length > 0) {
      const servers = await import('../controllers/servers-controller');
      if (servers.serverRoles(state.mode, state.roleServers).length > 0)
        models = { ...models, ...(await servers.serverModelsForRun(state.mode, signal)) };
    }
  } catch (error) {
    // The models did not load (tiny models, a server that does not answer): the run ends at
    // once with the reason, and nothing is lost.
    models = {};
    modelsUnavailable = error instanceof Error ? error : new Error(String(error));
  }
  let pending: RunEvent[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    useAppStore.getState().applyRunEvents(batch);
    const trace = useAppStore.getState().trace;
    if (trace) void persistTrace(trace);
  };
  const schedule = frameScheduler(flush);
  try {
    const spec: RunSpec = {
      task,
      mode: state.mode,
      dialect: selectRunDialect(state),
      models,
      ...(modelsUnavailable ? { modelsUnavailable } : {}),
      ...(state.stepThrough ? { review } : {}),
      ...(options.prefix ? { prefix: options.prefix } : {}),
      origin: options.prefix ? 'fork' : 'run',
      signal,
    };
    for await (const event of runAgent(agentConfig(spec, snapshotRunSettings()))) {
      pending.push(event);
      schedule();
    }
  } finally {
    flush();
    const trace = useAppStore.getState().trace;
    // Idle only once the final state is saved, so Delete cannot race the last write.
    if (trace) await persistTrace(trace, true);
  }
  return useAppStore.getState().trace;
}

/**
 * Fork from step k: re-runs the trace's task, mode and dialect with the current models and
 * settings, keeping its first k steps (k must be a planner or single-model turn).
 */
export function forkRun(trace: Trace, k: number): Promise<Trace | undefined> {
  const store = useAppStore.getState();
  store.setTask(trace.task);
  store.setMode(trace.mode);
  store.setDialect(trace.dialect);
  return startRun({ prefix: trace.steps.slice(0, k) });
}

/** Stops the run in progress: generation is interrupted, a running tool is abandoned. */
export function stopRun(): void {
  stopActivity('run', 'replay');
}
