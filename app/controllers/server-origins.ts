/**
 * The server origins the page's Content-Security-Policy admits: public/csp-boot.js reads this
 * list when the page loads, so a server saved now is admitted after one reload. Kept apart
 * from the server engine so the first load does not carry it.
 */
import type { Role } from '../agent/types';
import { ADMITTED_ORIGINS_KEY } from '../llm/server/types';
import { useAppStore } from '../store/index';
import { type RoleServer, serverOrigin, TAB_KEYS, tabKeys } from '../store/servers-slice';

/**
 * The policy public/csp-boot.js added when the page loaded: its `data-admitted-origins` is
 * what this load admits (the boot script's own strict reading of the saved list). None in the
 * dev server, which sets no policy.
 */
function bootPolicy(): Element | null {
  return typeof document === 'undefined' ? null : document.querySelector('meta[data-admitted-origins]');
}

/**
 * True when the page runs under a policy that does not admit `origin` yet: the user must
 * reload once. The dev server sets no policy, so nothing needs a reload there.
 */
export function needsReloadFor(origin: string | undefined): boolean {
  if (!origin || typeof document === 'undefined') return false;
  const policed = document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null;
  if (!policed) return false;
  const admitted = (bootPolicy()?.getAttribute('data-admitted-origins') ?? '').split(' ').filter(Boolean);
  return !admitted.includes(origin);
}

/** Keeps the admitted-origins list equal to the origins of the saved servers. */
export function watchAdmittedOrigins(): () => void {
  const write = (servers: Partial<Record<Role, RoleServer>>) => {
    const origins = [
      ...new Set(Object.values(servers).flatMap((s) => serverOrigin(s?.baseUrl ?? '') ?? [])),
    ].sort();
    try {
      globalThis.localStorage?.setItem(ADMITTED_ORIGINS_KEY, JSON.stringify(origins));
    } catch {
      // Storage full or blocked: the page then admits what it admitted before; the panel says reload.
    }
  };
  const writeTabKeys = (state: Parameters<typeof tabKeys>[0]) => {
    try {
      globalThis.sessionStorage?.setItem(TAB_KEYS, JSON.stringify(tabKeys(state)));
    } catch {
      // Session storage blocked: a key not kept is then gone after a reload, as without it.
    }
  };
  write(useAppStore.getState().roleServers);
  writeTabKeys(useAppStore.getState());
  return useAppStore.subscribe((state, previous) => {
    if (state.roleServers !== previous.roleServers) write(state.roleServers);
    if (state.serverKeys !== previous.serverKeys || state.roleServers !== previous.roleServers)
      writeTabKeys(state);
  });
}
