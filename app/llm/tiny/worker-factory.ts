import { proxy, wrap } from 'comlink';
import type { TinyWorkerApi } from '../../../workers/tiny.worker';
import { watchWorker } from '../worker-crash';
import type { TinyWorkerFactory, TinyWorkerPort } from './tiny-model';

/** Starts the real `tiny.worker.ts`; a worker whose script fails reports through `onCrash`. */
export const startTinyWorker: TinyWorkerFactory = () => {
  const worker = new Worker(new URL('../../../workers/tiny.worker.ts', import.meta.url), {
    type: 'module',
    name: 'umi-tiny',
  });
  const remote = wrap<TinyWorkerApi>(worker);
  const watch = watchWorker(worker);
  const port: TinyWorkerPort = {
    load: (spec) => remote.load(spec),
    generate: (request, onDeltas) => remote.generate(request, proxy(onDeltas)),
    interrupt: () => remote.interrupt(),
    unload: () => remote.unload(),
    benchDecode: (prompt, steps) => remote.benchDecode(prompt, steps),
  };
  return { port, terminate: watch.terminate, onCrash: watch.onCrash };
};
