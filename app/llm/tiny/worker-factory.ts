import { proxy, wrap } from 'comlink';
import type { TinyWorkerApi } from '../../../workers/tiny.worker';
import type { TinyWorkerFactory, TinyWorkerPort } from './tiny-model';

/** Starts the real `tiny.worker.ts`; a worker whose script fails reports through `onCrash`. */
export const startTinyWorker: TinyWorkerFactory = () => {
  const worker = new Worker(new URL('../../../workers/tiny.worker.ts', import.meta.url), {
    type: 'module',
    name: 'umi-tiny',
  });
  const remote = wrap<TinyWorkerApi>(worker);
  const listeners: ((message: string) => void)[] = [];
  let dead = false;
  const crashed = (message: string) => {
    if (dead) return;
    dead = true;
    for (const listener of listeners) listener(message);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    crashed(event.message || 'the worker script failed');
  });
  worker.addEventListener('messageerror', () => crashed('a message could not be read'));
  const port: TinyWorkerPort = {
    load: (spec) => remote.load(spec),
    generate: (request, onDeltas) => remote.generate(request, proxy(onDeltas)),
    interrupt: () => remote.interrupt(),
    unload: () => remote.unload(),
    benchDecode: (prompt, steps) => remote.benchDecode(prompt, steps),
  };
  return {
    port,
    terminate: () => {
      dead = true;
      worker.terminate();
    },
    onCrash: (listener) => listeners.push(listener),
  };
};
