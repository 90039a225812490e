import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCatalog } from '../llm/catalog';
import { SWIFTSHADER_PROBE } from '../test-support/gpu';
import { useAppStore } from './index';
import { plannedSlots } from './models-slice';

const catalog = buildCatalog(prebuiltAppConfig);
const swiftshader = SWIFTSHADER_PROBE;

describe('models slice', () => {
  beforeEach(() => {
    useAppStore.setState({
      customModels: [],
      catalog: undefined,
      gpu: undefined,
      presetId: 'tiny',
      mode: 'multi',
    });
  });

  it('resolves the preset for the GPU: no shader-f16 → the q4f32_1 twins, with a note', () => {
    const store = useAppStore.getState();
    store.setCatalog(catalog);
    store.setGpu(swiftshader);
    const state = useAppStore.getState();
    expect(state.roleModels).toEqual({
      planner: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      caller: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      summarizer: 'SmolLM2-360M-Instruct-q4f32_1-MLC',
    });
    expect(state.presetNotes.map((note) => note.code)).toEqual(['twin', 'twin']);
    expect(Object.keys(state.slots)).toEqual(['planner', 'caller', 'summarizer']);
  });

  it('a shared preset loads one model for all three roles and switches the run mode', () => {
    const store = useAppStore.getState();
    store.setCatalog(catalog);
    store.choosePreset('one-model');
    const state = useAppStore.getState();
    expect(state.mode).toBe('shared');
    expect(plannedSlots(state)).toEqual([
      expect.objectContaining({ slot: 'shared', roles: ['planner', 'caller', 'summarizer'] }),
    ]);
  });

  it('any role can be set to any catalog model', () => {
    const store = useAppStore.getState();
    store.setCatalog(catalog);
    store.setRoleModel('summarizer', 'Llama-3.2-1B-Instruct-q4f16_1-MLC');
    expect(useAppStore.getState().slots.summarizer?.modelId).toBe('Llama-3.2-1B-Instruct-q4f16_1-MLC');
    expect(useAppStore.getState().slots.planner?.modelId).toBe('Qwen2.5-0.5B-Instruct-q4f16_1-MLC');
  });

  it('adds a valid custom model to the catalog and rejects a bad one without losing anything', () => {
    const store = useAppStore.getState();
    store.setCatalog(catalog);
    store.addCustomModel({
      id: 'alpha-umi-7b-planner-q4f16_1-MLC',
      modelUrl: 'https://example.org/alpha-umi/planner/',
      modelLibUrl: 'https://example.org/libs/Llama-2-7b-chat-hf-q4f16_1-webgpu.wasm',
      dialect: 'alpha-umi',
    });
    expect(useAppStore.getState().catalog?.some((m) => m.id === 'alpha-umi-7b-planner-q4f16_1-MLC')).toBe(
      true,
    );
    expect(() =>
      store.addCustomModel({
        id: 'x',
        modelUrl: 'models/x',
        modelLibUrl: 'https://e.org/x.wasm',
        dialect: 'chat',
      }),
    ).toThrow(/absolute URL/);
    expect(useAppStore.getState().customModels).toHaveLength(1);
    store.removeCustomModel('alpha-umi-7b-planner-q4f16_1-MLC');
    expect(useAppStore.getState().catalog?.some((m) => m.source === 'custom')).toBe(false);
  });
});
