import type { StateCreator } from 'zustand';
import type { Role } from '../agent/types';
import type { ServerPresetId, ServerProblem } from '../llm/server/types';
import type { AppState } from './index';

/**
 * A role served by the user's own OpenAI-compatible server (issue 14). Remembered, except
 * the API key (see `serverKeys`).
 */
export interface RoleServer {
  preset: ServerPresetId;
  /** `http://localhost:8000/v1`: the API base, `/v1` included. */
  baseUrl: string;
  model: string;
  /**
   * The origin for which the user confirmed "this role's prompts and outputs go there". A
   * role whose server moved to another origin asks again; no request is sent before.
   */
  consentedOrigin?: string;
  /** Keep the key on this device (in this browser's storage). Off: it lives until the page closes. */
  rememberKey: boolean;
}

/** A key belongs to the origin it was entered for: it is never sent anywhere else. */
export interface ServerKey {
  origin: string;
  key: string;
}

export interface ServerCheck {
  status: 'idle' | 'checking' | 'ok' | 'failed';
  models?: string[];
  problem?: ServerProblem;
}

export interface ServersSlice {
  roleServers: Partial<Record<Role, RoleServer>>;
  serverKeys: Partial<Record<Role, ServerKey>>;
  serverChecks: Partial<Record<Role, ServerCheck>>;
  /** Sets (or, with undefined, removes) a role's server. A new origin drops the key and the consent. */
  setRoleServer: (role: Role, server: RoleServer | undefined) => void;
  setServerKey: (role: Role, key: string | undefined) => void;
  consentServer: (role: Role, origin: string | undefined) => void;
  setServerCheck: (role: Role, check: ServerCheck) => void;
}

/**
 * The origin of a base URL, or undefined when it is not an http(s) URL. IPv6 addresses are
 * refused: browsers ignore them in a Content-Security-Policy, so the page could never admit one.
 */
export function serverOrigin(baseUrl: string): string | undefined {
  try {
    const { origin } = new URL(baseUrl);
    // The same rule as public/csp-boot.js: an origin the page's policy could never admit
    // (an underscore, a trailing dot, IPv6) is refused here, with the reason, not at run time.
    return ADMISSIBLE_ORIGIN.test(origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}

/** What public/csp-boot.js admits (scripts/csp-boot.test.ts checks the two agree). */
export const ADMISSIBLE_ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?$/;

/**
 * Keys not kept on the device live in this tab's session storage, so the one reload that
 * admits a new server does not lose them; they go when the tab closes.
 */
export const TAB_KEYS = 'umi-lab:server-keys-tab';

export function readTabKeys(): Partial<Record<Role, ServerKey>> {
  try {
    const parsed: unknown = JSON.parse(globalThis.sessionStorage?.getItem(TAB_KEYS) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Partial<Record<Role, ServerKey>> = {};
    for (const [role, value] of Object.entries(parsed)) {
      const v = value as Partial<ServerKey>;
      if (typeof v?.origin === 'string' && typeof v.key === 'string')
        out[role as Role] = { origin: v.origin, key: v.key };
    }
    return out;
  } catch {
    return {};
  }
}

/** The keys of this tab only: those whose role does not keep its key on the device. */
export function tabKeys(
  state: Pick<ServersSlice, 'roleServers' | 'serverKeys'>,
): Partial<Record<Role, ServerKey>> {
  const out: Partial<Record<Role, ServerKey>> = {};
  for (const [role, key] of Object.entries(state.serverKeys) as [Role, ServerKey][]) {
    if (!state.roleServers[role]?.rememberKey) out[role] = key;
  }
  return out;
}

export const createServersSlice: StateCreator<AppState, [], [], ServersSlice> = (set) => ({
  roleServers: {},
  serverKeys: readTabKeys(),
  serverChecks: {},
  setRoleServer: (role, server) =>
    set((state) => {
      const roleServers = { ...state.roleServers };
      const serverKeys = { ...state.serverKeys };
      const serverChecks = { ...state.serverChecks };
      const before = state.roleServers[role];
      if (!server) {
        delete roleServers[role];
        delete serverKeys[role];
        delete serverChecks[role];
        return { roleServers, serverKeys, serverChecks };
      }
      const origin = serverOrigin(server.baseUrl);
      const next = { ...server };
      if (next.consentedOrigin !== undefined && next.consentedOrigin !== origin) delete next.consentedOrigin;
      roleServers[role] = next;
      const key = serverKeys[role];
      if (key && key.origin !== origin) delete serverKeys[role];
      // The list of models stays while only the model name changes (it is where names come from).
      if (!before || before.baseUrl !== server.baseUrl || before.preset !== server.preset)
        delete serverChecks[role];
      else if (before.model !== server.model && serverChecks[role]?.status === 'failed')
        delete serverChecks[role];
      return { roleServers, serverKeys, serverChecks };
    }),
  setServerKey: (role, key) =>
    set((state) => {
      const serverKeys = { ...state.serverKeys };
      const origin = serverOrigin(state.roleServers[role]?.baseUrl ?? '');
      if (!key || !origin) delete serverKeys[role];
      else serverKeys[role] = { origin, key };
      return { serverKeys };
    }),
  consentServer: (role, origin) =>
    set((state) => {
      const server = state.roleServers[role];
      if (!server) return {};
      const next = { ...server };
      if (origin && origin === serverOrigin(server.baseUrl)) next.consentedOrigin = origin;
      else delete next.consentedOrigin;
      return { roleServers: { ...state.roleServers, [role]: next } };
    }),
  setServerCheck: (role, check) =>
    set((state) => ({ serverChecks: { ...state.serverChecks, [role]: check } })),
});

/** The keys kept on the device: only those of roles whose user asked for it. */
export function rememberedKeys(
  state: Pick<ServersSlice, 'roleServers' | 'serverKeys'>,
): Partial<Record<Role, ServerKey>> {
  const out: Partial<Record<Role, ServerKey>> = {};
  for (const [role, key] of Object.entries(state.serverKeys) as [Role, ServerKey][]) {
    if (state.roleServers[role]?.rememberKey) out[role] = key;
  }
  return out;
}
