import { useAppStore } from '../store/index';
import type { ActivityKind } from '../store/run-slice';

/**
 * The one way anything uses the models and tools: a run on the Run tab, a replay, the suite,
 * a comparison, a static evaluation. `runActivity` claims the models, sets the one status the
 * page shows, owns the AbortController, and gives everything back when `work` ends, however it
 * ends. The AbortController lives here, outside the store (STYLE.md #7).
 */

let controller: AbortController | undefined;

export type ActivityStart<T> = { ok: true; value: T } | { ok: false; holder: ActivityKind };

/**
 * Runs `work` as `kind` when nothing else holds the models; otherwise runs nothing and says
 * who holds them. `work` gets the signal that Stop aborts.
 */
export async function runActivity<T>(
  kind: ActivityKind,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<ActivityStart<T>> {
  const holder = useAppStore.getState().activity;
  if (holder) return { ok: false, holder: holder.kind };
  const own = new AbortController();
  controller = own;
  useAppStore.getState().setActivity({ kind, status: 'running' });
  try {
    return { ok: true, value: await work(own.signal) };
  } finally {
    if (controller === own) controller = undefined;
    useAppStore.getState().setActivity(undefined);
  }
}

/**
 * Stops the activity in progress when it is one of `kinds` (any, when none are given): its
 * status says `stopping` until `work` has wound down. Returns whether something was stopped.
 */
export function stopActivity(...kinds: ActivityKind[]): boolean {
  const current = useAppStore.getState().activity;
  if (!current || !controller || (kinds.length > 0 && !kinds.includes(current.kind))) return false;
  useAppStore.getState().setActivity({ kind: current.kind, status: 'stopping' });
  controller.abort();
  return true;
}
