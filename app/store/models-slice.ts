import type { StateCreator } from 'zustand';
import type { NamedErrorData, Role, RunMode } from '../agent/types';
import { type CatalogModel, type CustomModelInput, customModel } from '../llm/catalog';
import type { GpuProbe } from '../llm/gpu-probe';
import type { ModelSource } from '../llm/model-source';
import type { PresetNote } from '../llm/preset-messages';
import { findPreset, modelLoads, type PresetId, resolvePreset } from '../llm/presets';
import type { AppState } from './index';
import type { SlotNotice } from './messages/controller-messages';

/** One loaded copy of a model: a worker serving one role, or all roles in shared/single mode. */
export type SlotId = Role | 'shared';

export type SlotStatus = 'idle' | 'queued' | 'loading' | 'ready' | 'failed' | 'cancelled';

export interface SlotState {
  slot: SlotId;
  roles: Role[];
  modelId: string;
  status: SlotStatus;
  progress: number;
  /** download, load to GPU, shader compile, check — what the progress bar is doing. */
  phase: string;
  /** The engine's own progress line (WebLLM's words, shown as they come). */
  text: string;
  /** What the controller says about the slot (loaded, waiting, blocked...), translated when shown. */
  notice?: SlotNotice | undefined;
  error?: NamedErrorData;
  cached?: boolean;
  webllmVersion?: string;
}

export type CacheBackend = 'cache' | 'indexeddb' | 'opfs';

export interface StorageInfo {
  usage: number;
  quota: number;
  persisted: boolean;
}

export interface ModelsSlice {
  gpu: GpuProbe | undefined;
  catalog: CatalogModel[] | undefined;
  presetId: PresetId;
  /** The model per role as it will run (after the f32 switch); any role can be changed. */
  roleModels: Partial<Record<Role, string>>;
  modelsMode: RunMode;
  presetNotes: PresetNote[];
  modelSource: ModelSource;
  cacheBackend: CacheBackend;
  slots: Partial<Record<SlotId, SlotState>>;
  storage: StorageInfo | undefined;
  /** The user's own MLC-compiled models (e.g. α-UMi weights), kept across visits. */
  customModels: CustomModelInput[];
  /** Adds a custom model; throws `CatalogError` (its `problem` says why) when the input is unusable. */
  addCustomModel: (input: CustomModelInput) => void;
  removeCustomModel: (id: string) => void;
  setGpu: (gpu: GpuProbe) => void;
  setCatalog: (catalog: CatalogModel[]) => void;
  choosePreset: (id: PresetId) => void;
  setRoleModel: (role: Role, modelId: string) => void;
  setModelSource: (source: ModelSource) => void;
  setCacheBackend: (backend: CacheBackend) => void;
  updateSlot: (slot: SlotId, patch: Partial<SlotState>) => void;
  resetSlots: (slots: SlotState[]) => void;
  setStorage: (info: StorageInfo) => void;
}

export function slotIdFor(mode: RunMode, roles: Role[]): SlotId {
  if (mode === 'single') return 'backbone';
  if (mode === 'shared') return 'shared';
  return roles[0] ?? 'planner';
}

/** The slots the current choice loads, in load order. */
export function plannedSlots(state: Pick<ModelsSlice, 'modelsMode' | 'roleModels'>): SlotState[] {
  return modelLoads(state.modelsMode, state.roleModels).map((load) => ({
    slot: slotIdFor(state.modelsMode, load.roles),
    roles: load.roles,
    modelId: load.modelId,
    status: 'idle',
    progress: 0,
    phase: '',
    text: '',
  }));
}

/** Applies a preset; `chosen` when the user picked it, which also switches the run mode. */
function applyPreset(state: AppState, id: PresetId, chosen = false): Partial<AppState> {
  const preset = findPreset(id);
  if (!preset) return {};
  const shaderF16 = state.gpu?.ok ? state.gpu.shaderF16 : true;
  const resolved = state.catalog ? resolvePreset(preset, state.catalog, { shaderF16 }) : undefined;
  const roleModels = resolved?.roles ?? preset.roles;
  return {
    presetId: id,
    roleModels,
    modelsMode: preset.mode,
    presetNotes: resolved?.notes ?? [],
    ...(chosen ? { mode: preset.mode } : {}),
    slots: Object.fromEntries(
      plannedSlots({ modelsMode: preset.mode, roleModels }).map((s) => [s.slot, s]),
    ) as ModelsSlice['slots'],
  };
}

export const createModelsSlice: StateCreator<AppState, [], [], ModelsSlice> = (set, get) => ({
  gpu: undefined,
  catalog: undefined,
  presetId: 'tiny',
  roleModels: {},
  modelsMode: 'multi',
  presetNotes: [],
  modelSource: 'huggingface',
  cacheBackend: 'cache',
  slots: {},
  storage: undefined,
  customModels: [],
  addCustomModel: (input) => {
    const model = customModel(input); // validates before anything changes
    const catalog = [...(get().catalog ?? []).filter((m) => m.id !== model.id), model];
    set({ customModels: [...get().customModels.filter((m) => m.id !== model.id), input], catalog });
  },
  removeCustomModel: (id) =>
    set((state) => ({
      customModels: state.customModels.filter((m) => m.id !== id),
      catalog: state.catalog?.filter((m) => m.id !== id || m.source !== 'custom'),
    })),
  setGpu: (gpu) => {
    set({ gpu });
    if (get().catalog) set(applyPreset(get(), get().presetId));
  },
  setCatalog: (prebuilt) => {
    // Custom models saved earlier join the prebuilt ones; an entry that no longer validates is dropped.
    const custom = get().customModels.flatMap((input) => {
      try {
        return [customModel(input)];
      } catch {
        return [];
      }
    });
    set({ catalog: [...prebuilt, ...custom] });
    set(applyPreset(get(), get().presetId));
  },
  choosePreset: (id) => set(applyPreset(get(), id, true)),
  setRoleModel: (role, modelId) =>
    set((state) => {
      const roleModels =
        state.modelsMode === 'multi'
          ? { ...state.roleModels, [role]: modelId }
          : Object.fromEntries(Object.keys(state.roleModels).map((r) => [r, modelId]));
      return {
        roleModels,
        slots: Object.fromEntries(
          plannedSlots({ modelsMode: state.modelsMode, roleModels }).map((s) => [s.slot, s]),
        ) as ModelsSlice['slots'],
      };
    }),
  setModelSource: (modelSource) => set({ modelSource }),
  setCacheBackend: (cacheBackend) => set({ cacheBackend }),
  updateSlot: (slot, patch) =>
    set((state) => {
      const current = state.slots[slot];
      if (!current) return {};
      return { slots: { ...state.slots, [slot]: { ...current, ...patch } } };
    }),
  resetSlots: (slots) => set({ slots: Object.fromEntries(slots.map((s) => [s.slot, s])) }),
  setStorage: (storage) => set({ storage }),
});
