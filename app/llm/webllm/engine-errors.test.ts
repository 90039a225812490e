import { describe, expect, it } from 'vitest';
import { classifyEngineError } from './engine-errors';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('classifyEngineError', () => {
  it.each([
    [named('DeviceLostError', 'The WebGPU device was lost'), 'generate', 'DeviceLostError', /smaller preset/],
    [new Error('Out of memory while allocating 2 GB'), 'load', 'OutOfMemoryError', /shared/],
    [
      new Error('Failed to fetch https://hf.co/x/resolve/main/tensor-cache.json.'),
      'load',
      'ModelDownloadError',
      /https:\/\/hf\.co\/x\/resolve\/main\/tensor-cache\.json:/,
    ],
    [named('ShaderF16SupportError', 'needs shader-f16'), 'load', 'ShaderF16Error', /q4f32_1/],
    [named('WebGPUNotAvailableError', 'WebGPU is not supported'), 'load', 'WebGpuUnavailableError', /WebGPU/],
    [
      named('ContextWindowSizeExceededError', 'prompt too long'),
      'generate',
      'ContextWindowError',
      /context window/,
    ],
    [new Error('something odd'), 'generate', 'EngineError', /something odd/],
  ] as const)('%s → %s', (error, phase, name, message) => {
    const classified = classifyEngineError(error, { modelId: 'M', phase });
    expect(classified.name).toBe(name);
    expect(classified.message).toMatch(message);
  });

  it('keeps AbortError as it is', () => {
    const abort = named('AbortError', 'stopped');
    expect(classifyEngineError(abort, { phase: 'generate' })).toBe(abort);
  });
});
