import { describe, expect, it, vi } from 'vitest';
import { watchWorker } from './worker-crash';

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
