import { proxy, wrap } from 'comlink';
import type { TinyWorkerApi } from '../../../workers/tiny.worker';
import { heartbeat, watchedStream, watchWorker } from '../worker-crash';
import type { TinyWorkerFactory, TinyWorkerPort } from './tiny-model';

/**
 * Starts the real `tiny.worker.ts`. A worker whose script fails, or that goes silent while it
 * generates (killed, out of memory: no token and no answer to a ping for 15 s), reports
 * through `onCrash`, which rejects the generation in flight.
 */
export const startTinyWorker: TinyWorkerFactory = () => {
  const worker = new Worker(new URL('../../../workers/tiny.worker.ts', import.meta.url), {
    type: 'module',
    name: 'umi-tiny',
  });
  const remote = wrap<TinyWorkerApi>(worker);
  const watch = watchWorker(worker);
  const watched = heartbeat(worker, watch, () => remote.ping());
  const port: TinyWorkerPort = {
    load: (spec) => remote.load(spec),
    generate: (request, onDeltas) =>
      watchedStream(watched, (onText) => remote.generate(request, proxy(onText)), onDeltas),
    interrupt: () => remote.interrupt(),
    unload: () => remote.unload(),
    benchDecode: (prompt, steps) => remote.benchDecode(prompt, steps),
  };
  return { port, terminate: watch.terminate, onCrash: watch.onCrash };
};
