import { describe, expect, it } from 'vitest';
import { hostAllowed } from './model-hosts';

const HOSTS = ['https://huggingface.co', 'https://*.hf.co', 'https://raw.githubusercontent.com'];
const SELF = 'http://localhost:4173';

describe('hostAllowed (CSP host-sources)', () => {
  it.each([
    ['https://huggingface.co/mlc-ai/x/resolve/main/tensor-cache.json', true],
    ['https://cas-bridge.xethub.hf.co/shard', true],
    ['https://hf.co/x', false],
    ['http://huggingface.co/x', false],
    ['https://raw.githubusercontent.com/mlc-ai/lib.wasm', true],
    ['https://models.example.org/m/', false],
    ['http://localhost:4173/models/m/', true],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(hostAllowed(url, HOSTS, SELF)).toBe(allowed);
  });
});
