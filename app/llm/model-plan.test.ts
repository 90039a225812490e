import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from './catalog';
import { modelPlan, presetsForMode, roleModelIds, weightsDownloadMB } from './model-plan';

const catalog = buildCatalog(prebuiltAppConfig);
const current = { mode: 'multi' as const, roles: {} };

describe('weightsDownloadMB', () => {
  it('estimates from parameters and the bits per weight of the quantization', () => {
    expect(weightsDownloadMB({ paramsB: 0.5, quantization: 'q4f16_1' })).toBe(281);
    expect(weightsDownloadMB({ paramsB: 1.5, quantization: 'q4f32_1' })).toBe(938);
    expect(weightsDownloadMB({ paramsB: 1, quantization: 'q0f16' })).toBe(2000);
  });

  it('says nothing rather than guess when size or quantization is unknown', () => {
    expect(weightsDownloadMB({ paramsB: 0, quantization: 'q4f16_1' })).toBeUndefined();
    expect(weightsDownloadMB({ paramsB: 1, quantization: 'unknown' })).toBeUndefined();
  });
});

describe('modelPlan', () => {
  it('Tiny on a GPU with shader-f16: three loads, the shared Qwen downloaded once', () => {
    const plan = modelPlan('tiny', catalog, { shaderF16: true }, current);
    expect(plan?.mode).toBe('multi');
    expect(plan?.loads.map((l) => l.modelId)).toEqual([
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      'SmolLM2-360M-Instruct-q4f16_1-MLC',
    ]);
    // The README's figure for Tiny with shader-f16.
    expect(plan?.vramMB).toBe(2265);
    const qwen = weightsDownloadMB({ paramsB: 0.5, quantization: 'q4f16_1' }) ?? 0;
    const smol = weightsDownloadMB({ paramsB: 0.36, quantization: 'q4f16_1' }) ?? 0;
    expect(plan?.downloadMB).toBe(qwen + smol);
    expect(plan?.unknownSizes).toEqual([]);
  });

  it('without shader-f16 the f32 twins are planned, with the note saying so', () => {
    const plan = modelPlan('single', catalog, { shaderF16: false }, current);
    expect(plan?.mode).toBe('single');
    expect(plan?.loads).toEqual([
      expect.objectContaining({ roles: ['backbone'], modelId: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC' }),
    ]);
    expect(plan?.notes).toEqual([
      {
        code: 'twin',
        values: { twin: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', model: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC' },
      },
    ]);
  });

  it('the current models: their mode and roles as the Models panel has them', () => {
    const plan = modelPlan(
      'current',
      catalog,
      { shaderF16: true },
      {
        mode: 'shared',
        roles: {
          planner: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
          caller: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
          summarizer: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
        },
      },
    );
    expect(plan?.loads).toHaveLength(1);
    expect(plan?.loads[0]?.roles).toEqual(['planner', 'caller', 'summarizer']);
  });

  it('an unknown preset has no plan', () => {
    expect(modelPlan('nope' as 'tiny', catalog, { shaderF16: true }, current)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('presets per mode', () => {
    expect(presetsForMode('multi')).toEqual(['tiny', 'balanced']);
    expect(presetsForMode('shared')).toEqual(['one-model']);
    expect(presetsForMode('single')).toEqual(['single']);
  });

  it('role-ordered model ids', () => {
    expect(roleModelIds({ summarizer: { id: 's' }, planner: { id: 'p' }, caller: { id: 'c' } })).toEqual([
      'planner=p',
      'caller=c',
      'summarizer=s',
    ]);
    expect(roleModelIds({ backbone: { id: 'b' } })).toEqual(['backbone=b']);
  });
});
