import type { ModelRecord } from '@mlc-ai/web-llm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCatalog,
  CatalogError,
  type CatalogModel,
  chatModels,
  customModel,
  f32Twin,
  findModel,
  loadPrebuiltCatalog,
  modelLabel,
  parseModelId,
  toModelRecord,
} from './catalog';

const LIB = 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base';

function record(id: string, extra: Partial<ModelRecord> = {}): ModelRecord {
  return {
    model: `https://huggingface.co/mlc-ai/${id}`,
    model_id: id,
    model_lib: `${LIB}/${id}-webgpu.wasm`,
    ...extra,
  };
}

const FAKE = {
  model_list: [
    record('Qwen2.5-0.5B-Instruct-q4f16_1-MLC', {
      vram_required_MB: 944.62,
      low_resource_required: true,
      overrides: { context_window_size: 4096 },
    }),
    record('Qwen2.5-0.5B-Instruct-q4f32_1-MLC', { vram_required_MB: 1060.2 }),
    record('SmolLM2-360M-Instruct-q0f16-MLC', {
      required_features: ['shader-f16'],
      vram_required_MB: 871.99,
    }),
    record('Hermes-2-Pro-Mistral-7B-q4f16_1-MLC', {
      required_features: ['shader-f16'],
      overrides: { context_window_size: 4096, sliding_window_size: -1 },
    }),
    record('Llama-3.1-8B-Instruct-q4f32_1-MLC-1k', { overrides: { context_window_size: 1024 } }),
    // ModelType is a runtime enum (imported as a type only here): 1 is `embedding`.
    record('snowflake-arctic-embed-s-q0f32-MLC-b4', {
      model_type: 1 as NonNullable<ModelRecord['model_type']>,
    }),
  ],
};

describe('parseModelId', () => {
  it.each([
    ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'Qwen2.5', '0.5B', 0.5, 'q4f16_1'],
    ['SmolLM2-360M-Instruct-q4f32_1-MLC', 'SmolLM2', '360M', 0.36, 'q4f32_1'],
    ['Llama-3.2-1B-Instruct-q0f16-MLC', 'Llama-3.2', '1B', 1, 'q0f16'],
    ['Llama-3.1-8B-Instruct-q4f16_1-MLC-1k', 'Llama-3.1', '8B', 8, 'q4f16_1'],
    ['Qwen3-0.6B-q4f16_1-MLC', 'Qwen3', '0.6B', 0.6, 'q4f16_1'],
    ['gemma-2-2b-it-q4f32_1-MLC', 'gemma', '2B', 2, 'q4f32_1'],
    ['stablelm-2-zephyr-1_6b-q4f16_1-MLC', 'stablelm', '1.6B', 1.6, 'q4f16_1'],
    ['Phi-3.5-mini-instruct-q4f16_1-MLC', 'Phi', '3.8B', 3.8, 'q4f16_1'],
    ['Llama-3.1-70B-Instruct-q3f16_1-MLC', 'Llama-3.1', '70B', 70, 'q3f16_1'],
    ['my-own-model', 'my', 'unknown', 0, 'unknown'],
  ])('%s', (id, family, sizeLabel, paramsB, quantization) => {
    const parsed = parseModelId(id);
    expect(parsed).toMatchObject({ family, sizeLabel, quantization });
    expect(parsed.paramsB).toBeCloseTo(paramsB);
  });
});

describe('buildCatalog with a fake config', () => {
  const catalog = buildCatalog(FAKE);

  it('describes each record', () => {
    expect(findModel(catalog, 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC')).toMatchObject({
      family: 'Qwen2.5',
      sizeLabel: '0.5B',
      vramMB: 944.62,
      contextWindow: 4096,
      lowResource: true,
      needsF16: true,
      source: 'prebuilt',
      dialect: 'chat',
      chatCapable: true,
    });
    expect(findModel(catalog, 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC')).toMatchObject({
      needsF16: false,
      lowResource: false,
      contextWindow: 4096,
    });
    expect(findModel(catalog, 'Llama-3.1-8B-Instruct-q4f32_1-MLC-1k')?.contextWindow).toBe(1024);
    expect(findModel(catalog, 'nope')).toBeUndefined();
  });

  it('flags embedding models as not chat capable', () => {
    expect(findModel(catalog, 'snowflake-arctic-embed-s-q0f32-MLC-b4')?.chatCapable).toBe(false);
    expect(chatModels(catalog).map((m) => m.id)).not.toContain('snowflake-arctic-embed-s-q0f32-MLC-b4');
  });

  it('finds f32 twins of f16 models only', () => {
    expect(f32Twin(catalog, 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC')?.id).toBe(
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
    );
    expect(f32Twin(catalog, 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC')).toBeUndefined();
    expect(f32Twin(catalog, 'SmolLM2-360M-Instruct-q0f16-MLC')).toBeUndefined();
    expect(f32Twin(catalog, 'Hermes-2-Pro-Mistral-7B-q4f16_1-MLC')).toBeUndefined();
    expect(f32Twin(catalog, 'unknown')).toBeUndefined();
  });

  it('round-trips prebuilt records through toModelRecord', () => {
    for (const original of FAKE.model_list) {
      const model = findModel(catalog, original.model_id) as CatalogModel;
      const back = toModelRecord(model);
      expect(back).toMatchObject(original);
      // Only a window the record sets goes back to WebLLM (issue 12 #9).
      expect(back.overrides?.context_window_size).toBe(original.overrides?.context_window_size);
    }
    const hermes = toModelRecord(findModel(catalog, 'Hermes-2-Pro-Mistral-7B-q4f16_1-MLC') as CatalogModel);
    expect(hermes.overrides).toEqual({ context_window_size: 4096, sliding_window_size: -1 });
    expect(hermes.required_features).toEqual(['shader-f16']);
  });
});

describe('the real prebuilt catalog (WebLLM 0.2.86)', () => {
  let catalog: CatalogModel[];
  beforeAll(async () => {
    catalog = await loadPrebuiltCatalog();
  });

  it('has the preset models with their VRAM', () => {
    expect(findModel(catalog, 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC')?.vramMB).toBe(944.62);
    expect(findModel(catalog, 'SmolLM2-360M-Instruct-q4f16_1-MLC')?.vramMB).toBe(376.06);
    expect(findModel(catalog, 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC')?.vramMB).toBe(1629.75);
    expect(findModel(catalog, 'Llama-3.2-1B-Instruct-q4f16_1-MLC')?.vramMB).toBe(879.04);
  });

  it('gives every chat f16 model used by the presets an f32 twin', () => {
    for (const id of [
      'Qwen2.5-0.5B-Instruct-q4f16_1-MLC',
      'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
      'SmolLM2-360M-Instruct-q4f16_1-MLC',
      'Llama-3.2-1B-Instruct-q4f16_1-MLC',
    ])
      expect(f32Twin(catalog, id)?.id).toBe(id.replace('q4f16_1', 'q4f32_1'));
    expect(f32Twin(catalog, 'gemma-2-2b-it-q4f16_1-MLC-1k')?.id).toBe('gemma-2-2b-it-q4f32_1-MLC-1k');
  });

  it('parses a family, size and quantization for every chat model', () => {
    for (const model of chatModels(catalog)) {
      expect(model.quantization, model.id).toMatch(/^q\d+f\d+(_\d+)?$/);
      expect(model.paramsB, model.id).toBeGreaterThan(0);
      expect(model.needsF16, model.id).toBe(model.quantization.includes('f16'));
    }
    expect(catalog.filter((m) => !m.chatCapable).length).toBeGreaterThan(0);
  });
});

describe('customModel', () => {
  const valid = {
    id: 'alpha-umi-planner-7b-q4f16_1-MLC',
    modelUrl: 'https://example.org/weights/alpha-umi-planner/',
    modelLibUrl: 'https://example.org/libs/Llama-2-7b-chat-hf-q4f16_1_cs1k-webgpu.wasm',
    dialect: 'alpha-umi' as const,
  };

  it('builds a custom entry with defaults', () => {
    const model = customModel(valid);
    expect(model).toMatchObject({
      id: valid.id,
      source: 'custom',
      dialect: 'alpha-umi',
      quantization: 'q4f16_1',
      needsF16: true,
      contextWindow: 4096,
      vramMB: 0,
      sizeLabel: '7B',
      chatCapable: true,
    });
    expect(modelLabel(model)).toBe('alpha 7B · q4f16_1');
    // No window typed: the compiled config's window stands (an override breaks sliding-window models).
    expect(toModelRecord(model)).not.toHaveProperty('overrides');
    const rec = toModelRecord(customModel({ ...valid, vramMB: 4000, contextWindow: 2048 }));
    expect(rec).toEqual({
      model: valid.modelUrl,
      model_id: valid.id,
      model_lib: valid.modelLibUrl,
      overrides: { context_window_size: 2048 },
      low_resource_required: false,
      vram_required_MB: 4000,
      required_features: ['shader-f16'],
    });
  });

  it('reads the quantization from the library name when the id does not say', () => {
    const model = customModel({ ...valid, id: 'my-planner' });
    expect(model.quantization).toBe('q4f16_1');
  });

  it.each([
    [{ id: '../etc' }, /model id/],
    [{ id: 'has space' }, /model id/],
    [{ id: '' }, /model id/],
    [{ modelUrl: '/models/x/' }, /not an absolute URL/],
    [{ modelUrl: 'ftp://example.org/x/' }, /https:\/\//],
    [{ modelLibUrl: 'javascript:alert(1)' }, /https:\/\//],
    [{ modelLibUrl: 'https://example.org/lib.js' }, /\.wasm/],
    [{ vramMB: -1 }, /VRAM/],
    [{ contextWindow: 1.5 }, /context window/],
    [{ dialect: 'other' }, /dialect/],
  ])('rejects %o', (patch, message) => {
    const input = { ...valid, ...patch } as Parameters<typeof customModel>[0];
    expect(() => customModel(input)).toThrow(CatalogError);
    expect(() => customModel(input)).toThrow(message);
  });

  it('names its error class and carries the problem as a code with values', () => {
    expect.assertions(3);
    try {
      customModel({ ...valid, vramMB: -1 });
    } catch (error) {
      expect((error as Error).name).toBe('CatalogError');
      expect((error as CatalogError).problem).toEqual({
        code: 'positive',
        values: { what: 'vramMB', value: -1 },
      });
      expect((error as Error).message).toBe('The VRAM estimate (MB) must be a positive number, not -1.');
    }
  });
});
