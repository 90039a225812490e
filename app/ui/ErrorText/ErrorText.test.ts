import { describe, expect, it } from 'vitest';
import {
  ContextWindowError,
  DeviceLostError,
  EmptyOutputError,
  ENGINE_ERROR_NAMES,
  EngineError,
  ModelDownloadError,
  ModelNotLoadedError,
  OutOfMemoryError,
  ShaderF16Error,
  WebGpuUnavailableError,
  WorkerCrashedError,
} from '../../llm/webllm/engine-errors';
import { isKnownError } from './ErrorText';
import { errorMessages } from './messages';

describe('named errors in the interface', () => {
  it('lists every engine error class by its real name', () => {
    const classes = [
      DeviceLostError,
      OutOfMemoryError,
      ModelDownloadError,
      WebGpuUnavailableError,
      ShaderF16Error,
      ModelNotLoadedError,
      ContextWindowError,
      WorkerCrashedError,
      EmptyOutputError,
      EngineError,
    ];
    expect(classes.map((C) => new C('x').name)).toEqual([...ENGINE_ERROR_NAMES]);
  });

  it('has a Chinese sentence for every engine error', () => {
    for (const name of ENGINE_ERROR_NAMES) {
      expect(isKnownError(name), name).toBe(true);
      expect(errorMessages['zh-CN'][name]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(isKnownError('toString')).toBe(false);
    expect(isKnownError('SomethingNew')).toBe(false);
  });
});
