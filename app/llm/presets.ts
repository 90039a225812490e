/**
 * Presets: which catalog model plays which role, sized for common GPUs. The VRAM shown
 * before anything downloads is the sum over the models that will actually be loaded.
 */
import { AGENT_ROLES, type Role, type RunMode } from '../agent/types';
import { type Catalog, type CatalogModel, f32Twin, findModel } from './catalog';
import type { PresetNote } from './preset-messages';

export type PresetId = 'tiny' | 'balanced' | 'one-model' | 'single';

export interface Preset {
  id: PresetId;
  label: string;
  description: string;
  mode: RunMode;
  /** Model id per role: the three agent roles in `multi`/`shared`, `backbone` in `single`. */
  roles: Partial<Record<Role, string>>;
}

const QWEN_05B = 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC';
const QWEN_15B = 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC';
const SMOLLM_360M = 'SmolLM2-360M-Instruct-q4f16_1-MLC';
const LLAMA_1B = 'Llama-3.2-1B-Instruct-q4f16_1-MLC';

export const PRESETS: readonly Preset[] = [
  {
    id: 'tiny',
    label: 'Tiny',
    description: 'Three small models, one per role: Qwen2.5-0.5B plans and calls, SmolLM2-360M summarizes.',
    mode: 'multi',
    roles: { planner: QWEN_05B, caller: QWEN_05B, summarizer: SMOLLM_360M },
  },
  {
    id: 'balanced',
    label: 'Balanced',
    description:
      'Qwen2.5-1.5B plans and calls, Llama-3.2-1B summarizes: better tool use, needs a bigger GPU.',
    mode: 'multi',
    roles: { planner: QWEN_15B, caller: QWEN_15B, summarizer: LLAMA_1B },
  },
  {
    id: 'one-model',
    label: 'One model',
    description: 'One Qwen2.5-1.5B plays planner, caller and summarizer with the three role prompts.',
    mode: 'shared',
    roles: { planner: QWEN_15B, caller: QWEN_15B, summarizer: QWEN_15B },
  },
  {
    id: 'single',
    label: 'Single LLM',
    description: 'One Qwen2.5-1.5B, one prompt: thought and action (or the answer) in one output.',
    mode: 'single',
    roles: { backbone: QWEN_15B },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

export interface ModelLoad {
  /** The roles this loaded copy serves. */
  roles: Role[];
  modelId: string;
}

/**
 * The models that get loaded. In `multi` mode every role has its own worker, and each
 * worker loads its own copy even when two roles name the same model. In `shared` mode one
 * model serves all three roles; in `single` mode the backbone is the only model.
 */
export function modelLoads(mode: RunMode, roles: Partial<Record<Role, string>>): ModelLoad[] {
  if (mode === 'single') return roles.backbone ? [{ roles: ['backbone'], modelId: roles.backbone }] : [];
  const present = AGENT_ROLES.flatMap((role) => {
    const modelId = roles[role];
    return modelId ? [{ role, modelId }] : [];
  });
  if (mode === 'multi') return present.map(({ role, modelId }) => ({ roles: [role], modelId }));
  const first = present[0];
  return first ? [{ roles: present.map((p) => p.role), modelId: first.modelId }] : [];
}

function sumVram(loads: ModelLoad[], catalog: Catalog): number {
  const total = loads.reduce((sum, load) => sum + (findModel(catalog, load.modelId)?.vramMB ?? 0), 0);
  return Math.round(total * 100) / 100;
}

/** Summed `vram_required_MB` of the models the preset loads (models missing from the catalog count 0). */
export function presetVramMB(preset: Preset, catalog: Catalog): number {
  return sumVram(modelLoads(preset.mode, preset.roles), catalog);
}

export interface ResolvedPreset {
  roles: Partial<Record<Role, string>>;
  mode: RunMode;
  vramMB: number;
  /** For the user: model switches, unusable models (coded: preset-messages.ts). */
  notes: PresetNote[];
  /** Roles whose model cannot run on this GPU or is not in the catalog. */
  unusableRoles: Role[];
}

/**
 * The preset as it will run on this GPU. Without `shader-f16` every f16 model is switched
 * to its f32 twin (with a note saying so); an f16 model without a twin is unusable.
 */
export function resolvePreset(preset: Preset, catalog: Catalog, gpu: { shaderF16: boolean }): ResolvedPreset {
  const roles: Partial<Record<Role, string>> = {};
  const notes: PresetNote[] = [];
  const unusableRoles: Role[] = [];
  const byModel = new Map<string, Role[]>();
  for (const [role, modelId] of Object.entries(preset.roles) as [Role, string | undefined][]) {
    if (!modelId) continue;
    byModel.set(modelId, [...(byModel.get(modelId) ?? []), role]);
  }
  for (const [modelId, modelRoles] of byModel) {
    const model: CatalogModel | undefined = findModel(catalog, modelId);
    let chosen = modelId;
    if (!model) {
      notes.push({ code: 'notInCatalog', values: { model: modelId, roles: modelRoles } });
      unusableRoles.push(...modelRoles);
    } else if (model.needsF16 && !gpu.shaderF16) {
      const twin = f32Twin(catalog, modelId);
      if (twin) {
        chosen = twin.id;
        notes.push({ code: 'twin', values: { twin: twin.id, model: modelId } });
      } else {
        notes.push({ code: 'noTwin', values: { model: modelId, roles: modelRoles } });
        unusableRoles.push(...modelRoles);
      }
    } else if (!model.chatCapable) {
      notes.push({ code: 'notChat', values: { model: modelId, roles: modelRoles } });
      unusableRoles.push(...modelRoles);
    }
    for (const role of modelRoles) roles[role] = chosen;
  }
  const loads = modelLoads(preset.mode, roles);
  if (preset.mode === 'shared' && new Set(Object.values(roles)).size > 1)
    notes.push({ code: 'shared', values: { model: loads[0]?.modelId ?? 'none' } });
  return { roles, mode: preset.mode, vramMB: sumVram(loads, catalog), notes, unusableRoles };
}
