import { modeRoles, type SuiteSettings, suiteSettings } from '../agent/eval/suite/settings';
import { runAgent } from '../agent/orchestrator';
import { foldEvent, type Trace } from '../agent/trace';
import type { Dialect, Role, RoleModel, RunEvent, RunMode, TraceOrigin } from '../agent/types';
import { scriptedModels } from '../llm/scripted/scripted-models';
import type { TinySystemId } from '../llm/tiny/manifest';
// Registers the suite's scripts with the scripted engine: the lab loads them, the first page load does not.
import '../llm/scripted/scripts-suite';
import {
  cancelLoading,
  loadModels,
  modelsForRun,
  releaseUnplannedModels,
} from '../controllers/models-controller';
import { tinyModelsForRun } from '../controllers/tiny-controller';
import { type ModelChoice, modelPlan } from '../llm/model-plan';
import { useAppStore } from '../store/index';
import { plannedSlots } from '../store/models-slice';
import type { EngineChoice } from '../store/settings-slice';
import type { LabNotice } from '../store/suite-slice';
import { agentConfig, type RunSettings } from './run-settings';

/**
 * One task run for the evaluation lab, through the same orchestrator, model bridges and tool
 * runner as the Run tab, folded into a trace of its own: the Run tab's trace is never touched.
 */

/**
 * The models a lab run uses: the scripted engine's, the loaded WebLLM models for `mode`, or
 * the tiny models for `mode` (loaded on first use; a load failure gives none, and the run
 * then ends with the missing-model error). `tinySystem` picks the tiny system of a `multi`
 * column (GLPFT or one-stage); without it, the Run tab's choice.
 */
export async function labModels(
  engine: EngineChoice,
  mode: RunMode,
  tokenDelayMs: number,
  signal?: AbortSignal,
  tinySystem?: TinySystemId,
): Promise<Partial<Record<Role, RoleModel>>> {
  let models: Partial<Record<Role, RoleModel>>;
  if (engine === 'tiny') {
    const multi = tinySystem ?? useAppStore.getState().tinyMultiSystem;
    models = await tinyModelsForRun(mode, multi, signal).catch(() => ({}));
  } else models = engine === 'webllm' ? modelsForRun(mode) : scriptedModels(mode, tokenDelayMs);
  return withServerRoles(mode, models, signal);
}

/**
 * A role whose server cannot be used (not confirmed, no model name, down, a wrong key): its
 * turn fails with that reason, so the lab shows why, and the role never plays on this device.
 */
class UnusableServerModel implements RoleModel {
  readonly id = 'server:unusable';
  readonly label = 'server (cannot be used)';
  readonly kind = 'server' as const;
  constructor(private readonly reason: Error) {}
  async load(): Promise<void> {}
  async generate(): Promise<never> {
    throw this.reason;
  }
  async interrupt(): Promise<void> {}
}

/**
 * Roles the user put on a server (issue 14) play there in the lab too, as in the Run tab. A
 * server that cannot be used gives those roles a model that fails with the reason: the task
 * ends with it, never silently on this device instead.
 */
async function withServerRoles(
  mode: RunMode,
  models: Partial<Record<Role, RoleModel>>,
  signal?: AbortSignal,
): Promise<Partial<Record<Role, RoleModel>>> {
  const servers = useAppStore.getState().roleServers;
  if (Object.keys(servers).length === 0) return models;
  const controller = await import('../controllers/servers-controller');
  const roles = controller.serverRoles(mode, servers);
  if (roles.length === 0) return models;
  try {
    return { ...models, ...(await controller.serverModelsForRun(mode, signal)) };
  } catch (error) {
    const unusable = new UnusableServerModel(error instanceof Error ? error : new Error(String(error)));
    const out = { ...models };
    for (const role of roles) out[role] = unusable;
    return out;
  }
}

/** The settings record and fingerprint of a column (settings.ts). */
export function labSettingsRecord(
  settings: RunSettings,
  mode: RunMode,
  dialect: Dialect,
): { settings: SuiteSettings; fingerprint: string } {
  return suiteSettings({ mode, dialect, ...settings, tools: settings.tools.list() });
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
  settings: RunSettings;
  origin: TraceOrigin;
  signal: AbortSignal;
  onProgress?: (trace: Trace) => void;
}

/** Runs one task to its end (or Stop) with the snapshot settings and returns its trace. */
export async function runLabTask(options: LabRunOptions): Promise<Trace | undefined> {
  const { settings, onProgress, ...spec } = options;
  let trace: Trace | undefined;
  for await (const event of runAgent(agentConfig(spec, settings))) {
    trace = foldEvent(trace, event);
    if (trace && PROGRESS_EVENTS.has(event.type)) onProgress?.(trace);
  }
  return trace;
}

/** The first planned model slot that is not ready, as a notice of `key` naming it and its status. */
function firstUnreadySlot(key: 'notReady' | 'notLoaded'): LabNotice | undefined {
  const state = useAppStore.getState();
  for (const planned of plannedSlots(state)) {
    const slot = state.slots[planned.slot];
    if (slot?.status !== 'ready') {
      return {
        key,
        values: { model: planned.modelId, status: slot?.status ?? 'missing' },
        ...(slot?.error ? { error: slot.error } : {}),
      };
    }
  }
  return undefined;
}

/**
 * Whether the loaded models can still play `mode` (WebLLM): every planned slot ready and a
 * model for every role. A worker crash, a lost GPU device or a reset slot leaves a role
 * without a model; a run then would end at once and score nothing about the model.
 */
export function modelsNotReady(mode: RunMode): LabNotice | undefined {
  const unready = firstUnreadySlot('notReady');
  if (unready) return unready;
  const models = modelsForRun(mode);
  const missing = modeRoles(mode).filter((role) => !models[role]);
  if (missing.length > 0) {
    return {
      key: 'notReady',
      values: { model: missing.join(', '), status: 'missing' },
    };
  }
  return undefined;
}

export type PreparedModels = { ok: true; mode: RunMode } | { ok: false; notice: LabNotice; stopped?: true };

/**
 * Loads the models of a preset (or the hand-picked ones) through the models controller, one
 * role after another as the Models panel does, after freeing the previous preset's workers.
 * The Models panel shows the preset loaded (it describes what is on the GPU); the Run tab's
 * mode stays as the user left it.
 */
export async function prepareModels(choice: ModelChoice, signal: AbortSignal): Promise<PreparedModels> {
  const store = useAppStore.getState();
  if (!store.catalog || !store.gpu?.ok) return { ok: false, notice: { key: 'needGpu' } };
  if (choice !== 'current') {
    const plan = modelPlan(choice, store.catalog, store.gpu, {
      mode: store.modelsMode,
      roles: store.roleModels,
    });
    if (!plan || plan.unusableRoles.length > 0) {
      return { ok: false, notice: { key: 'unusable', column: { choice }, notes: plan?.notes ?? [] } };
    }
    // choosePreset also switches the Run tab's mode (the Models panel's "use this preset"): not here.
    const runTabMode = store.mode;
    store.choosePreset(choice);
    if (useAppStore.getState().mode !== runTabMode) useAppStore.getState().setMode(runTabMode);
  }
  const stopped = { ok: false, notice: { key: 'loadStopped' }, stopped: true } as const;
  await releaseUnplannedModels();
  const onAbort = () => cancelLoading();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    // A Stop during the unload came before the listener: it must still stop the loading.
    if (signal.aborted) return stopped;
    await loadModels();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  if (signal.aborted) return stopped;
  const unready = firstUnreadySlot('notLoaded');
  return unready ? { ok: false, notice: unready } : { ok: true, mode: useAppStore.getState().modelsMode };
}
