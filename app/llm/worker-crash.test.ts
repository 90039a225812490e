import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { heartbeat, watchWorker } from './worker-crash';

class FakeWorker extends EventTarget {
  terminate = vi.fn();
}

function errorEvent(message: string): Event {
  return Object.assign(new Event('error', { cancelable: true }), { message });
}

describe('watchWorker', () => {
  it('reports a script error once, with its message, and keeps it from the console', () => {
    const worker = new FakeWorker();
    const watch = watchWorker(worker as unknown as Worker);
    const seen: string[] = [];
    watch.onCrash((m) => seen.push(m));
    const event = errorEvent('boom');
    worker.dispatchEvent(event);
    worker.dispatchEvent(new Event('messageerror'));
    expect(seen).toEqual(['boom']);
    expect(event.defaultPrevented).toBe(true);
    expect(watch.dead).toBe(true);
  });

  it('a terminate is not a crash, and nothing reported after it reaches the listeners', () => {
    const worker = new FakeWorker();
    const watch = watchWorker(worker as unknown as Worker);
    const listener = vi.fn();
    watch.onCrash(listener);
    watch.terminate();
    watch.crashed('late');
    worker.dispatchEvent(errorEvent('late too'));
    expect(worker.terminate).toHaveBeenCalled();
    expect(listener).not.toHaveBeenCalled();
  });

  it('a silence the caller noticed is reported like a crash', () => {
    const watch = watchWorker(new FakeWorker() as unknown as Worker);
    const listener = vi.fn();
    watch.onCrash(listener);
    watch.crashed('it stopped answering');
    expect(listener).toHaveBeenCalledWith('it stopped answering');
  });
});

describe('heartbeat: a silent worker counts as dead', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A worker that answers pings while `alive`, and a generation that never settles. */
  function setup() {
    const worker = new FakeWorker();
    const watch = watchWorker(worker as unknown as Worker);
    const state = { alive: true, terminated: 0, crash: undefined as string | undefined };
    worker.terminate = vi.fn(() => void state.terminated++);
    watch.onCrash((message) => {
      state.crash = message;
    });
    const ping = () => (state.alive ? Promise.resolve(true) : new Promise<never>(() => {}));
    return { watch, state, watched: heartbeat(worker as unknown as Worker, watch, ping, 5_000) };
  }

  it('a worker that answers pings is left alone however long it works', async () => {
    const { state, watched } = setup();
    let finish: (v: string) => void = () => {};
    const call = watched(() => new Promise<string>((resolve) => (finish = resolve)));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state.terminated).toBe(0);
    finish('done');
    expect(await call).toBe('done');
  });

  it('no token and no answer for the silence limit: terminated and reported as crashed', async () => {
    const { state, watched } = setup();
    void watched(() => new Promise(() => {}));
    state.alive = false;
    await vi.advanceTimersByTimeAsync(4_000);
    expect(state.terminated).toBe(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(state.terminated).toBe(1);
    expect(state.crash).toBe('it stopped answering for 5 s (terminated or out of memory)');
  });

  it('tokens count as signs of life even when pings go unanswered', async () => {
    const { state, watched } = setup();
    state.alive = false;
    void watched((seen) => {
      const t = setInterval(seen, 1_000);
      return new Promise(() => void t);
    });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.terminated).toBe(0);
  });

  it('stops pinging once the call has settled', async () => {
    const { state, watched } = setup();
    await watched(async () => 'quick');
    state.alive = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.terminated).toBe(0);
  });
});
