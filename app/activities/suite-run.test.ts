import { afterEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../store';
import { labModels } from './suite-run';

const server = {
  preset: 'vllm' as const,
  baseUrl: 'http://gpu.lab:8000/v1',
  model: 'alpha-umi',
  rememberKey: false,
};

describe('lab models with a role on a server (issue 14)', () => {
  afterEach(() => useAppStore.setState({ roleServers: {}, serverKeys: {} }));

  it('without server roles, the engine plays every role', async () => {
    const models = await labModels('scripted', 'multi', 0);
    expect(Object.keys(models).sort()).toEqual(['caller', 'planner', 'summarizer']);
  });

  it('a server role that cannot be used fails with the reason, never played on this device instead', async () => {
    // Not confirmed: nothing may be sent, and the planner's turn says why.
    useAppStore.setState({ roleServers: { planner: server } });
    const models = await labModels('scripted', 'multi', 0);
    expect(models.planner?.kind).toBe('server');
    expect(models.caller?.kind).toBe('scripted');
    await expect(models.planner?.generate({} as never)).rejects.toMatchObject({ name: 'ServerConsentError' });
  });

  it('a server role of another mode changes nothing', async () => {
    useAppStore.setState({ roleServers: { backbone: server } });
    const models = await labModels('scripted', 'multi', 0);
    expect(models.planner?.kind).toBe('scripted');
  });
});
