import { describe, expect, it } from 'vitest';
import { gpuFailureText, gpuNoteText } from './gpu-messages';
import { type GpuAdapterLike, type GpuLike, type GpuLimits, probeGpu } from './gpu-probe';

/** The English sentences the page shows for a probe (the probe itself returns data). */
const en = {
  failure: (probe: Awaited<ReturnType<typeof probeGpu>>) => (probe.ok ? '' : gpuFailureText('en', probe)),
  notes: (notes: Parameters<typeof gpuNoteText>[1][]) => notes.map((n) => gpuNoteText('en', n)),
};

const GOOD_LIMITS: GpuLimits = {
  maxStorageBufferBindingSize: 2 ** 31 - 4,
  maxComputeWorkgroupStorageSize: 32768,
  maxStorageBuffersPerShaderStage: 10,
  maxBufferSize: 2 ** 32,
};

type AdapterOverrides = Partial<Omit<GpuAdapterLike, 'limits'>> & {
  f16?: boolean;
  limits?: Partial<GpuLimits>;
};

function adapter(overrides: AdapterOverrides = {}) {
  const { f16 = true, limits, ...rest } = overrides;
  const features = new Set(f16 ? ['shader-f16', 'subgroups'] : ['subgroups']);
  return {
    features,
    limits: { ...GOOD_LIMITS, ...limits },
    info: { vendor: 'nvidia', architecture: 'ampere', device: '', description: 'NVIDIA GeForce RTX 3060' },
    ...rest,
  } as GpuAdapterLike;
}

function gpu(result: GpuAdapterLike | null | Error, seen: unknown[] = []): GpuLike {
  return {
    requestAdapter: async (options) => {
      seen.push(options);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

describe('probeGpu', () => {
  it('reports a missing navigator.gpu with what to do', async () => {
    const probe = await probeGpu(undefined);
    expect(probe).toMatchObject({ ok: false, reason: 'no-webgpu' });
    const message = en.failure(probe);
    expect(message).toMatch(/^This browser does not offer WebGPU, so the models cannot run here\. /);
    expect(message).toMatch(/Chrome or Edge 113/);
    expect(message).toMatch(/Safari 26/);
    expect(message).toMatch(/Firefox 141 or later on Windows/);
    expect(message).toMatch(/enable-unsafe-webgpu/);
    expect(message).toMatch(/scripted demo still works/);
  });

  it('defaults to globalThis.navigator.gpu (absent in Node)', async () => {
    expect(await probeGpu()).toMatchObject({ ok: false, reason: 'no-webgpu' });
  });

  it('reports a null adapter', async () => {
    const probe = await probeGpu(gpu(null));
    expect(probe).toMatchObject({ ok: false, reason: 'no-adapter' });
    expect(en.failure(probe)).toMatch(/no usable GPU.*scripted demo/s);
  });

  it('asks for the high-performance adapter and reports a good one', async () => {
    const seen: unknown[] = [];
    const probe = await probeGpu(gpu(adapter(), seen));
    expect(seen).toEqual([{ powerPreference: 'high-performance' }]);
    expect(probe).toEqual({
      ok: true,
      adapter: {
        vendor: 'nvidia',
        architecture: 'ampere',
        device: '',
        description: 'NVIDIA GeForce RTX 3060',
        isFallbackAdapter: false,
      },
      shaderF16: true,
      limits: GOOD_LIMITS,
      problems: [],
      warnings: [],
    });
    expect(structuredClone(probe)).toEqual(probe);
  });

  it('reports a GPU without shader-f16', async () => {
    const probe = await probeGpu(gpu(adapter({ f16: false })));
    expect(probe).toMatchObject({ ok: true, shaderF16: false, problems: [] });
  });

  it('warns about a fallback (software) adapter such as SwiftShader', async () => {
    const swiftshader = adapter({
      f16: false,
      info: {
        vendor: 'google',
        architecture: 'swiftshader',
        device: '',
        description: '',
        isFallbackAdapter: true,
      },
    });
    const probe = await probeGpu(gpu(swiftshader));
    expect(probe).toMatchObject({ ok: true, shaderF16: false, adapter: { isFallbackAdapter: true } });
    if (probe.ok) {
      expect(probe.warnings).toEqual([{ code: 'software' }]);
      expect(en.notes(probe.warnings)).toEqual([expect.stringMatching(/software rendering.*very slow/)]);
    }
    // Older browsers: the flag on the adapter, the name in requestAdapterInfo().
    const old = { ...adapter(), info: undefined, isFallbackAdapter: false } as GpuAdapterLike & {
      info?: undefined;
    };
    const legacy = await probeGpu(
      gpu({
        ...old,
        requestAdapterInfo: async () => ({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.7)' }),
      }),
    );
    expect(legacy).toMatchObject({ ok: true, adapter: { vendor: 'mesa', isFallbackAdapter: false } });
    if (legacy.ok) expect(legacy.warnings).toHaveLength(1);
  });

  it('survives requestAdapterInfo throwing', async () => {
    const broken = {
      ...adapter(),
      info: undefined,
      requestAdapterInfo: async () => {
        throw new Error('deprecated');
      },
    } as unknown as GpuAdapterLike;
    expect(await probeGpu(gpu(broken))).toMatchObject({ ok: true, adapter: { vendor: '', description: '' } });
  });

  it('fails on limits below what WebLLM needs, keeping the details', async () => {
    const low = adapter({
      limits: { maxComputeWorkgroupStorageSize: 16384, maxStorageBuffersPerShaderStage: 8 },
    });
    const probe = await probeGpu(gpu(low));
    expect(probe).toMatchObject({ ok: false, reason: 'limits' });
    if (probe.ok || probe.reason !== 'limits') return;
    expect(probe.details.problems).toEqual([
      { code: 'tooLow', values: { limit: 'maxComputeWorkgroupStorageSize', value: 16384, minimum: 32768 } },
      { code: 'tooLow', values: { limit: 'maxStorageBuffersPerShaderStage', value: 8, minimum: 10 } },
    ]);
    expect(en.notes(probe.details.problems)).toEqual([
      'maxComputeWorkgroupStorageSize is 16384; WebLLM needs at least 32768.',
      'maxStorageBuffersPerShaderStage is 8; WebLLM needs at least 10.',
    ]);
    expect(en.failure(probe)).toBe(
      "This GPU's WebGPU limits are too low for WebLLM: maxComputeWorkgroupStorageSize is 16384; WebLLM needs at least 32768. " +
        'maxStorageBuffersPerShaderStage is 8; WebLLM needs at least 10. Try another browser or computer. ' +
        'The scripted demo still works without a GPU.',
    );
    expect(probe.details.limits.maxComputeWorkgroupStorageSize).toBe(16384);
  });

  it('warns (as a problem, still ok) when maxStorageBufferBindingSize is small', async () => {
    const small = adapter({
      limits: { maxStorageBufferBindingSize: 128 * 2 ** 20, maxBufferSize: 256 * 2 ** 20 },
    });
    const probe = await probeGpu(gpu(small));
    expect(probe).toMatchObject({ ok: true });
    if (probe.ok) {
      expect(en.notes(probe.problems)).toEqual([
        'maxStorageBufferBindingSize is only 128 MB (WebLLM wants 1024 MB): larger models may fail to load; prefer the Tiny preset.',
        'maxBufferSize is only 256 MB (WebLLM wants 1024 MB): larger models may fail to load.',
      ]);
    }
    const tiny = adapter({ limits: { maxStorageBufferBindingSize: 64 * 2 ** 20 } });
    expect(await probeGpu(gpu(tiny))).toMatchObject({ ok: false, reason: 'limits' });
  });

  it('never throws: requestAdapter rejecting becomes an error result', async () => {
    const error = new DOMException('GPU process crashed', 'OperationError');
    const probe = await probeGpu(gpu(error));
    expect(probe).toMatchObject({
      ok: false,
      reason: 'error',
      details: { name: 'OperationError', message: 'GPU process crashed' },
    });
    expect(en.failure(probe)).toMatch(
      /^Asking the browser for a GPU failed \(OperationError: GPU process crashed\)\. Reload the page.*scripted demo/s,
    );
    const weird = await probeGpu(
      gpu(adapter({ features: undefined as unknown as GpuAdapterLike['features'] })),
    );
    expect(weird).toMatchObject({ ok: false, reason: 'error' });
  });

  it('gives up on a requestAdapter that never answers', async () => {
    const hanging: GpuLike = { requestAdapter: () => new Promise(() => {}) };
    const probe = await probeGpu(hanging, { timeoutMs: 20 });
    expect(probe).toMatchObject({ ok: false, reason: 'error', details: { name: 'TimeoutError' } });
  });

  it('treats an object without requestAdapter as no WebGPU', async () => {
    expect(await probeGpu({} as GpuLike)).toMatchObject({ ok: false, reason: 'no-webgpu' });
  });
});
