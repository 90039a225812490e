import { wrap } from 'comlink';
import type { SandboxWorkerApi } from '../../../workers/sandbox.worker';
import type { SandboxRunOptions, SandboxRunResult } from './types';

/** What the bridge needs from one sandbox worker; tests give it a fake. */
export interface SandboxWorkerPort {
  ready(): Promise<{ warmMs: number }>;
  run(code: string, options: SandboxRunOptions): Promise<SandboxRunResult>;
}

export interface SandboxWorkerHandle {
  port: SandboxWorkerPort;
  terminate(): void;
  /** The worker failed to load or died; `listener` gets a message saying why. */
  onCrash(listener: (message: string) => void): void;
}

export type SandboxWorkerFactory = () => SandboxWorkerHandle;

/** Starts the real `sandbox.worker.ts`. */
export const startSandboxWorker: SandboxWorkerFactory = () => {
  const worker = new Worker(new URL('../../../workers/sandbox.worker.ts', import.meta.url), {
    type: 'module',
    name: 'umi-sandbox',
  });
  const remote = wrap<SandboxWorkerApi>(worker);
  const listeners: ((message: string) => void)[] = [];
  const crashed = (message: string) => {
    for (const listener of listeners) listener(message);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    crashed(event.message || 'the sandbox worker script failed');
  });
  worker.addEventListener('messageerror', () => crashed('a message from the sandbox could not be read'));
  return {
    port: { ready: () => remote.ready(), run: (code, options) => remote.run(code, options) },
    terminate: () => worker.terminate(),
    onCrash: (listener) => listeners.push(listener),
  };
};
