/**
 * Roles served by the user's own OpenAI-compatible server (issue 14): the models for a run,
 * the connection check, and the list of origins the page's Content-Security-Policy admits
 * (read by public/csp-boot.js when the page loads: a server saved now is admitted after a reload).
 */
import { ROLES_BY_MODE, type Role, type RoleModel, type RunMode } from '../agent/types';
import { checkServer, ServerRoleModel } from '../llm/server/server-model';
import type { ServerConfig } from '../llm/server/types';
import { useAppStore } from '../store/index';
import { type RoleServer, serverOrigin } from '../store/servers-slice';
import { needsReloadFor } from './server-origins';

/** A role's server asked for before the user confirmed that its prompts go there. */
export class ServerConsentError extends Error {
  override name = 'ServerConsentError';
  constructor(
    readonly role: Role,
    readonly origin: string,
  ) {
    super(
      `The ${role} is set to use the server at ${origin}, but sending its prompts there is not confirmed yet. Confirm it in "Roles on a server", or set the role back to this device.`,
    );
  }
}

/** A role's server without a model name: said before anything is sent. */
export class ServerSetupError extends Error {
  override name = 'ServerSetupError';
  constructor(readonly role: Role) {
    super(
      `The ${role}'s server has no model name. Type the name the server knows the model by ("Check connection" lists them), or set the role back to this device.`,
    );
  }
}

/** The roles of `mode` that a server serves. */
export function serverRoles(mode: RunMode, servers = useAppStore.getState().roleServers): Role[] {
  return ROLES_BY_MODE[mode].filter((role) => servers[role] !== undefined);
}

function configFor(role: Role, server: RoleServer): ServerConfig {
  const key = useAppStore.getState().serverKeys[role];
  const origin = serverOrigin(server.baseUrl);
  return {
    preset: server.preset,
    baseUrl: server.baseUrl,
    model: server.model,
    // A key is only ever sent to the origin it was entered for.
    ...(key && key.origin === origin ? { apiKey: key.key } : {}),
  };
}

/**
 * The server-backed models of `mode`, checked (the server answers, lists the model) before
 * the run starts, so a wrong address or key is said at once, not after the first tool call.
 * Roles without a server are not in the result: the run's engine serves them.
 */
export async function serverModelsForRun(
  mode: RunMode,
  signal?: AbortSignal,
): Promise<Partial<Record<Role, RoleModel>>> {
  const state = useAppStore.getState();
  const models: Partial<Record<Role, RoleModel>> = {};
  const shared = new Map<string, ServerRoleModel>();
  for (const role of serverRoles(mode, state.roleServers)) {
    const server = state.roleServers[role] as RoleServer;
    const origin = serverOrigin(server.baseUrl) ?? server.baseUrl;
    if (server.consentedOrigin !== origin) throw new ServerConsentError(role, origin);
    if (!server.model.trim()) throw new ServerSetupError(role);
    const config = configFor(role, server);
    // Roles with the same server and model share one model object (shared mode: one model).
    const id = JSON.stringify([config.baseUrl, config.model, config.apiKey ?? '']);
    let model = shared.get(id);
    if (!model) {
      // A server saved after the page loaded is not admitted by its policy yet: say so first.
      model = new ServerRoleModel(config, { isAdmitted: (o) => !needsReloadFor(o) });
      await model.load(signal ? { signal } : {});
      shared.set(id, model);
    }
    models[role] = model;
  }
  return models;
}

/** "Check connection": asks the server for its models; the store keeps the answer for the panel. */
export async function checkRoleServer(role: Role): Promise<void> {
  const store = useAppStore.getState();
  const server = store.roleServers[role];
  if (!server) return;
  store.setServerCheck(role, { status: 'checking' });
  const result = await checkServer(configFor(role, server), { isAdmitted: (o) => !needsReloadFor(o) });
  if (result.ok) useAppStore.getState().setServerCheck(role, { status: 'ok', models: result.models });
  else useAppStore.getState().setServerCheck(role, { status: 'failed', problem: result.problem });
}
