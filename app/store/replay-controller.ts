import { replayDelays, traceToEvents } from '../agent/replay';
import type { Trace } from '../agent/trace';
import { useAppStore } from './index';

let controller: AbortController | undefined;

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => resolve(true), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/**
 * Plays a recorded run back through the same event path as a live run, at `speed`×, without
 * any model: the timeline and the flow strip animate as they did. Nothing is saved.
 */
export async function replayTrace(trace: Trace, speed: number): Promise<void> {
  const state = useAppStore.getState();
  if (state.runStatus !== 'idle') return;
  controller = new AbortController();
  const { signal } = controller;
  useAppStore.setState({ runStatus: 'running', replaySpeed: speed, trace: undefined });
  const events = traceToEvents(trace);
  const delays = replayDelays(events, speed);
  try {
    for (const [i, event] of events.entries()) {
      if (!(await sleep(delays[i] ?? 0, signal))) break;
      useAppStore.getState().applyRunEvents([event]);
    }
  } finally {
    controller = undefined;
    // A stopped replay shows the whole recorded run rather than a half-played one.
    if (signal.aborted) useAppStore.setState({ trace });
    useAppStore.setState({ runStatus: 'idle', replaySpeed: undefined });
  }
}

export function stopReplay(): boolean {
  if (!controller) return false;
  controller.abort();
  return true;
}
