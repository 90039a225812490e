/**
 * The service worker's state for the page: whether the app is saved for offline use, and
 * whether a new version waits. Registration is loaded after the first paint (workbox-window
 * is not part of the initial JavaScript), from `virtual:pwa-register` (vite-plugin-pwa).
 */
export type PwaPhase = 'off' | 'unsupported' | 'installing' | 'ready' | 'failed';

export interface PwaState {
  phase: PwaPhase;
  /** A new version is installed and waits for the page to accept it. */
  updateReady: boolean;
  error?: string;
}

let state: PwaState = { phase: 'off', updateReady: false };
const listeners = new Set<() => void>();
let applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;
let started = false;

function set(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function subscribePwa(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function pwaState(): PwaState {
  return state;
}

/** Registers the service worker once per page. The dev server has none (`devOptions` off). */
export function startPwa(): void {
  if (started) return;
  started = true;
  if (import.meta.env.DEV) return;
  if (!('serviceWorker' in navigator)) {
    set({ phase: 'unsupported' });
    return;
  }
  set({ phase: 'installing' });
  const failed = (error: unknown) =>
    set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
  import('virtual:pwa-register')
    .then(({ registerSW }) => {
      applyUpdate = registerSW({
        immediate: true,
        onOfflineReady: () => set({ phase: 'ready' }),
        onNeedRefresh: () => set({ updateReady: true }),
        // A returning visit: the worker installed on an earlier visit already serves the page.
        onRegisteredSW: (_url, registration) => {
          if (registration?.active) set({ phase: 'ready' });
        },
        onRegisterError: failed,
      });
    })
    .catch(failed);
}

/** Activates the waiting version; the page reloads once it controls the page. */
export async function updateNow(): Promise<void> {
  await applyUpdate?.(true);
}

export function dismissUpdate(): void {
  set({ updateReady: false });
}
