import { runAgent } from '../agent/orchestrator';
import { applyEvent, startTrace, type Trace } from '../agent/trace';
import type { Dialect, Role, RoleModel, RunEvent, RunMode, TraceOrigin } from '../agent/types';
import { tNow } from '../i18n/use-t';
import { findPreset } from '../llm/presets';
import { ScriptedModel } from '../llm/scripted/scripted-model';
// Registers the suite's scripts with the scripted engine: the lab loads them, the first page load does not.
import '../llm/scripted/scripts-suite';
import { useAppStore } from './index';
import { cancelLoading, loadModels, modelsForRun, releaseUnplannedModels } from './models-controller';
import { plannedSlots } from './models-slice';
import { runEnvironment } from './run-env';
import type { EngineChoice } from './settings-slice';
import { suiteControllerMessages } from './suite-messages';
import { type ModelChoice, modelPlan } from './suite-plan';
import { toolRunner } from './tools-controller';

/**
 * One task run for the evaluation lab, through the same orchestrator, model bridges and tool
 * runner as the Run tab, folded into a trace of its own: the Run tab's trace is never touched.
 */

/** Scripted stand-ins per mode, as the Run tab builds them: one object per role, or one shared. */
export function scriptedModels(mode: RunMode, tokenDelayMs: number): Partial<Record<Role, RoleModel>> {
  const make = (id: string) => new ScriptedModel({ id, tokenDelayMs });
  if (mode === 'single') return { backbone: make('scripted-backbone') };
  if (mode === 'shared') {
    const one = make('scripted-shared');
    return { planner: one, caller: one, summarizer: one };
  }
  return {
    planner: make('scripted-planner'),
    caller: make('scripted-caller'),
    summarizer: make('scripted-summarizer'),
  };
}

/** The models a lab run uses: the scripted engine's, or the loaded WebLLM models for `mode`. */
export function labModels(
  engine: EngineChoice,
  mode: RunMode,
  tokenDelayMs: number,
): Partial<Record<Role, RoleModel>> {
  return engine === 'webllm' ? modelsForRun(mode) : scriptedModels(mode, tokenDelayMs);
}

/** Events after which the growing trace is worth showing (not every token). */
const PROGRESS_EVENTS = new Set<RunEvent['type']>([
  'role_started',
  'role_finished',
  'tool_result',
  'run_finished',
]);

export interface LabRunOptions {
  task: string;
  mode: RunMode;
  dialect: Dialect;
  models: Partial<Record<Role, RoleModel>>;
  origin: TraceOrigin;
  signal: AbortSignal;
  onProgress?: (trace: Trace) => void;
}

/** Runs one task to its end (or Stop) and returns its trace. Settings (steps, sampling, prompts) are the Run tab's. */
export async function runLabTask(options: LabRunOptions): Promise<Trace | undefined> {
  const state = useAppStore.getState();
  let trace: Trace | undefined;
  for await (const event of runAgent({
    task: options.task,
    mode: options.mode,
    dialect: options.dialect,
    models: options.models,
    tools: toolRunner(),
    maxSteps: state.maxSteps,
    sampling: state.roleSampling,
    systemPrompts: state.systemPrompts,
    origin: options.origin,
    env: runEnvironment(state),
    signal: options.signal,
  })) {
    trace = event.type === 'run_started' ? startTrace(event) : trace && applyEvent(trace, event);
    if (trace && PROGRESS_EVENTS.has(event.type)) options.onProgress?.(trace);
  }
  return trace;
}

export type PreparedModels = { ok: true; mode: RunMode } | { ok: false; error: string; stopped?: true };

/**
 * Loads the models of a preset (or the hand-picked ones) through the models controller, one
 * role after another as the Models panel does, after freeing the previous preset's workers.
 */
export async function prepareModels(choice: ModelChoice, signal: AbortSignal): Promise<PreparedModels> {
  const t = tNow(suiteControllerMessages);
  const store = useAppStore.getState();
  if (!store.catalog || !store.gpu?.ok) return { ok: false, error: t('needGpu') };
  if (choice !== 'current') {
    const plan = modelPlan(choice, store.catalog, store.gpu, {
      mode: store.modelsMode,
      roles: store.roleModels,
    });
    if (!plan || plan.unusableRoles.length > 0) {
      const label = findPreset(choice)?.label ?? choice;
      return { ok: false, error: t('unusable', { choice: label, notes: plan?.notes.join(' ') ?? '' }) };
    }
    store.choosePreset(choice);
  }
  await releaseUnplannedModels();
  const onAbort = () => cancelLoading();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await loadModels();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted) return { ok: false, error: t('loadStopped'), stopped: true };
  const state = useAppStore.getState();
  for (const planned of plannedSlots(state)) {
    const slot = state.slots[planned.slot];
    if (slot?.status !== 'ready') {
      const reason = slot?.error?.message ?? slot?.text ?? slot?.status ?? 'not loaded';
      return { ok: false, error: t('notLoaded', { model: planned.modelId, reason }) };
    }
  }
  return { ok: true, mode: state.modelsMode };
}
