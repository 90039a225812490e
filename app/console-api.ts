import type { Trace } from './agent/trace';
import type { Dialect, RunMode } from './agent/types';
import { useAppStore } from './store';
import { startRun, stopRun } from './store/run-controller';

export interface UmiConsoleApi {
  /** Runs a task with the current engine and resolves with its trace. */
  run(task: string, options?: { mode?: RunMode; dialect?: Dialect }): Promise<Trace | undefined>;
  stop(): void;
  /** The trace of the current or last run (a plain object: copy it, export it). */
  trace(): Trace | undefined;
}

declare global {
  interface Window {
    umi: UmiConsoleApi;
  }
}

/** `window.umi`: drive the page from the browser console (documented in the README). */
export function installConsoleApi(): void {
  window.umi = {
    async run(task, options = {}) {
      const store = useAppStore.getState();
      store.setTask(task);
      if (options.mode) store.setMode(options.mode);
      if (options.dialect) store.setDialect(options.dialect);
      return startRun();
    },
    stop: stopRun,
    trace: () => useAppStore.getState().trace,
  };
}
