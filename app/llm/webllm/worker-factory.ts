import { proxy, wrap } from 'comlink';
import type { LlmWorkerApi } from '../../../workers/llm.worker';
import type { LlmWorkerPort, WorkerFactory } from './webllm-model';

/**
 * Starts the real `llm.worker.ts`. Callbacks are wrapped in comlink proxies here, so the
 * bridge can pass plain functions. A worker that fails to start or dies reports through
 * `onCrash`.
 */
export const startLlmWorker: WorkerFactory = () => {
  const worker = new Worker(new URL('../../../workers/llm.worker.ts', import.meta.url), {
    type: 'module',
    name: 'umi-llm',
  });
  const remote = wrap<LlmWorkerApi>(worker);
  const listeners: ((message: string) => void)[] = [];
  const crashed = (message: string) => {
    for (const listener of listeners) listener(message);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    crashed(event.message || 'the worker script failed');
  });
  worker.addEventListener('messageerror', () => crashed('a message could not be read'));
  const port: LlmWorkerPort = {
    start: () => remote.start(),
    probe: () => remote.probe(),
    load: (record, options, onProgress) => remote.load(record, options, proxy(onProgress)),
    generate: (request, onDeltas) => remote.generate(request, proxy(onDeltas)),
    interrupt: () => remote.interrupt(),
    unload: () => remote.unload(),
    isCached: (record, backend) => remote.isCached(record, backend),
    deleteFromCache: (record, backend) => remote.deleteFromCache(record, backend),
  };
  return {
    port,
    terminate: () => worker.terminate(),
    onCrash: (listener) => listeners.push(listener),
  };
};
