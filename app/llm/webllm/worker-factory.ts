import { proxy, type Remote, wrap } from 'comlink';
import type { LlmWorkerApi } from '../../../workers/llm.worker';
import { heartbeat, SILENCE_LIMIT_MS, watchedStream, watchWorker } from '../worker-crash';
import type { LlmWorkerPort, WorkerFactory } from './webllm-model';

export { SILENCE_LIMIT_MS } from '../worker-crash';

export interface SpawnedLlmWorker {
  remote: Remote<LlmWorkerApi>;
  /**
   * Runs `call` with a heartbeat: while it is pending the worker is pinged every second, and
   * when nothing came back for `silenceMs` the worker is terminated and reported as crashed.
   * Returns the call and a `seen` function to call on any sign of life (a token).
   */
  watched<T>(call: (seen: () => void) => Promise<T>): Promise<T>;
  terminate(): void;
  onCrash(listener: (message: string) => void): void;
}

/** Starts the real `llm.worker.ts` with crash reporting and the generation heartbeat. */
export function spawnLlmWorker(options: { silenceMs?: number } = {}): SpawnedLlmWorker {
  const silenceMs = options.silenceMs ?? SILENCE_LIMIT_MS;
  const worker = new Worker(new URL('../../../workers/llm.worker.ts', import.meta.url), {
    type: 'module',
    name: 'umi-llm',
  });
  const remote = wrap<LlmWorkerApi>(worker);
  const watch = watchWorker(worker);
  return {
    remote,
    watched: heartbeat(worker, watch, () => remote.ping(), silenceMs),
    terminate: watch.terminate,
    onCrash: watch.onCrash,
  };
}

/**
 * Starts the real `llm.worker.ts`. Callbacks are wrapped in comlink proxies here, so the
 * bridge can pass plain functions. A worker that fails to start, dies, or goes silent while
 * generating reports through `onCrash`.
 */
export const startLlmWorker: WorkerFactory = () => {
  const { remote, watched, terminate, onCrash } = spawnLlmWorker();
  const port: LlmWorkerPort = {
    start: () => remote.start(),
    probe: () => remote.probe(),
    load: (record, options, onProgress) => remote.load(record, options, proxy(onProgress)),
    generate: (request, onDeltas) =>
      watchedStream(watched, (onText) => remote.generate(request, proxy(onText)), onDeltas),
    interrupt: () => remote.interrupt(),
    unload: () => remote.unload(),
    isCached: (record, backend) => remote.isCached(record, backend),
    deleteFromCache: (record, backend) => remote.deleteFromCache(record, backend),
  };
  return { port, terminate, onCrash };
};
