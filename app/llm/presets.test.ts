import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogModel, loadPrebuiltCatalog } from './catalog';
import { findPreset, modelLoads, PRESETS, type Preset, presetVramMB, resolvePreset } from './presets';

function preset(id: string): Preset {
  const found = findPreset(id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

describe('presets against the real prebuilt catalog', () => {
  let catalog: CatalogModel[];
  beforeAll(async () => {
    catalog = await loadPrebuiltCatalog();
  });

  it('name only models that exist in the catalog', () => {
    for (const p of PRESETS)
      for (const id of Object.values(p.roles))
        expect(
          catalog.some((m) => m.id === id),
          `${p.id}: ${id}`,
        ).toBe(true);
  });

  it('sum the VRAM of every loaded copy (f16)', () => {
    expect(presetVramMB(preset('tiny'), catalog)).toBeCloseTo(944.62 * 2 + 376.06, 2);
    expect(presetVramMB(preset('balanced'), catalog)).toBeCloseTo(1629.75 * 2 + 879.04, 2);
    expect(presetVramMB(preset('one-model'), catalog)).toBeCloseTo(1629.75, 2);
    expect(presetVramMB(preset('single'), catalog)).toBeCloseTo(1629.75, 2);
  });

  it('keeps the f16 models when the GPU has shader-f16', () => {
    const resolved = resolvePreset(preset('tiny'), catalog, { shaderF16: true });
    expect(resolved.roles).toEqual(preset('tiny').roles);
    expect(resolved.notes).toEqual([]);
    expect(resolved.unusableRoles).toEqual([]);
    expect(resolved.vramMB).toBeCloseTo(2265.3, 2);
  });

  it('switches every role to its f32 twin without shader-f16, and says so', () => {
    const tiny = resolvePreset(preset('tiny'), catalog, { shaderF16: false });
    expect(tiny.roles).toEqual({
      planner: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      caller: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      summarizer: 'SmolLM2-360M-Instruct-q4f32_1-MLC',
    });
    expect(tiny.notes).toEqual([
      {
        code: 'twin',
        values: { twin: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', model: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC' },
      },
      {
        code: 'twin',
        values: { twin: 'SmolLM2-360M-Instruct-q4f32_1-MLC', model: 'SmolLM2-360M-Instruct-q4f16_1-MLC' },
      },
    ]);
    expect(tiny.vramMB).toBeCloseTo(1060.2 * 2 + 579.61, 2);
    expect(tiny.unusableRoles).toEqual([]);

    const balanced = resolvePreset(preset('balanced'), catalog, { shaderF16: false });
    expect(balanced.roles.summarizer).toBe('Llama-3.2-1B-Instruct-q4f32_1-MLC');
    expect(balanced.vramMB).toBeCloseTo(1888.97 * 2 + 1128.82, 2);
    expect(resolvePreset(preset('one-model'), catalog, { shaderF16: false }).vramMB).toBeCloseTo(1888.97, 2);
    const single = resolvePreset(preset('single'), catalog, { shaderF16: false });
    expect(single.roles).toEqual({ backbone: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' });
  });

  it('reports an f16 model without an f32 twin as unusable', () => {
    const custom: Preset = {
      ...preset('tiny'),
      roles: { ...preset('tiny').roles, summarizer: 'Hermes-2-Pro-Mistral-7B-q4f16_1-MLC' },
    };
    const resolved = resolvePreset(custom, catalog, { shaderF16: false });
    expect(resolved.unusableRoles).toEqual(['summarizer']);
    expect(resolved.roles.summarizer).toBe('Hermes-2-Pro-Mistral-7B-q4f16_1-MLC');
    expect(resolved.notes.at(-1)).toEqual({
      code: 'noTwin',
      values: { model: 'Hermes-2-Pro-Mistral-7B-q4f16_1-MLC', roles: ['summarizer'] },
    });
  });
});

describe('resolvePreset edge cases', () => {
  const catalog = buildCatalog({
    model_list: [
      {
        model: 'https://h/a',
        model_id: 'A-1B-q4f32_1-MLC',
        model_lib: 'https://l/a.wasm',
        vram_required_MB: 100,
      },
      {
        model: 'https://h/b',
        model_id: 'B-1B-q4f32_1-MLC',
        model_lib: 'https://l/b.wasm',
        vram_required_MB: 50,
      },
    ],
  });

  it('reports models missing from the catalog', () => {
    const p: Preset = {
      id: 'tiny',
      label: '',
      description: '',
      mode: 'multi',
      roles: { planner: 'Gone', caller: 'Gone' },
    };
    const resolved = resolvePreset(p, catalog, { shaderF16: true });
    expect(resolved.unusableRoles).toEqual(['planner', 'caller']);
    expect(resolved.notes).toEqual([
      { code: 'notInCatalog', values: { model: 'Gone', roles: ['planner', 'caller'] } },
    ]);
    expect(resolved.vramMB).toBe(0);
  });

  it('loads one model in shared mode even if roles disagree', () => {
    const p: Preset = {
      id: 'one-model',
      label: '',
      description: '',
      mode: 'shared',
      roles: { planner: 'A-1B-q4f32_1-MLC', caller: 'A-1B-q4f32_1-MLC', summarizer: 'B-1B-q4f32_1-MLC' },
    };
    expect(presetVramMB(p, catalog)).toBe(100);
    const resolved = resolvePreset(p, catalog, { shaderF16: true });
    expect(resolved.notes).toEqual([{ code: 'shared', values: { model: 'A-1B-q4f32_1-MLC' } }]);
  });

  it('lists one load per role in multi mode', () => {
    expect(modelLoads('multi', { planner: 'A', caller: 'A', summarizer: 'B' })).toEqual([
      { roles: ['planner'], modelId: 'A' },
      { roles: ['caller'], modelId: 'A' },
      { roles: ['summarizer'], modelId: 'B' },
    ]);
    expect(modelLoads('shared', { planner: 'A', caller: 'A', summarizer: 'A' })).toEqual([
      { roles: ['planner', 'caller', 'summarizer'], modelId: 'A' },
    ]);
    expect(modelLoads('single', { backbone: 'A', planner: 'B' })).toEqual([
      { roles: ['backbone'], modelId: 'A' },
    ]);
    expect(modelLoads('single', {})).toEqual([]);
  });
});
