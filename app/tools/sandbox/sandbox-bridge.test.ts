import { describe, expect, it } from 'vitest';
import { SandboxBridge } from './sandbox-bridge';
import type { SandboxRunOptions, SandboxRunResult } from './types';
import type { SandboxWorkerHandle } from './worker-factory';

/** A fake worker: `behaviour` decides what each call does. */
type Behaviour = (code: string, options: SandboxRunOptions) => Promise<SandboxRunResult>;

interface FakeWorker {
  terminated: boolean;
  crash(message: string): void;
  calls: string[];
}

function fakeFactory(
  behaviour: Behaviour,
  ready: () => Promise<{ warmMs: number }> = async () => ({ warmMs: 1 }),
) {
  const workers: FakeWorker[] = [];
  const factory = (): SandboxWorkerHandle => {
    const listeners: ((message: string) => void)[] = [];
    const worker: FakeWorker = {
      terminated: false,
      calls: [],
      crash: (message) => {
        for (const listener of listeners) listener(message);
      },
    };
    workers.push(worker);
    return {
      port: {
        ready,
        run: (code, options) => {
          worker.calls.push(code);
          return worker.terminated ? new Promise(() => {}) : behaviour(code, options);
        },
      },
      terminate: () => {
        worker.terminated = true;
      },
      onCrash: (listener) => listeners.push(listener),
    };
  };
  return { factory, workers };
}

const ok = (value: unknown): SandboxRunResult => ({ ok: true, value, logs: [], durationMs: 1 });
const never = () => new Promise<SandboxRunResult>(() => {});
/** Hangs on code that says so, answers the rest. */
const hangOn: Behaviour = async (code) => (code.includes('hang') ? never() : ok(code));

describe('SandboxBridge', () => {
  it('starts its worker lazily and passes results through', async () => {
    const { factory, workers } = fakeFactory(async (code, options) => ok({ code, mode: options.mode }));
    const bridge = new SandboxBridge({ factory });
    expect(workers).toHaveLength(0);
    expect(await bridge.run('1+1', { mode: 'tool' })).toEqual(ok({ code: '1+1', mode: 'tool' }));
    expect(workers).toHaveLength(1);
  });

  it('does not send the AbortSignal to the worker', async () => {
    let seen: SandboxRunOptions | undefined;
    const { factory } = fakeFactory(async (_code, options) => {
      seen = options;
      return ok(1);
    });
    await new SandboxBridge({ factory }).run('1', { timeoutMs: 10, signal: new AbortController().signal });
    expect(seen).toEqual({ timeoutMs: 10 });
  });

  it('runs one call at a time, in order', async () => {
    const order: string[] = [];
    const { factory } = fakeFactory(async (code) => {
      order.push(`start ${code}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push(`end ${code}`);
      return ok(code);
    });
    const bridge = new SandboxBridge({ factory });
    const results = await Promise.all([bridge.run('a'), bridge.run('b')]);
    expect(results.map((r) => r.ok && r.value)).toEqual(['a', 'b']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('the watchdog kills a worker that does not answer in time, and the next call works', async () => {
    const { factory, workers } = fakeFactory(hangOn);
    const bridge = new SandboxBridge({ factory, watchdogMarginMs: 20 });
    const started = performance.now();
    const result = await bridge.run('hang', { timeoutMs: 30 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(result).toMatchObject({ ok: false, error: { name: 'SandboxTimeoutError' } });
    expect(result.ok ? '' : result.error.message).toMatch(/30 ms.*restarted/);
    expect(workers[0]?.terminated).toBe(true);
    // The replacement was started right away, not at the next call.
    expect(workers).toHaveLength(2);
    expect(await bridge.run('after')).toEqual(ok('after'));
    expect(workers[1]?.calls).toEqual(['after']);
    expect(bridge.restarts).toBe(1);
  });

  it('a worker that dies mid-call fails that call with SandboxCrashedError and is replaced', async () => {
    const { factory, workers } = fakeFactory(hangOn);
    const bridge = new SandboxBridge({ factory });
    const pending = bridge.run('hang', { timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    workers[0]?.crash('out of memory');
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { name: 'SandboxCrashedError' } });
    expect(result.ok ? '' : result.error.message).toMatch(/out of memory/);
    expect(await bridge.run('next')).toEqual(ok('next'));
    expect(workers).toHaveLength(2);
  });

  it('a worker that dies between calls is replaced before the next one', async () => {
    const { factory, workers } = fakeFactory(hangOn);
    const bridge = new SandboxBridge({ factory });
    await bridge.run('first');
    workers[0]?.crash('gone');
    await Promise.resolve();
    expect(await bridge.run('second')).toEqual(ok('second'));
    expect(workers[1]?.calls).toEqual(['second']);
  });

  it('an abort kills the running code and restarts the worker', async () => {
    const { factory, workers } = fakeFactory(hangOn);
    const bridge = new SandboxBridge({ factory });
    const controller = new AbortController();
    const pending = bridge.run('hang', { timeoutMs: 5_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await pending).toMatchObject({ ok: false, error: { name: 'SandboxAbortedError' } });
    expect(workers[0]?.terminated).toBe(true);
    expect(await bridge.run('next')).toEqual(ok('next'));
  });

  it('an already aborted call does not run and does not restart anything', async () => {
    const { factory, workers } = fakeFactory(hangOn);
    const bridge = new SandboxBridge({ factory });
    await bridge.start();
    const controller = new AbortController();
    controller.abort();
    expect(await bridge.run('1', { signal: controller.signal })).toMatchObject({
      ok: false,
      error: { name: 'SandboxAbortedError' },
    });
    expect(workers[0]?.calls).toEqual([]);
    expect(workers[0]?.terminated).toBe(false);
  });

  it('a worker that cannot start fails the call; the next call tries a new worker', async () => {
    let attempts = 0;
    const { factory, workers } = fakeFactory(hangOn, async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('wasm 404');
      return { warmMs: 1 };
    });
    const bridge = new SandboxBridge({ factory });
    const first = await bridge.run('1');
    expect(first).toMatchObject({ ok: false, error: { name: 'SandboxCrashedError' } });
    expect(first.ok ? '' : first.error.message).toMatch(/could not start: .*wasm 404/);
    expect(workers).toHaveLength(1);
    expect(await bridge.run('2')).toEqual(ok('2'));
    expect(workers).toHaveLength(2);
  });

  it('arguments that cannot be cloned fail without a restart', async () => {
    const { factory, workers } = fakeFactory(async () => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    });
    const bridge = new SandboxBridge({ factory });
    const result = await bridge.run('1', { args: { f: () => 1 } });
    expect(result).toMatchObject({ ok: false, error: { name: 'SandboxRuntimeError' } });
    expect(workers).toHaveLength(1);
    expect(bridge.restarts).toBe(0);
  });
});
