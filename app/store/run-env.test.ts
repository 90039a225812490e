import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { SWIFTSHADER_PROBE } from '../test-support/gpu';
import { runEnvironment } from './run-env';

describe('runEnvironment', () => {
  it('records the page and WebLLM versions, and no GPU for the scripted engine', () => {
    expect(runEnvironment({ engine: 'scripted', gpu: SWIFTSHADER_PROBE })).toStrictEqual({
      app: version,
      webllm: WEBLLM_VERSION,
    });
  });

  it('names the GPU the models ran on', () => {
    const env = runEnvironment({ engine: 'webllm', gpu: SWIFTSHADER_PROBE });
    expect(env.gpu).toContain('swiftshader');
  });

  it('leaves the GPU out when there is none', () => {
    const env = runEnvironment({
      engine: 'webllm',
      gpu: { ok: false, reason: 'no-webgpu', message: 'no' },
    });
    expect(env).not.toHaveProperty('gpu');
  });
});
