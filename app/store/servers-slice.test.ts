import { beforeEach, describe, expect, it } from 'vitest';
import { persistedSettings, useAppStore } from './index';
import { rememberedKeys, serverOrigin } from './servers-slice';

const vllm = {
  preset: 'vllm' as const,
  baseUrl: 'http://gpu.lab:8000/v1',
  model: 'alpha-umi-planner',
  rememberKey: false,
};

describe('servers slice (issue 14)', () => {
  beforeEach(() => useAppStore.setState({ roleServers: {}, serverKeys: {}, serverChecks: {} }));

  it('binds a key to the origin it was entered for, and drops it when the server moves', () => {
    const s = useAppStore.getState();
    s.setRoleServer('planner', vllm);
    s.setServerKey('planner', 'sk-secret');
    expect(useAppStore.getState().serverKeys.planner).toEqual({
      origin: 'http://gpu.lab:8000',
      key: 'sk-secret',
    });
    // Same origin, another path: the key stays.
    useAppStore.getState().setRoleServer('planner', { ...vllm, baseUrl: 'http://gpu.lab:8000/openai/v1' });
    expect(useAppStore.getState().serverKeys.planner?.key).toBe('sk-secret');
    // Another host: the key must never follow it there.
    useAppStore.getState().setRoleServer('planner', { ...vllm, baseUrl: 'http://elsewhere.example:8000/v1' });
    expect(useAppStore.getState().serverKeys.planner).toBeUndefined();
  });

  it('asks again for consent when the origin changes', () => {
    const s = useAppStore.getState();
    s.setRoleServer('caller', vllm);
    s.consentServer('caller', 'http://gpu.lab:8000');
    expect(useAppStore.getState().roleServers.caller?.consentedOrigin).toBe('http://gpu.lab:8000');
    // Consent for another origin than the server's is not consent.
    useAppStore.getState().consentServer('caller', 'http://other:1');
    expect(useAppStore.getState().roleServers.caller?.consentedOrigin).toBeUndefined();
    useAppStore.getState().consentServer('caller', 'http://gpu.lab:8000');
    useAppStore.getState().setRoleServer('caller', {
      ...vllm,
      consentedOrigin: 'http://gpu.lab:8000',
      baseUrl: 'http://new:8000/v1',
    });
    expect(useAppStore.getState().roleServers.caller?.consentedOrigin).toBeUndefined();
  });

  it('keeps a key on the device only when the user asked', () => {
    const s = useAppStore.getState();
    s.setRoleServer('planner', vllm);
    s.setServerKey('planner', 'sk-a');
    s.setRoleServer('summarizer', { ...vllm, rememberKey: true });
    s.setServerKey('summarizer', 'sk-b');
    const kept = rememberedKeys(useAppStore.getState());
    expect(kept).toEqual({ summarizer: { origin: 'http://gpu.lab:8000', key: 'sk-b' } });
    // What the page writes to localStorage goes through the same rule.
    const saved = JSON.stringify(persistedSettings(useAppStore.getState()));
    expect(saved).not.toContain('sk-a');
    expect(saved).toContain('sk-b');
    expect(saved).toContain('alpha-umi-planner');
  });

  it('removing a role server removes its key and check', () => {
    const s = useAppStore.getState();
    s.setRoleServer('planner', vllm);
    s.setServerKey('planner', 'sk');
    s.setServerCheck('planner', { status: 'ok', models: ['m'] });
    useAppStore.getState().setRoleServer('planner', undefined);
    const after = useAppStore.getState();
    expect(after.roleServers.planner).toBeUndefined();
    expect(after.serverKeys.planner).toBeUndefined();
    expect(after.serverChecks.planner).toBeUndefined();
  });

  it('reads origins only from http(s) URLs', () => {
    expect(serverOrigin('http://localhost:11434/v1')).toBe('http://localhost:11434');
    expect(serverOrigin('https://user:pw@host.example/v1?x=1')).toBe('https://host.example');
    expect(serverOrigin('javascript:alert(1)')).toBeUndefined();
    expect(serverOrigin('not a url')).toBeUndefined();
    expect(serverOrigin('http://[::1]:8000/v1')).toBeUndefined();
    // Never admissible by the page's policy (csp-boot.js): refused where they are typed.
    expect(serverOrigin('http://vllm_server:8000/v1')).toBeUndefined();
    expect(serverOrigin('http://localhost.:8000/v1')).toBeUndefined();
    expect(serverOrigin('http://LOCALHOST:8000/v1')).toBe('http://localhost:8000');
  });
});
