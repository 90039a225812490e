import type { benchStream } from './activities/bench-controller';
import { startRun, stopRun } from './activities/run-controller';
import type { Trace } from './agent/trace';
import type { Dialect, RunMode } from './agent/types';
import type { BoundaryBench } from './console-bench';
import type { TinyDecodeBench } from './console-bench-tiny';
import type { UmiTestHooks } from './console-test-hooks';
import { callTool, observationOf } from './controllers/tools-controller';
import type { GpuProbe } from './llm/gpu-probe';
import type { ScriptStep } from './llm/scripted/render';
import { type AppState, useAppStore } from './store';
import { tNow } from './store/locale';
import { busyMessages } from './store/messages/activity-messages';
import type { SlotId } from './store/models-slice';
import { selectBusyElsewhere } from './store/selectors';
import type { ToolInfo } from './store/tools-slice';
import { getSandbox } from './tools/sandbox/sandbox-bridge';
import type { SandboxRunResult } from './tools/sandbox/types';

export interface UmiConsoleApi {
  /** Runs a task with the current engine and resolves with its trace. */
  run(
    task: string,
    options?: { mode?: RunMode; dialect?: Dialect; script?: ScriptStep[] },
  ): Promise<Trace | undefined>;
  stop(): void;
  /** The trace of the current or last run (a plain object: copy it, export it). */
  trace(): Trace | undefined;
  gpu: {
    /** Probes WebGPU again: adapter, shader-f16, limits, problems. */
    probe(): Promise<GpuProbe>;
  };
  tools: {
    /** Every registered tool: name, description, schema, kind, enabled. */
    list(): ToolInfo[];
    /** Runs one tool outside a run; the observation is what a model would read. */
    call(
      name: string,
      args: Record<string, unknown>,
    ): Promise<{ ok: boolean; observation: string; durationMs: number }>;
  };
  sandbox: {
    /**
     * Runs JavaScript in the QuickJS sandbox worker: a fresh context per call, the value of the
     * last expression and the captured `console` lines, or a named error. `signal` kills the worker.
     */
    run(
      code: string,
      options?: { timeoutMs?: number; memoryMb?: number; signal?: AbortSignal },
    ): Promise<SandboxRunResult>;
  };
  bench: {
    /** Streams synthetic tokens through the real LLM worker into the timeline; reports speed. */
    stream(tokens?: number): ReturnType<typeof benchStream>;
    /** The same synthetic generation in the LLM worker and in the page: the boundary's cost per token. */
    boundary(tokens?: number, repeats?: number): Promise<BoundaryBench>;
    /** Prefill and greedy decode speed of the tiny GLPFT planner in a tiny worker. */
    tinyDecode(prompt: string, steps?: number): Promise<TinyDecodeBench>;
    /** Wall time of full multi runs of a task on the tiny models (first run not counted). */
    tinyRun(task: string, repeats?: number): Promise<{ wallMs: number[]; outcome: string }>;
  };
  models: {
    /** Loads the chosen models one role after another (or one slot). */
    load(slot?: SlotId): Promise<void>;
    cancel(): void;
    /** The per-role load state: model, status, progress, error. */
    status(): AppState['slots'];
  };
  /** Hooks for the fault-injection tests (e2e/faults.spec.ts); labelled synthetic wherever they show. */
  test: UmiTestHooks;
}

declare global {
  interface Window {
    umi: UmiConsoleApi;
  }
}

const models = () => import('./controllers/models-controller');

/** `window.umi`: drive the page from the browser console (documented in the README). */
export function installConsoleApi(): void {
  window.umi = {
    async run(task, options = {}) {
      const store = useAppStore.getState();
      // Say why nothing happens, and change no setting, while something else holds the models.
      const holder = selectBusyElsewhere('run')(store);
      if (holder) {
        // Read once in the console: written in the language of the moment.
        const t = tNow(busyMessages);
        throw new Error(`${t(holder)} ${t('wait')}`);
      }
      store.setTask(task);
      if (options.mode) store.setMode(options.mode);
      if (options.dialect) store.setDialect(options.dialect);
      return startRun(options.script ? { script: options.script } : {});
    },
    stop: stopRun,
    trace: () => useAppStore.getState().trace,
    // The models controller (WebLLM) loads on first use: the page opens on the tiny models.
    gpu: { probe: async () => (await models()).probeAgain() },
    bench: {
      // Benchmarks and test hooks load on first use: they are not part of the page's first load.
      stream: async (tokens) => (await import('./activities/bench-controller')).benchStream(tokens),
      boundary: async (tokens, repeats) =>
        (await import('./console-bench')).benchWorkerBoundary(tokens, repeats),
      tinyDecode: async (prompt, steps) =>
        (await import('./console-bench-tiny')).benchTinyDecode(prompt, steps),
      tinyRun: async (task, repeats) => (await import('./console-bench-tiny')).benchTinyRun(task, repeats),
    },
    tools: {
      list: () => useAppStore.getState().toolList,
      async call(name, args) {
        const result = await callTool(name, args);
        return { ok: result.ok, observation: observationOf(result), durationMs: result.durationMs };
      },
    },
    sandbox: { run: (code, options = {}) => getSandbox().run(code, options) },
    models: {
      load: async (slot) => (await models()).loadModels(slot),
      cancel: () => void models().then((m) => m.cancelLoading()),
      status: () => useAppStore.getState().slots,
    },
    test: {
      workerEngine: {
        run: async (task, options) => (await import('./console-test-hooks')).workerEngine.run(task, options),
        restart: async () => (await import('./console-test-hooks')).workerEngine.restart(),
        status: async () => (await import('./console-test-hooks')).workerEngine.status(),
      },
    },
  };
}
