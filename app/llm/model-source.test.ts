import type { ModelRecord } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import {
  appBaseUrl,
  applyModelSource,
  libraryFileName,
  ModelSourceError,
  selfHostedLibUrl,
  selfHostedModelUrl,
  siteBaseUrl,
  weightsBaseUrl,
} from './model-source';

const RECORD: ModelRecord = {
  model: 'https://huggingface.co/mlc-ai/Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  model_id: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
  model_lib:
    'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm',
  vram_required_MB: 1060.2,
  low_resource_required: true,
  overrides: { context_window_size: 4096 },
};

describe('weightsBaseUrl (WebLLM cleanModelUrl)', () => {
  it.each([
    ['https://huggingface.co/mlc-ai/X', 'https://huggingface.co/mlc-ai/X/resolve/main/'],
    ['https://huggingface.co/mlc-ai/X/', 'https://huggingface.co/mlc-ai/X/resolve/main/'],
    ['https://huggingface.co/mlc-ai/X/resolve/v2/', 'https://huggingface.co/mlc-ai/X/resolve/v2/'],
    ['http://localhost:4173/models/X/', 'http://localhost:4173/models/X/resolve/main/'],
  ])('%s → %s', (model, expected) => {
    expect(weightsBaseUrl(model)).toBe(expected);
  });

  it('throws on relative URLs, as WebLLM does', () => {
    expect(() => weightsBaseUrl('/models/X/')).toThrow(TypeError);
  });
});

describe('applyModelSource', () => {
  it('leaves the record alone for Hugging Face', () => {
    expect(applyModelSource(RECORD, 'huggingface', 'https://umi.example')).toBe(RECORD);
  });

  it('points the record at this site with absolute URLs', () => {
    const record = applyModelSource(RECORD, 'this-site', 'http://localhost:4173');
    expect(record).toEqual({
      ...RECORD,
      model: 'http://localhost:4173/models/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/',
      model_lib: 'http://localhost:4173/models/libs/Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm',
    });
    expect(weightsBaseUrl(record.model)).toBe(
      'http://localhost:4173/models/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/',
    );
    expect(RECORD.model).toMatch(/^https:\/\/huggingface.co/);
  });

  it('honours a base path and ignores the page file, query and hash', () => {
    expect(selfHostedModelUrl('M', 'https://x.github.io/umi-lab/')).toBe(
      'https://x.github.io/umi-lab/models/M/',
    );
    expect(selfHostedModelUrl('M', 'https://x.github.io/umi-lab')).toBe(
      'https://x.github.io/umi-lab/models/M/',
    );
    expect(siteBaseUrl('https://host:8080/?a=1#b')).toBe('https://host:8080/');
    expect(selfHostedLibUrl('https://l/a/b/lib.wasm?raw=1', 'https://host')).toBe(
      'https://host/models/libs/lib.wasm',
    );
  });

  it("takes the app's base, not the page's address (issue 12 #7)", () => {
    for (const page of [
      'http://localhost:4173/',
      'http://localhost:4173/index.html',
      'http://localhost:4173/index.html?lesson=abc#step-2',
      'http://localhost:4173/?lesson=abc',
    ]) {
      expect(selfHostedModelUrl('M', appBaseUrl(page, '/'))).toBe('http://localhost:4173/models/M/');
    }
    expect(appBaseUrl('https://x.github.io/umi-lab/index.html?x=1', '/umi-lab/')).toBe(
      'https://x.github.io/umi-lab/',
    );
    expect(appBaseUrl('https://x.github.io/umi-lab/index.html', './')).toBe('https://x.github.io/umi-lab/');
  });

  it('rejects origins WebLLM could not use', () => {
    expect(() => applyModelSource(RECORD, 'this-site', 'localhost:4173/')).toThrow(ModelSourceError);
    expect(() => applyModelSource(RECORD, 'this-site', '/')).toThrow(/not an absolute URL/);
    expect(() => applyModelSource(RECORD, 'this-site', 'file:///home/x/index.html')).toThrow(/http\(s\)/);
  });

  it('needs a library file name', () => {
    expect(libraryFileName('https://l/x/y.wasm')).toBe('y.wasm');
    expect(() => libraryFileName('https://l/x/')).toThrow(ModelSourceError);
  });
});
