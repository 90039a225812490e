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

/**
 * How long a generating worker may stay silent (no token, no answer to a ping) before it
 * counts as dead. A worker that is terminated or killed by the browser sends no event, and
 * comlink calls to it never settle: without this, a run would wait forever. Generous, because
 * a worker can be busy for a few seconds at a time (e.g. compiling a grammar) and still be fine.
 */
export const SILENCE_LIMIT_MS = 15_000;
const PING_EVERY_MS = 1_000;

/**
 * Returns `watched(call)`: runs `call` with a heartbeat. While it is pending the worker is
 * pinged every second; when nothing came back for `silenceMs` it is terminated and reported
 * as crashed (which rejects what is in flight). `call` gets `seen`, to call on any sign of
 * life (a token).
 */
export function heartbeat(
  worker: Pick<Worker, 'terminate'>,
  watch: WatchedWorker,
  ping: () => Promise<unknown>,
  silenceMs = SILENCE_LIMIT_MS,
): <T>(call: (seen: () => void) => Promise<T>) => Promise<T> {
  return async (call) => {
    let lastSeen = performance.now();
    const seen = () => {
      lastSeen = performance.now();
    };
    const timer = setInterval(() => {
      if (watch.dead) return;
      if (performance.now() - lastSeen > silenceMs) {
        worker.terminate();
        watch.crashed(
          `it stopped answering for ${Math.round(silenceMs / 1000)} s (terminated or out of memory)`,
        );
        return;
      }
      ping().then(seen, () => undefined);
    }, PING_EVERY_MS);
    try {
      return await call(seen);
    } finally {
      clearInterval(timer);
    }
  };
}

/** Runs a streaming call under `watched` (a heartbeat): every chunk of text counts as a sign of life. */
export function watchedStream<T>(
  watched: <R>(call: (seen: () => void) => Promise<R>) => Promise<R>,
  start: (onText: (text: string) => void) => Promise<T>,
  onText: (text: string) => void,
): Promise<T> {
  return watched((seen) =>
    start((text) => {
      seen();
      onText(text);
    }),
  );
}
