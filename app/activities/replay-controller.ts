import { replayDelays, traceToEvents } from '../agent/replay';
import type { Trace } from '../agent/trace';
import { useAppStore } from '../store/index';
import { type ActivityStart, runActivity } from './activity';

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
 * any model: the timeline and the flow strip animate as they did. Nothing is saved. It holds
 * the models like a run (it plays into the Run tab's trace); when something else holds them it
 * does not start, and says who does.
 */
export function replayTrace(trace: Trace, speed: number): Promise<ActivityStart<void>> {
  return runActivity('replay', async (signal) => {
    useAppStore.setState({ replaySpeed: speed, trace: undefined });
    const events = traceToEvents(trace);
    const delays = replayDelays(events, speed);
    try {
      for (const [i, event] of events.entries()) {
        if (!(await sleep(delays[i] ?? 0, signal))) break;
        useAppStore.getState().applyRunEvents([event]);
      }
    } finally {
      // A stopped replay shows the whole recorded run rather than a half-played one.
      if (signal.aborted) useAppStore.setState({ trace });
      useAppStore.setState({ replaySpeed: undefined });
    }
  });
}
