import { AGENT_ROLES, type Role, type RunMode } from '../agent/types';
import { type Catalog, type CatalogModel, findModel } from './catalog';
import type { PresetNote } from './preset-messages';
import { findPreset, modelLoads, PRESETS, type PresetId, resolvePreset } from './presets';

/**
 * What a suite or comparison run with real models will load and download, before anything
 * does. Pure: it reads the catalog and the GPU facts, never the network.
 */

/** A preset, or the models chosen by hand in the Models panel. */
export type ModelChoice = PresetId | 'current';

/**
 * Bits per weight of MLC's quantizations, with the group scales: q4f16_1 stores 4-bit
 * weights and one f16 scale per 32 weights (4 + 16/32 bits), q4f32_1 one f32 scale (4 + 1),
 * q3f16_1 groups of 40 (3 + 16/40). Unquantized q0f16/q0f32 store 16/32 bits.
 */
const BITS_PER_WEIGHT: Record<string, number> = {
  q4f16_1: 4.5,
  q4f16_0: 4.5,
  q4f32_1: 5,
  q3f16_1: 3.4,
  q0f16: 16,
  q0f32: 32,
};

/** Estimated download of a model's weights in MB (10^6 bytes); undefined when the id does not tell. */
export function weightsDownloadMB(model: Pick<CatalogModel, 'paramsB' | 'quantization'>): number | undefined {
  const bits = BITS_PER_WEIGHT[model.quantization];
  if (bits === undefined || model.paramsB <= 0) return undefined;
  return Math.round((model.paramsB * 1e9 * bits) / 8 / 1e6);
}

export interface PlannedLoad {
  roles: Role[];
  modelId: string;
  vramMB: number;
  downloadMB: number | undefined;
}

export interface ModelPlan {
  mode: RunMode;
  roles: Partial<Record<Role, string>>;
  loads: PlannedLoad[];
  /** GPU memory of every loaded copy (a model serving two roles in `multi` mode loads twice). */
  vramMB: number;
  /** Download of each distinct model once (the cache serves the second copy). */
  downloadMB: number;
  /** Distinct models whose size cannot be estimated. */
  unknownSizes: string[];
  notes: PresetNote[];
  unusableRoles: Role[];
}

/** The plan for a preset on this GPU (f32 twins when there is no shader-f16), or for the current models. */
export function modelPlan(
  choice: ModelChoice,
  catalog: Catalog,
  gpu: { shaderF16: boolean },
  current: { mode: RunMode; roles: Partial<Record<Role, string>> },
): ModelPlan | undefined {
  let mode: RunMode;
  let roles: Partial<Record<Role, string>>;
  let notes: PresetNote[] = [];
  let unusableRoles: Role[] = [];
  if (choice === 'current') {
    ({ mode, roles } = current);
  } else {
    const preset = findPreset(choice);
    if (!preset) return undefined;
    const resolved = resolvePreset(preset, catalog, gpu);
    ({ mode, roles, notes, unusableRoles } = resolved);
  }
  const loads = modelLoads(mode, roles).map((load): PlannedLoad => {
    const model = findModel(catalog, load.modelId);
    return {
      roles: load.roles,
      modelId: load.modelId,
      vramMB: model?.vramMB ?? 0,
      downloadMB: model ? weightsDownloadMB(model) : undefined,
    };
  });
  const distinct = new Map(loads.map((l) => [l.modelId, l.downloadMB]));
  let downloadMB = 0;
  const unknownSizes: string[] = [];
  for (const [id, mb] of distinct) {
    if (mb === undefined) unknownSizes.push(id);
    else downloadMB += mb;
  }
  return {
    mode,
    roles,
    loads,
    vramMB: Math.round(loads.reduce((sum, l) => sum + l.vramMB, 0)),
    downloadMB,
    unknownSizes,
    notes,
    unusableRoles,
  };
}

/** The presets that run in `mode`, for a comparison column. */
export function presetsForMode(mode: RunMode): PresetId[] {
  return PRESETS.filter((p) => p.mode === mode).map((p) => p.id);
}

/** Role-ordered "role=model" labels: what a results column records about its models. */
export function roleModelIds(models: Partial<Record<Role, { id: string }>>): string[] {
  return [...AGENT_ROLES, 'backbone' as const].flatMap((role) => {
    const model = models[role];
    return model ? [`${role}=${model.id}`] : [];
  });
}
