import type { Trace } from './agent/trace';
import type { Dialect, RunMode } from './agent/types';
import type { GpuProbe } from './llm/gpu-probe';
import { type AppState, useAppStore } from './store';
import { cancelLoading, loadModels, probeAgain } from './store/models-controller';
import type { SlotId } from './store/models-slice';
import { startRun, stopRun } from './store/run-controller';

export interface UmiConsoleApi {
  /** Runs a task with the current engine and resolves with its trace. */
  run(task: string, options?: { mode?: RunMode; dialect?: Dialect }): Promise<Trace | undefined>;
  stop(): void;
  /** The trace of the current or last run (a plain object: copy it, export it). */
  trace(): Trace | undefined;
  gpu: {
    /** Probes WebGPU again: adapter, shader-f16, limits, problems. */
    probe(): Promise<GpuProbe>;
  };
  models: {
    /** Loads the chosen models one role after another (or one slot). */
    load(slot?: SlotId): Promise<void>;
    cancel(): void;
    /** The per-role load state: model, status, progress, error. */
    status(): AppState['slots'];
  };
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
    gpu: { probe: probeAgain },
    models: {
      load: (slot) => loadModels(slot),
      cancel: cancelLoading,
      status: () => useAppStore.getState().slots,
    },
  };
}
