/**
 * WebGPU probe: is there a GPU WebLLM can use, does it have `shader-f16`, and are its limits
 * high enough. Runs on the main thread and in workers (it touches only `navigator.gpu`),
 * never throws, and returns plain data that can cross a worker boundary.
 *
 * The WebGPU types are declared here structurally (only what the probe reads), so neither
 * the page nor the workers need `@webgpu/types`; the real `GPU` object fits these shapes.
 */
import type { NamedErrorData } from '../agent/types';
import type { GpuNote } from './gpu-messages';

export interface GpuAdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  readonly isFallbackAdapter?: boolean;
}

export interface GpuLimits {
  maxStorageBufferBindingSize: number;
  maxComputeWorkgroupStorageSize: number;
  maxStorageBuffersPerShaderStage: number;
  maxBufferSize: number;
}

export interface GpuAdapterLike {
  readonly features: { has(name: string): boolean };
  readonly limits: Readonly<GpuLimits>;
  /** `GPUAdapterInfo` (Chrome 127+, Safari 26, Firefox 141). */
  readonly info?: GpuAdapterInfoLike;
  /** Deprecated in favour of `info.isFallbackAdapter`, still the only flag in older browsers. */
  readonly isFallbackAdapter?: boolean;
  /** Deprecated; older browsers only have this. */
  requestAdapterInfo?(): Promise<GpuAdapterInfoLike>;
}

export interface GpuLike {
  requestAdapter(options?: {
    powerPreference?: 'low-power' | 'high-performance';
  }): Promise<GpuAdapterLike | null>;
}

export interface GpuAdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
}

export interface GpuReport {
  adapter: GpuAdapterSummary;
  shaderF16: boolean;
  limits: GpuLimits;
  /** Limits below what WebLLM asks for, one coded note each (gpu-messages.ts). */
  problems: GpuNote[];
  /** Things that work but badly (software rendering), one coded note each. */
  warnings: GpuNote[];
}

/**
 * What the probe found. A failure is its `reason` and `details`, not a sentence: the page
 * writes the sentence in its language (gpu-messages.ts `gpuFailureText`).
 */
export type GpuProbe =
  | ({ ok: true } & GpuReport)
  | { ok: false; reason: 'no-webgpu' | 'no-adapter' }
  | { ok: false; reason: 'limits'; details: GpuReport }
  | { ok: false; reason: 'error'; details: NamedErrorData };

/** What WebLLM 0.2.86 requests in `detectGPUDevice` (it fails below the minimums). */
export const WEBLLM_LIMITS = {
  maxComputeWorkgroupStorageSize: 32 << 10,
  maxStorageBuffersPerShaderStage: 10,
  /** WebLLM asks for 1 GB and falls back to 128 MB, which fits only small models. */
  maxStorageBufferBindingSize: { wanted: 1 << 30, minimum: 1 << 27 },
  /** WebLLM asks for 1 GB and falls back to 256 MB. */
  maxBufferSize: { wanted: 1 << 30, minimum: 1 << 28 },
} as const;

const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render/i;

function mb(bytes: number): string {
  return `${Math.floor(bytes / (1 << 20))} MB`;
}

function checkLimits(limits: GpuLimits): { problems: GpuNote[]; fatal: boolean } {
  const problems: GpuNote[] = [];
  let fatal = false;
  const tooLow = (limit: keyof GpuLimits, value: number | string, minimum: number | string) => {
    fatal = true;
    problems.push({ code: 'tooLow', values: { limit, value, minimum } });
  };
  if (limits.maxComputeWorkgroupStorageSize < WEBLLM_LIMITS.maxComputeWorkgroupStorageSize)
    tooLow(
      'maxComputeWorkgroupStorageSize',
      limits.maxComputeWorkgroupStorageSize,
      WEBLLM_LIMITS.maxComputeWorkgroupStorageSize,
    );
  if (limits.maxStorageBuffersPerShaderStage < WEBLLM_LIMITS.maxStorageBuffersPerShaderStage)
    tooLow(
      'maxStorageBuffersPerShaderStage',
      limits.maxStorageBuffersPerShaderStage,
      WEBLLM_LIMITS.maxStorageBuffersPerShaderStage,
    );
  const binding = WEBLLM_LIMITS.maxStorageBufferBindingSize;
  if (limits.maxStorageBufferBindingSize < binding.minimum) {
    tooLow('maxStorageBufferBindingSize', mb(limits.maxStorageBufferBindingSize), mb(binding.minimum));
  } else if (limits.maxStorageBufferBindingSize < binding.wanted) {
    problems.push({
      code: 'lowPreferTiny',
      values: {
        limit: 'maxStorageBufferBindingSize',
        value: mb(limits.maxStorageBufferBindingSize),
        wanted: mb(binding.wanted),
      },
    });
  }
  const buffer = WEBLLM_LIMITS.maxBufferSize;
  if (limits.maxBufferSize < buffer.minimum) {
    tooLow('maxBufferSize', mb(limits.maxBufferSize), mb(buffer.minimum));
  } else if (limits.maxBufferSize < buffer.wanted) {
    problems.push({
      code: 'low',
      values: { limit: 'maxBufferSize', value: mb(limits.maxBufferSize), wanted: mb(buffer.wanted) },
    });
  }
  return { problems, fatal };
}

async function adapterInfo(adapter: GpuAdapterLike): Promise<GpuAdapterInfoLike> {
  if (adapter.info) return adapter.info;
  if (typeof adapter.requestAdapterInfo !== 'function') return {};
  try {
    return (await adapter.requestAdapterInfo()) ?? {};
  } catch {
    return {};
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function errorData(error: unknown): NamedErrorData {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  return { name: 'Error', message: String(error) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new Error(`the browser did not answer within ${ms / 1000} s`);
      error.name = 'TimeoutError';
      reject(error);
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function defaultGpu(): GpuLike | undefined {
  return (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
}

export interface ProbeOptions {
  /** Give up on `requestAdapter` after this long (a wedged GPU process can leave it pending). */
  timeoutMs?: number;
}

export async function probeGpu(
  gpu: GpuLike | undefined = defaultGpu(),
  options: ProbeOptions = {},
): Promise<GpuProbe> {
  if (!gpu || typeof gpu.requestAdapter !== 'function') {
    return { ok: false, reason: 'no-webgpu' };
  }
  try {
    const adapter = await withTimeout(
      gpu.requestAdapter({ powerPreference: 'high-performance' }),
      options.timeoutMs ?? 10_000,
    );
    if (!adapter) return { ok: false, reason: 'no-adapter' };
    const info = await adapterInfo(adapter);
    const summary: GpuAdapterSummary = {
      vendor: text(info.vendor),
      architecture: text(info.architecture),
      device: text(info.device),
      description: text(info.description),
      isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
    };
    const limits: GpuLimits = {
      maxStorageBufferBindingSize: Number(adapter.limits.maxStorageBufferBindingSize),
      maxComputeWorkgroupStorageSize: Number(adapter.limits.maxComputeWorkgroupStorageSize),
      maxStorageBuffersPerShaderStage: Number(adapter.limits.maxStorageBuffersPerShaderStage),
      maxBufferSize: Number(adapter.limits.maxBufferSize),
    };
    const warnings: GpuNote[] = [];
    const name = `${summary.vendor} ${summary.architecture} ${summary.device} ${summary.description}`;
    if (summary.isFallbackAdapter || SOFTWARE_ADAPTER.test(name)) {
      warnings.push({ code: 'software' });
    }
    const { problems, fatal } = checkLimits(limits);
    const report: GpuReport = {
      adapter: summary,
      shaderF16: adapter.features.has('shader-f16'),
      limits,
      problems,
      warnings,
    };
    if (fatal) return { ok: false, reason: 'limits', details: report };
    return { ok: true, ...report };
  } catch (error) {
    return { ok: false, reason: 'error', details: errorData(error) };
  }
}
