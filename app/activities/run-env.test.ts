import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { SWIFTSHADER_PROBE } from '../test-support/gpu';
import { runEnvironment } from './run-env';

describe('runEnvironment', () => {
  it('records only the page version for the scripted engine (no model, no GPU)', () => {
    expect(runEnvironment({ engine: 'scripted', gpu: SWIFTSHADER_PROBE })).toStrictEqual({ app: version });
  });

  it('names the GPU the models ran on', () => {
    const env = runEnvironment({ engine: 'webllm', gpu: SWIFTSHADER_PROBE });
    expect(env).toMatchObject({ app: version, webllm: WEBLLM_VERSION });
    expect(env.gpu).toContain('swiftshader');
  });

  it('leaves the GPU out when there is none', () => {
    const env = runEnvironment({
      engine: 'webllm',
      gpu: { ok: false, reason: 'no-webgpu' },
    });
    expect(env).not.toHaveProperty('gpu');
  });
});
