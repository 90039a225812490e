/**
 * `umi.test`: hooks for the fault-injection tests (e2e/faults.spec.ts). They add a way in —
 * generation inside the real LLM worker without model weights — and change nothing a user's
 * run does. Their output is labelled as synthetic in every step card.
 */
import type { ModelRecord } from '@mlc-ai/web-llm';
import { startRun } from './activities/run-controller';
import type { Trace } from './agent/trace';
import type { Role } from './agent/types';
import { type BridgeStatus, type LlmWorkerPort, WebLlmRoleModel } from './llm/webllm/webllm-model';
import { spawnLlmWorker } from './llm/webllm/worker-factory';

export interface WorkerEngineOptions {
  /** What every role "generates", word by word. Default: a planner turn that gives up. */
  text?: string;
  tokenDelayMs?: number;
  /** Silence before the bridge declares its worker dead (the page's default is 15 s). */
  silenceMs?: number;
}

export interface UmiTestHooks {
  workerEngine: {
    /**
     * Runs `task` with every role on the real LLM bridge and llm.worker.ts, which streams
     * `text` through `synthesize` instead of a model. The bridge is kept for `restart`.
     */
    run(task: string, options?: WorkerEngineOptions): Promise<Trace | undefined>;
    /** Loads the bridge again (after a crash: a fresh worker), as the role's Retry does. */
    restart(): Promise<BridgeStatus>;
    status(): Promise<BridgeStatus | 'none'>;
  };
}

const SYNTHETIC_RECORD: ModelRecord = {
  model: 'https://example.invalid/synthetic/',
  model_id: 'synthetic-worker-engine',
  model_lib: 'https://example.invalid/synthetic.wasm',
};
const GIVE_UP = 'Synthetic worker output (test hook, no model): nothing to do here.\nNext: give up';

let bridge: WebLlmRoleModel | undefined;

function syntheticBridge(options: WorkerEngineOptions): WebLlmRoleModel {
  const text = options.text ?? GIVE_UP;
  const delay = options.tokenDelayMs ?? 20;
  return new WebLlmRoleModel(
    () => {
      const { remote, watched, terminate, onCrash } = spawnLlmWorker(
        options.silenceMs !== undefined ? { silenceMs: options.silenceMs } : {},
      );
      const port: LlmWorkerPort = {
        start: async () => {
          await remote.ping();
          return { webllmVersion: 'synthetic' };
        },
        // The bridge checks the worker's GPU before loading, as for a real model.
        probe: () => remote.probe(),
        load: async (record) => ({ modelId: record.model_id, loadMs: 0 }),
        generate: (_request, onDeltas) =>
          watched(async (seen) => {
            const { proxy } = await import('comlink');
            return remote.synthesize(
              text,
              delay,
              proxy((delta: string) => {
                seen();
                onDeltas(delta);
              }),
            );
          }),
        interrupt: () => remote.interrupt(),
        unload: async () => undefined,
        isCached: async () => false,
        deleteFromCache: async () => undefined,
      };
      return { port, terminate, onCrash };
    },
    { record: SYNTHETIC_RECORD, label: 'Synthetic worker engine (test hook, no model)', smokeTest: false },
  );
}

export const workerEngine: UmiTestHooks['workerEngine'] = {
  async run(task, options = {}) {
    bridge?.restart();
    bridge = syntheticBridge(options);
    await bridge.load();
    const models: Partial<Record<Role, WebLlmRoleModel>> = {
      planner: bridge,
      caller: bridge,
      summarizer: bridge,
      backbone: bridge,
    };
    const { useAppStore } = await import('./store');
    useAppStore.getState().setTask(task);
    return startRun({ models });
  },
  async restart() {
    if (!bridge) return 'idle';
    await bridge.load();
    return bridge.currentStatus;
  },
  status: async () => bridge?.currentStatus ?? 'none',
};
