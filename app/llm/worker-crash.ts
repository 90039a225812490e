/**
 * A dedicated worker's death, as one event: its script failing, a message it cannot read, or
 * the page terminating it. Comlink calls to a dead worker never settle, so every engine bridge
 * listens for this and rejects what is in flight (webllm/ and tiny/ worker factories).
 */
export interface WatchedWorker {
  /** `listener` runs once, with what happened, when the worker dies on its own. */
  onCrash(listener: (message: string) => void): void;
  /** Reports a death the caller noticed itself (a silent worker). Later reports are ignored. */
  crashed(message: string): void;
  /** Ends the worker; this is not a crash. */
  terminate(): void;
  /** True once the worker crashed or was terminated. */
  readonly dead: boolean;
}

export function watchWorker(worker: Worker): WatchedWorker {
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
  return {
    onCrash: (listener) => listeners.push(listener),
    crashed,
    terminate: () => {
      dead = true;
      worker.terminate();
    },
    get dead() {
      return dead;
    },
  };
}
