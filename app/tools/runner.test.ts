import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolResult } from '../agent/types';
import { ToolAbortedError, ToolRuntimeError } from './errors';
import { type BuiltinTool, type ToolContext, ToolRegistry } from './registry';
import { createToolRunner, truncationMarker } from './runner';

function tool(name: string, run: BuiltinTool['run'], properties: Record<string, unknown> = {}): BuiltinTool {
  return {
    definition: {
      name,
      description: `test tool ${name}`,
      parameters: {
        type: 'object',
        properties,
        required: Object.keys(properties),
        additionalProperties: false,
      },
    },
    run,
  };
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

let seen: ToolContext | undefined;
function setup(options: Parameters<typeof createToolRunner>[1] = {}) {
  const registry = new ToolRegistry();
  registry.register(tool('echo', async (args) => args.text, { text: { type: 'string' } }));
  registry.register(tool('count', async (args) => ({ n: args.n }), { n: { type: 'integer' } }));
  registry.register(
    tool('fail', async () => {
      throw new Error('database is down');
    }),
  );
  registry.register(
    tool('fail_typed', async () => {
      throw new TypeError('x is not a function');
    }),
  );
  registry.register(
    tool('fail_sync', () => {
      throw new ToolRuntimeError('thrown synchronously');
    }),
  );
  registry.register(
    tool('slow', async (_args, ctx) => {
      seen = ctx;
      ctx.log('started');
      await sleep(60_000, ctx.signal);
      return 'never';
    }),
  );
  registry.register(
    tool('big', async (args) => 'x'.repeat(Number(args.size)), { size: { type: 'integer' } }),
  );
  registry.register(tool('big_json', async () => ({ items: Array.from({ length: 100 }, (_, i) => i) })));
  registry.register(tool('cyclic', async () => [1n]));
  registry.register(tool('nothing', async () => undefined));
  registry.register(
    tool('chatty', async (_args, ctx) => {
      ctx.log('one');
      ctx.log('two');
      return 'ok';
    }),
  );
  return { registry, runner: createToolRunner(registry, options) };
}

const live = () => new AbortController().signal;

function errorOf(result: ToolResult) {
  expect(result.ok).toBe(false);
  return result.ok ? undefined : result.error;
}

afterEach(() => {
  vi.useRealTimers();
  seen = undefined;
});

describe('createToolRunner', () => {
  it('runs a tool and measures its duration', async () => {
    const { runner } = setup();
    const result = await runner.run({ name: 'echo', arguments: { text: 'hi' } }, { signal: live() });
    expect(result).toMatchObject({ ok: true, value: 'hi', logs: [] });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(result.durationMs)).toBe(true);
  });

  it('lists the enabled definitions only', () => {
    const { registry, runner } = setup();
    registry.disable('fail');
    const names = runner.list().map((d) => d.name);
    expect(names).toContain('echo');
    expect(names).not.toContain('fail');
  });

  it('reports an unknown tool in ToolBench wording', async () => {
    const { runner } = setup();
    const result = await runner.run({ name: 'weather', arguments: {} }, { signal: live() });
    expect(errorOf(result)).toEqual({ name: 'UnknownToolError', message: 'No such function name: weather' });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('treats a disabled tool as unknown', async () => {
    const { registry, runner } = setup();
    registry.disable('echo');
    const result = await runner.run({ name: 'echo', arguments: { text: 'a' } }, { signal: live() });
    expect(errorOf(result)?.message).toBe('No such function name: echo');
  });

  it.each([
    [{ n: 'three' }, 'argument "n" must be integer'],
    [{}, 'missing required argument "n"'],
    [{ n: 3, m: 4 }, 'unknown argument "m"'],
  ])('rejects arguments %j naming the argument', async (args, message) => {
    const run = vi.fn();
    const { registry, runner } = setup();
    registry.register(tool('count', run, { n: { type: 'integer' } }), { replace: true });
    const error = errorOf(await runner.run({ name: 'count', arguments: args }, { signal: live() }));
    expect(error?.name).toBe('ToolArgumentsError');
    expect(error?.message).toContain(message);
    expect(run).not.toHaveBeenCalled();
  });

  it('turns a thrown error into a ToolRuntimeError', async () => {
    const { runner } = setup();
    expect(errorOf(await runner.run({ name: 'fail', arguments: {} }, { signal: live() }))).toEqual({
      name: 'ToolRuntimeError',
      message: 'database is down',
    });
    expect(errorOf(await runner.run({ name: 'fail_typed', arguments: {} }, { signal: live() }))).toEqual({
      name: 'ToolRuntimeError',
      message: 'TypeError: x is not a function',
    });
    expect(errorOf(await runner.run({ name: 'fail_sync', arguments: {} }, { signal: live() }))).toEqual({
      name: 'ToolRuntimeError',
      message: 'thrown synchronously',
    });
  });

  it('keeps the name of our own errors, also when they arrive as plain errors', async () => {
    const { registry, runner } = setup();
    const crossed = Object.assign(new Error('too slow in the worker'), { name: 'ToolTimeoutError' });
    registry.register(
      tool('crossed', async () => {
        throw crossed;
      }),
    );
    expect(errorOf(await runner.run({ name: 'crossed', arguments: {} }, { signal: live() }))).toEqual({
      name: 'ToolTimeoutError',
      message: 'too slow in the worker',
    });
  });

  it('times out a slow tool and aborts its signal', async () => {
    const { runner } = setup();
    const result = await runner.run({ name: 'slow', arguments: {} }, { signal: live(), timeoutMs: 20 });
    expect(errorOf(result)).toEqual({
      name: 'ToolTimeoutError',
      message: 'slow did not finish within 20 ms',
    });
    expect(result.logs).toEqual(['started']);
    expect(result.durationMs).toBeGreaterThanOrEqual(15);
    expect(seen?.signal.aborted).toBe(true);
    expect(seen?.signal.reason).toMatchObject({ name: 'ToolTimeoutError' });
  });

  it('uses the default timeout when the call gives none', async () => {
    const { runner } = setup({ defaultTimeoutMs: 10 });
    const result = await runner.run({ name: 'slow', arguments: {} }, { signal: live() });
    expect(errorOf(result)?.name).toBe('ToolTimeoutError');
  });

  it('aborts a running tool when the caller aborts', async () => {
    const { runner } = setup();
    const controller = new AbortController();
    const pending = runner.run({ name: 'slow', arguments: {} }, { signal: controller.signal });
    await vi.waitFor(() => expect(seen).toBeDefined());
    controller.abort();
    const result = await pending;
    expect(errorOf(result)).toEqual({ name: 'ToolAbortedError', message: 'stopped while slow was running' });
    expect(seen?.signal.reason).toBeInstanceOf(ToolAbortedError);
  });

  it('does not start a tool when the signal is already aborted', async () => {
    const run = vi.fn(async () => 'ran');
    const { registry, runner } = setup();
    registry.register(tool('spy', run));
    const controller = new AbortController();
    controller.abort();
    const result = await runner.run({ name: 'spy', arguments: {} }, { signal: controller.signal });
    expect(errorOf(result)?.name).toBe('ToolAbortedError');
    expect(run).not.toHaveBeenCalled();
  });

  it('truncates a too-large string with a marker', async () => {
    const { runner } = setup({ maxOutputChars: 100 });
    const fits = await runner.run({ name: 'big', arguments: { size: 100 } }, { signal: live() });
    expect(fits).toMatchObject({ ok: true, value: 'x'.repeat(100) });
    const result = await runner.run({ name: 'big', arguments: { size: 1000 } }, { signal: live() });
    expect(result).toMatchObject({ ok: true, value: 'x'.repeat(100) + truncationMarker(100, 1000) });
  });

  it('truncates large JSON output to its text', async () => {
    const { runner } = setup({ maxOutputChars: 20 });
    const result = await runner.run({ name: 'big_json', arguments: {} }, { signal: live() });
    const text = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => i) });
    expect(result).toMatchObject({ ok: true, value: text.slice(0, 20) + truncationMarker(20, text.length) });
  });

  it('fails too-large output with ToolOutputTooLargeError when asked to', async () => {
    const { runner } = setup({ maxOutputChars: 100, oversizeOutput: 'error' });
    const result = await runner.run({ name: 'big', arguments: { size: 1000 } }, { signal: live() });
    expect(errorOf(result)).toEqual({
      name: 'ToolOutputTooLargeError',
      message: 'big returned 1000 characters, more than the 100 allowed',
    });
  });

  it('rejects output that is not JSON and maps nothing to null', async () => {
    const { runner } = setup();
    const bad = await runner.run({ name: 'cyclic', arguments: {} }, { signal: live() });
    expect(errorOf(bad)?.name).toBe('ToolOutputInvalidError');
    const none = await runner.run({ name: 'nothing', arguments: {} }, { signal: live() });
    expect(none).toMatchObject({ ok: true, value: null });
    const count = await runner.run({ name: 'count', arguments: { n: 3 } }, { signal: live() });
    expect(count).toMatchObject({ ok: true, value: { n: 3 } });
  });

  it('collects log lines', async () => {
    const { runner } = setup();
    const result = await runner.run({ name: 'chatty', arguments: {} }, { signal: live() });
    expect(result.logs).toEqual(['one', 'two']);
  });

  it('runs sandbox tools through the executor, and fails them without one', async () => {
    const executor = vi.fn(
      async (_tool: unknown, args: Record<string, unknown>) => `ran with ${String(args.x)}`,
    );
    const registry = new ToolRegistry();
    registry.register({
      kind: 'sandbox',
      definition: { name: 'js', description: 'js', parameters: { type: 'object', properties: {} } },
      source: 'export default (args) => args.x',
    });
    const withSandbox = createToolRunner(registry, { sandbox: executor });
    const result = await withSandbox.run({ name: 'js', arguments: { x: 1 } }, { signal: live() });
    expect(result).toMatchObject({ ok: true, value: 'ran with 1' });
    const without = createToolRunner(registry);
    const failed = await without.run({ name: 'js', arguments: {} }, { signal: live() });
    expect(errorOf(failed)?.name).toBe('ToolRuntimeError');
  });

  it('clears its timer and abort listener on every path', async () => {
    vi.useFakeTimers();
    const { runner } = setup();
    const signal = live();
    const paths = [
      runner.run({ name: 'echo', arguments: { text: 'a' } }, { signal }),
      runner.run({ name: 'fail', arguments: {} }, { signal }),
      runner.run({ name: 'cyclic', arguments: {} }, { signal }),
      runner.run({ name: 'nope', arguments: {} }, { signal }),
      runner.run({ name: 'count', arguments: {} }, { signal }),
    ];
    const results = await Promise.all(paths);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, false]);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);

    const timedOut = runner.run({ name: 'slow', arguments: {} }, { signal, timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(errorOf(await timedOut)?.name).toBe('ToolTimeoutError');
    expect(vi.getTimerCount()).toBe(0); // the slow tool's own timer went too: it obeyed its signal
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);

    const controller = new AbortController();
    const aborted = runner.run({ name: 'slow', arguments: {} }, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect(errorOf(await aborted)?.name).toBe('ToolAbortedError');
    expect(vi.getTimerCount()).toBe(0);
  });
});
