import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogError, type CatalogModel, customModel, loadPrebuiltCatalog } from '../../llm/catalog';
import { customModelProblemText } from '../../llm/custom-model-messages';
import { gpuFailureText, gpuNoteText } from '../../llm/gpu-messages';
import { type GpuAdapterLike, type GpuLike, type GpuLimits, probeGpu } from '../../llm/gpu-probe';
import type { PresetNote } from '../../llm/preset-messages';
import { findPreset, type Preset, resolvePreset } from '../../llm/presets';
import { roleGroup, roleList } from '../Roles/role-list';
import { presetNoteText } from './preset-note';

/*
 * The Models panel's messages from outside the interface — the GPU probe, the preset notes,
 * the custom-model problems — come as codes and values from the real producers. In English
 * they read exactly as the producers used to write them; in Chinese no English is left.
 */

/** English words left in a translated sentence, minus identifiers (model ids, URLs, limit names). */
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

/** Both languages of one message: English as given, Chinese different and without English or `{placeholders}`. */
function expectBoth(en: string, zh: string, expected: string | RegExp) {
  if (typeof expected === 'string') expect(en).toBe(expected);
  else expect(en).toMatch(expected);
  expect(zh, en).not.toBe(en);
  expect(englishWords(zh), zh).toEqual([]);
  expect(`${en} ${zh}`).not.toMatch(/\{\w+\}/);
}

const BROWSER_ADVICE =
  'Use Chrome or Edge 113 or later, Safari 26 or later, or Firefox 141 or later on Windows; ' +
  'on Linux, Chrome needs WebGPU switched on (chrome://flags/#enable-unsafe-webgpu, or start it with --enable-unsafe-webgpu).';
const DEMO = 'The scripted demo still works without a GPU.';

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

describe('GPU probe messages', () => {
  it('writes every failure from its reason and details, in both languages', async () => {
    const cases: [GpuLike | undefined, string][] = [
      [
        undefined,
        `This browser does not offer WebGPU, so the models cannot run here. ${BROWSER_ADVICE} ${DEMO}`,
      ],
      [
        gpu(null),
        'WebGPU is available but the browser found no usable GPU (it may be blocklisted or disabled: see chrome://gpu, and update the graphics driver). ' +
          `${BROWSER_ADVICE} ${DEMO}`,
      ],
      [
        gpu(new Error('boom')),
        `Asking the browser for a GPU failed (Error: boom). Reload the page; if it keeps failing: ${BROWSER_ADVICE} ${DEMO}`,
      ],
      [
        gpu({ maxComputeWorkgroupStorageSize: 16384, maxStorageBufferBindingSize: 2 ** 26 }),
        "This GPU's WebGPU limits are too low for WebLLM: maxComputeWorkgroupStorageSize is 16384; WebLLM needs at least 32768. " +
          `maxStorageBufferBindingSize is 64 MB; WebLLM needs at least 128 MB. Try another browser or computer. ${DEMO}`,
      ],
      [
        gpu({ maxBufferSize: 2 ** 27 }),
        `This GPU's WebGPU limits are too low for WebLLM: maxBufferSize is 128 MB; WebLLM needs at least 256 MB. Try another browser or computer. ${DEMO}`,
      ],
    ];
    for (const [input, english] of cases) {
      const probe = await probeGpu(input);
      expect(probe.ok).toBe(false);
      if (probe.ok) continue;
      expect(structuredClone(probe)).toEqual(probe); // plain data: crosses the worker boundary
      expectBoth(gpuFailureText('en', probe), gpuFailureText('zh-CN', probe), english);
    }
  });

  it('writes each limit problem and adapter warning', async () => {
    const soft = await probeGpu(
      gpu({ maxStorageBufferBindingSize: 2 ** 28, maxBufferSize: 2 ** 29 }, 'SwiftShader'),
    );
    expect(soft.ok).toBe(true);
    if (!soft.ok) return;
    const notes = [...soft.problems, ...soft.warnings];
    const english = [
      'maxStorageBufferBindingSize is only 256 MB (WebLLM wants 1024 MB): larger models may fail to load; prefer the Tiny preset.',
      'maxBufferSize is only 512 MB (WebLLM wants 1024 MB): larger models may fail to load.',
      'This is a software (fallback) GPU adapter, such as SwiftShader: software rendering, so models will be very slow.',
    ];
    expect(notes).toHaveLength(english.length);
    notes.forEach((note, i) => {
      expectBoth(gpuNoteText('en', note), gpuNoteText('zh-CN', note), english[i] ?? '');
    });
  });
});

describe('preset notes', () => {
  let catalog: CatalogModel[];
  beforeAll(async () => {
    catalog = await loadPrebuiltCatalog();
  });

  it('writes every note of resolvePreset, its roles named in the language', () => {
    const tiny = findPreset('tiny') as Preset;
    const notes: PresetNote[] = [
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
    const notChat = catalog.find((m) => !m.chatCapable);
    if (f16Only)
      notes.push(
        ...resolvePreset({ ...tiny, roles: { caller: f16Only.id } }, catalog, { shaderF16: false }).notes,
      );
    if (notChat)
      notes.push(
        ...resolvePreset({ ...tiny, roles: { summarizer: notChat.id } }, catalog, { shaderF16: true }).notes,
      );
    const english = [
      'Your GPU has no shader-f16: using Qwen2.5-0.5B-Instruct-q4f32_1-MLC instead of Qwen2.5-0.5B-Instruct-q4f16_1-MLC.',
      'Your GPU has no shader-f16: using SmolLM2-360M-Instruct-q4f32_1-MLC instead of SmolLM2-360M-Instruct-q4f16_1-MLC.',
      'Nope-1B (planner and caller) is not in the model catalog: pick another model.',
      'Shared mode loads one model: Qwen2.5-0.5B-Instruct-q4f16_1-MLC plays every role.',
      ...(f16Only
        ? [
            `Your GPU has no shader-f16 and ${f16Only.id} (caller) has no f32 version: it cannot run here. Pick a q4f32_1 model for this role.`,
          ]
        : []),
      ...(notChat ? [`${notChat.id} is not a chat model and cannot play the summarizer.`] : []),
    ];
    expect(notes.map((n) => presetNoteText('en', n))).toEqual(english);
    for (const note of notes) expectBoth(presetNoteText('en', note), presetNoteText('zh-CN', note), /./);
    expect(presetNoteText('zh-CN', notes[2] as PresetNote)).toBe(
      'Nope-1B（规划器和调用器）不在模型目录中：请选择其他模型。',
    );
  });

  it('lists roles as the sentences always did in English, and by their names in Chinese', () => {
    expect(roleList('en', ['planner', 'caller', 'summarizer'])).toBe('planner, caller and summarizer');
    expect(roleList('zh-CN', ['planner', 'caller', 'summarizer'])).toBe('规划器、调用器和总结器');
    expect(roleList('zh-CN', ['backbone'])).toBe('单一模型');
    expect(roleGroup('en', ['planner', 'caller'])).toBe('planner + caller');
    expect(roleGroup('zh-CN', ['planner', 'caller'])).toBe('规划器 + 调用器');
  });
});

describe('custom model problems', () => {
  it('carries each problem as a code on CatalogError, written in both languages', () => {
    const good = {
      id: 'my-model-q4f16_1-MLC',
      modelUrl: 'https://example.org/m/',
      modelLibUrl: 'https://example.org/lib.wasm',
      dialect: 'chat' as const,
    };
    const cases: [Partial<Parameters<typeof customModel>[0]>, string][] = [
      [
        { id: '../x' },
        'The model id "../x" is not usable: use 1–128 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
      ],
      [{ modelUrl: '' }, 'The model URL is empty.'],
      [
        { modelUrl: 'example.org/m' },
        'The model URL "example.org/m" is not an absolute URL: write it in full, starting with https:// (or http://).',
      ],
      [
        { modelLibUrl: 'ftp://example.org/lib.wasm' },
        'The model library URL "ftp://example.org/lib.wasm" must start with https:// or http://, not ftp:',
      ],
      [
        { modelLibUrl: 'https://example.org/lib.js' },
        'The model library URL "https://example.org/lib.js" must point to a .wasm file.',
      ],
      [{ vramMB: -1 }, 'The VRAM estimate (MB) must be a positive number, not -1.'],
      [{ contextWindow: 1.5 }, 'The context window must be a positive whole number, not 1.5.'],
      [{ dialect: 'other' as 'chat' }, 'The dialect must be "chat" or "alpha-umi", not "other".'],
    ];
    for (const [patch, english] of cases) {
      let error: unknown;
      try {
        customModel({ ...good, ...patch });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CatalogError);
      const { problem, message } = error as CatalogError;
      expect(message).toBe(english);
      expectBoth(customModelProblemText('en', problem), customModelProblemText('zh-CN', problem), english);
    }
  });
});
