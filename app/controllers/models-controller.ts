import type { ModelRecord } from '@mlc-ai/web-llm';
import { toErrorData } from '../agent/errors';
import type { Role, RoleModel, RunMode } from '../agent/types';
import { type CatalogModel, findModel, modelLabel, toModelRecord } from '../llm/catalog';
import { downloadSize, type ModelDownloadSize } from '../llm/download-size';
import { probeGpu } from '../llm/gpu-probe';
import { applyModelSource, currentAppBaseUrl } from '../llm/model-source';
import { loadCatalogForPage } from '../llm/prebuilt-catalog';
import { WebLlmRoleModel, type WorkerFactory } from '../llm/webllm/webllm-model';
import { startLlmWorker } from '../llm/webllm/worker-factory';
import { useAppStore } from '../store/index';
import { plannedSlots, type SlotId, type SlotState } from '../store/models-slice';

/**
 * Model loading, outside the store (bridges and AbortControllers are not state). Roles load
 * one after another: concurrent WebLLM reloads are known to race and yield engines that
 * return empty output.
 */
const bridges = new Map<SlotId, WebLlmRoleModel>();
let loadController: AbortController | undefined;
let workerFactory: WorkerFactory = startLlmWorker;

/**
 * Starts the role workers with `factory` instead of the real llm.worker.ts (unit tests), or
 * with the real one again (`undefined`). Forgets every bridge.
 */
export function setLlmWorkerFactory(factory: WorkerFactory | undefined): void {
  workerFactory = factory ?? startLlmWorker;
  for (const bridge of bridges.values()) bridge.restart();
  bridges.clear();
  loadController = undefined;
}

/** WebLLM's progress text, reduced to the phase a user understands. */
export function phaseOf(text: string): string {
  if (/fetch|download|param cache|Loading model from cache/i.test(text)) return 'download';
  if (/shader|compil/i.test(text)) return 'shader compile';
  if (/GPU|loading|init/i.test(text)) return 'load to GPU';
  return text ? 'prepare' : '';
}

export async function initModels(): Promise<void> {
  const store = useAppStore.getState();
  const [gpu, catalog] = await Promise.all([probeGpu(), loadCatalogForPage()]);
  store.setCatalog(catalog);
  store.setGpu(gpu);
  await refreshStorage();
}

export async function refreshStorage(): Promise<void> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return;
  const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? false]);
  useAppStore.getState().setStorage({ usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted });
}

/** Asks the browser not to evict downloaded models under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  const granted = (await globalThis.navigator?.storage?.persist?.()) ?? false;
  await refreshStorage();
  return granted;
}

/** A catalog model as WebLLM loads it: its record, pointed at the model source the page uses. */
function sourcedRecord(model: CatalogModel): ModelRecord {
  return applyModelSource(toModelRecord(model), useAppStore.getState().modelSource, currentAppBaseUrl());
}

/**
 * "Prepare for offline": what the planned models will download, asked of the model source
 * before anything is downloaded (download-size.ts). Throws SizeCheckError naming the URL.
 */
export async function plannedDownloadSizes(): Promise<ModelDownloadSize[]> {
  const state = useAppStore.getState();
  const list: ModelDownloadSize[] = [];
  for (const id of new Set(plannedSlots(state).map((s) => s.modelId))) {
    const model = state.catalog && findModel(state.catalog, id);
    if (model) list.push(await downloadSize(sourcedRecord(model)));
  }
  return list;
}

function bridgeFor(slot: SlotState): WebLlmRoleModel {
  const state = useAppStore.getState();
  const existing = bridges.get(slot.slot);
  if (existing && existing.id === slot.modelId) return existing;
  existing?.restart();
  const model = state.catalog && findModel(state.catalog, slot.modelId);
  if (!model) throw new Error(`${slot.modelId} is not in the model catalog.`);
  const record = sourcedRecord(model);
  const bridge = new WebLlmRoleModel(workerFactory, {
    record,
    label: modelLabel(model),
    contextWindow: model.contextWindow,
    cacheBackend: state.cacheBackend,
    onStatus: (status, detail, error) => {
      if (status === 'failed' && detail) {
        useAppStore.getState().updateSlot(slot.slot, {
          status: 'failed',
          error: error ?? { name: 'WorkerCrashedError', message: detail },
        });
      }
    },
  });
  bridges.set(slot.slot, bridge);
  return bridge;
}

async function loadSlot(slot: SlotState, signal: AbortSignal): Promise<boolean> {
  const { updateSlot } = useAppStore.getState();
  updateSlot(slot.slot, {
    status: 'loading',
    progress: 0,
    phase: 'start worker',
    text: '',
    notice: undefined,
  });
  try {
    const bridge = bridgeFor(slot);
    if (bridge.currentStatus === 'ready') {
      updateSlot(slot.slot, { status: 'ready', progress: 1, phase: 'ready' });
      return true;
    }
    await bridge.load({
      signal,
      onProgress: (p) =>
        updateSlot(slot.slot, { progress: p.progress, text: p.text, phase: phaseOf(p.text) }),
    });
    updateSlot(slot.slot, {
      status: 'ready',
      progress: 1,
      phase: 'ready',
      text: '',
      notice: { code: 'slotLoaded' },
      ...(bridge.engineVersion ? { webllmVersion: bridge.engineVersion } : {}),
    });
    return true;
  } catch (error) {
    const version = bridges.get(slot.slot)?.engineVersion;
    if (version) updateSlot(slot.slot, { webllmVersion: version });
    if (signal.aborted) {
      updateSlot(slot.slot, {
        status: 'cancelled',
        phase: '',
        text: '',
        notice: { code: 'slotCancelled' },
      });
      return false;
    }
    updateSlot(slot.slot, { status: 'failed', error: toErrorData(error) });
    return false;
  }
}

/** Loads every planned slot in order; stops at the first failure (the others stay queued). */
export async function loadModels(only?: SlotId): Promise<void> {
  loadController?.abort();
  const controller = new AbortController();
  loadController = controller;
  const state = useAppStore.getState();
  const planned = plannedSlots(state).filter((s) => !only || s.slot === only);
  for (const slot of planned) {
    const current = state.slots[slot.slot];
    if (current?.status !== 'ready')
      state.updateSlot(slot.slot, { status: 'queued', text: '', notice: { code: 'slotQueued' } });
  }
  for (const [i, slot] of planned.entries()) {
    if (controller.signal.aborted) break;
    const ok = await loadSlot(slot, controller.signal);
    if (!ok) {
      // Later roles are not started after a failure: say so instead of leaving them "queued".
      for (const later of planned.slice(i + 1)) {
        if (useAppStore.getState().slots[later.slot]?.status === 'queued') {
          useAppStore.getState().updateSlot(later.slot, {
            status: 'idle',
            text: '',
            notice: { code: 'slotBlocked', values: { roles: slot.roles } },
          });
        }
      }
      break;
    }
  }
  if (loadController === controller) loadController = undefined;
  await refreshStorage();
}

export function cancelLoading(): void {
  loadController?.abort();
  for (const slot of Object.values(useAppStore.getState().slots)) {
    if (slot?.status === 'queued')
      useAppStore.getState().updateSlot(slot.slot, { status: 'cancelled', text: '', notice: undefined });
  }
}

export function isLoading(): boolean {
  return loadController !== undefined;
}

/**
 * Frees the workers (and GPU memory) of slots the current choice no longer plans, e.g. the
 * three role workers of a `multi` preset after switching to `single`. The task suite calls
 * it between presets so they do not pile up on the GPU.
 */
export async function releaseUnplannedModels(): Promise<void> {
  const planned = new Set(plannedSlots(useAppStore.getState()).map((s) => s.slot));
  for (const [slot, bridge] of [...bridges]) {
    if (planned.has(slot)) continue;
    bridges.delete(slot);
    await bridge.unload();
  }
}

/** The loaded models for a run in `mode`, keyed by role; roles without a ready model are absent. */
export function modelsForRun(mode: RunMode): Partial<Record<Role, RoleModel>> {
  const slots = useAppStore.getState().slots;
  const models: Partial<Record<Role, RoleModel>> = {};
  for (const slot of Object.values(slots)) {
    const bridge = slot && bridges.get(slot.slot);
    if (!slot || !bridge || slot.status !== 'ready') continue;
    for (const role of slot.roles) models[role] = bridge;
  }
  if (mode === 'single' && !models.backbone) {
    const any = models.planner;
    if (any) models.backbone = any;
  }
  return models;
}

/** For teachers and tests: the GPU as the page sees it. */
export async function probeAgain() {
  const gpu = await probeGpu();
  useAppStore.getState().setGpu(gpu);
  return gpu;
}

/** Marks each planned slot with whether its model is already in the browser's cache. */
export async function checkCache(): Promise<void> {
  const state = useAppStore.getState();
  for (const slot of plannedSlots(state)) {
    try {
      const cached = await bridgeFor(slot).isCached();
      useAppStore.getState().updateSlot(slot.slot, { cached });
    } catch {
      // A cache check that fails says nothing about the model; leave it unknown.
    }
  }
}

/** Deletes a slot's model (weights, config, library) from the cache. */
export async function deleteCachedModel(slot: SlotId): Promise<void> {
  const planned = plannedSlots(useAppStore.getState()).find((s) => s.slot === slot);
  if (!planned) return;
  const bridge = bridgeFor(planned);
  await bridge.deleteFromCache();
  bridge.restart();
  useAppStore.getState().updateSlot(slot, {
    cached: false,
    status: 'idle',
    progress: 0,
    phase: '',
    text: '',
    notice: { code: 'slotDeleted' },
  });
  await refreshStorage();
}
