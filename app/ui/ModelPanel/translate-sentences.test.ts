import { beforeAll, describe, expect, it } from 'vitest';
import { type CatalogModel, customModel, loadPrebuiltCatalog } from '../../llm/catalog';
import { type GpuAdapterLike, type GpuLike, type GpuLimits, probeGpu } from '../../llm/gpu-probe';
import { findPreset, type Preset, resolvePreset } from '../../llm/presets';
import { customModelError, gpuFailure, gpuLine, presetNote, roleList } from './translate-sentences';

/** English words left in a "translated" sentence, minus identifiers (model ids, URLs, limit names). */
function englishWords(
  text: string,
  inputs: readonly string[] = ['Error', 'boom', 'example', 'org', 'ftp', 'lib', 'other'],
): string[] {
  return (
    text
      .replace(/https?:\/\/\S+|chrome:\/\/\S+|--[\w-]+|[\w.-]*\d[\w.-]*|\b[a-z]+[A-Z]\w*/g, ' ')
      .match(/\b[A-Za-z]{3,}\b/g) ?? []
  ).filter(
    (w) =>
      !inputs.includes(w) &&
      !/^(WebGPU|WebLLM|GPU|Chrome|Edge|Safari|Firefox|Windows|Linux|SwiftShader|MLC|URL|wasm|chat|alpha|umi|shared|https|http|GiB|MB)$/i.test(
        w,
      ),
  );
}

const GOOD: GpuLimits = {
  maxStorageBufferBindingSize: 2 ** 31 - 4,
  maxComputeWorkgroupStorageSize: 32768,
  maxStorageBuffersPerShaderStage: 10,
  maxBufferSize: 2 ** 32,
};
const gpu = (limits: Partial<GpuLimits> | null | Error, description = 'NVIDIA'): GpuLike => ({
  requestAdapter: async () => {
    if (limits instanceof Error) throw limits;
    if (limits === null) return null;
    return {
      features: new Set<string>(),
      limits: { ...GOOD, ...limits },
      info: { vendor: 'x', architecture: 'y', device: '', description },
    } as GpuAdapterLike;
  },
});

describe('sentences from outside the interface, in Chinese', () => {
  let catalog: CatalogModel[];
  beforeAll(async () => {
    catalog = await loadPrebuiltCatalog();
  });

  it('translates every GPU probe failure, problem and warning', async () => {
    const probes = await Promise.all([
      probeGpu(undefined),
      probeGpu(gpu(null)),
      probeGpu(gpu(new Error('boom'))),
      probeGpu(gpu({ maxComputeWorkgroupStorageSize: 16384, maxStorageBufferBindingSize: 2 ** 26 })),
      probeGpu(gpu({ maxBufferSize: 2 ** 27 })),
    ]);
    for (const probe of probes) {
      expect(probe.ok).toBe(false);
      if (probe.ok) continue;
      const zh = gpuFailure('zh-CN', probe);
      expect(zh, probe.message).not.toBe(probe.message);
      expect(englishWords(zh), zh).toEqual([]);
      expect(gpuFailure('en', probe)).toBe(probe.message);
    }
    const soft = await probeGpu(
      gpu({ maxStorageBufferBindingSize: 2 ** 28, maxBufferSize: 2 ** 29 }, 'SwiftShader'),
    );
    expect(soft.ok).toBe(true);
    if (!soft.ok) return;
    const lines = [...soft.problems, ...soft.warnings];
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(gpuLine('zh-CN', line), line).not.toBe(line);
      expect(englishWords(gpuLine('zh-CN', line)), line).toEqual([]);
    }
  });

  it('translates every preset note, role names included', () => {
    const tiny = findPreset('tiny') as Preset;
    const notes = [
      ...resolvePreset(tiny, catalog, { shaderF16: false }).notes,
      ...resolvePreset({ ...tiny, roles: { planner: 'Nope-1B', caller: 'Nope-1B' } }, catalog, {
        shaderF16: true,
      }).notes,
      ...resolvePreset(
        {
          ...tiny,
          mode: 'shared',
          roles: { planner: tiny.roles.planner ?? '', summarizer: tiny.roles.summarizer ?? '' },
        },
        catalog,
        { shaderF16: true },
      ).notes,
    ];
    const f16Only = catalog.find(
      (m) => m.needsF16 && !catalog.some((t) => t.id === m.id.replace('q4f16', 'q4f32')),
    );
    if (f16Only)
      notes.push(
        ...resolvePreset({ ...tiny, roles: { caller: f16Only.id } }, catalog, { shaderF16: false }).notes,
      );
    const notChat = catalog.find((m) => !m.chatCapable);
    if (notChat)
      notes.push(
        ...resolvePreset({ ...tiny, roles: { summarizer: notChat.id } }, catalog, { shaderF16: true }).notes,
      );
    expect(notes.length).toBeGreaterThanOrEqual(4);
    for (const note of notes) {
      const zh = presetNote('zh-CN', note);
      expect(zh, note).not.toBe(note);
      expect(englishWords(zh), zh).toEqual([]);
    }
    expect(roleList('zh-CN', 'planner, caller and summarizer')).toBe('规划器、调用器和总结器');
  });

  it('translates every custom-model error', () => {
    const good = {
      id: 'my-model-q4f16_1-MLC',
      modelUrl: 'https://example.org/m/',
      modelLibUrl: 'https://example.org/lib.wasm',
      dialect: 'chat' as const,
    };
    const bad = [
      { ...good, id: '../x' },
      { ...good, modelUrl: '' },
      { ...good, modelUrl: 'example.org/m' },
      { ...good, modelLibUrl: 'ftp://example.org/lib.wasm' },
      { ...good, modelLibUrl: 'https://example.org/lib.js' },
      { ...good, vramMB: -1 },
      { ...good, contextWindow: 1.5 },
      { ...good, dialect: 'other' as 'chat' },
    ];
    for (const input of bad) {
      let message = '';
      try {
        customModel(input);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe('');
      const zh = customModelError('zh-CN', message);
      expect(zh, message).not.toBe(message);
      expect(englishWords(zh), zh).toEqual([]);
    }
  });
});
