import type { GpuProbe } from '../llm/gpu-probe';

/** What the probe reports for Chromium's SwiftShader WebGPU: a fallback adapter without shader-f16. */
export const SWIFTSHADER_PROBE: Extract<GpuProbe, { ok: true }> = {
  ok: true,
  adapter: {
    vendor: 'google',
    architecture: 'swiftshader',
    device: '',
    description: '',
    isFallbackAdapter: true,
  },
  shaderF16: false,
  limits: {
    maxStorageBufferBindingSize: 2 ** 30,
    maxComputeWorkgroupStorageSize: 32768,
    maxStorageBuffersPerShaderStage: 10,
    maxBufferSize: 2 ** 30,
  },
  problems: [],
  warnings: [],
};
