import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../e2e/support/openai-stand-in';
import { useAppStore } from '../store';
import {
  checkRoleServer,
  ServerConsentError,
  ServerSetupError,
  serverModelsForRun,
} from './servers-controller';

/* Roles on a server through the controller, against the stand-in OpenAI server (a test double). */
let server: StandIn;
beforeEach(async () => {
  server = await startStandIn({ models: ['alpha-umi-planner'], apiKey: 'sk-right' });
});
afterEach(async () => {
  useAppStore.setState({ roleServers: {}, serverKeys: {}, serverChecks: {} });
  await server.close();
});

function setPlanner(patch: { consent?: boolean; model?: string; key?: string } = {}) {
  const origin = new URL(server.url).origin;
  const s = useAppStore.getState();
  s.setRoleServer('planner', {
    preset: 'vllm',
    baseUrl: server.url,
    model: patch.model ?? 'alpha-umi-planner',
    rememberKey: false,
  });
  if (patch.consent !== false) s.consentServer('planner', origin);
  if (patch.key) useAppStore.getState().setServerKey('planner', patch.key);
}

describe('servers controller (issue 14)', () => {
  it('sends nothing before the user confirmed the role may send its prompts there', async () => {
    setPlanner({ consent: false, key: 'sk-right' });
    await expect(serverModelsForRun('multi')).rejects.toBeInstanceOf(ServerConsentError);
    expect(server.requests).toHaveLength(0);
  });

  it('a role with no model name is refused before any request', async () => {
    setPlanner({ model: '', key: 'sk-right' });
    await expect(serverModelsForRun('multi')).rejects.toBeInstanceOf(ServerSetupError);
    expect(server.requests).toHaveLength(0);
  });

  it('a confirmed role gets a checked server model; the others are left to the engine', async () => {
    setPlanner({ key: 'sk-right' });
    const models = await serverModelsForRun('multi');
    expect(Object.keys(models)).toEqual(['planner']);
    expect(models.planner?.kind).toBe('server');
    expect(server.requests[0]?.path).toBe('/v1/models');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-right');
    // Single mode has no planner: nothing to do.
    expect(await serverModelsForRun('single')).toEqual({});
  });

  it('Check connection keeps the list, or the problem, for the panel', async () => {
    setPlanner({ model: '', key: 'sk-right' });
    await checkRoleServer('planner');
    expect(useAppStore.getState().serverChecks.planner).toEqual({
      status: 'ok',
      models: ['alpha-umi-planner'],
    });
    useAppStore.getState().setServerKey('planner', 'sk-wrong');
    await checkRoleServer('planner');
    expect(useAppStore.getState().serverChecks.planner?.problem?.code).toBe('unauthorized');
  });
});
