import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import {
  type Call,
  type CallState,
  type Engine,
  fail,
  type Limits,
  MIB,
  type Outcome,
} from './quickjs-types';

/**
 * Names what went wrong in a call: a value thrown inside QuickJS, or a host exception thrown
 * through it, becomes one of the sandbox's named errors (see errors.ts).
 */

/** The heap reached its hard wall during this call (a grow of the wasm memory failed). */
export function hitWall(engine: Engine, state: CallState): boolean {
  return engine.wallHits > state.wallHitsBefore;
}

export function timeoutError(limits: Limits): Outcome {
  return fail(
    'SandboxTimeoutError',
    `the code did not finish within ${limits.timeoutMs} ms and was stopped (an endless loop?)`,
  );
}

function memoryError(limits: Limits): Outcome {
  return fail('SandboxMemoryError', `the code ran out of memory (limit ${limits.memoryMb} MB)`);
}

function stackError(limits: Limits): Outcome {
  return fail(
    'SandboxMemoryError',
    `stack overflow: the code recursed too deeply (stack limit ${limits.stackKb} KB)`,
  );
}

export function hostFailure(error: unknown, engine: Engine, limits: Limits, state: CallState): Outcome {
  if (state.interrupted) return timeoutError(limits);
  const text = String(error);
  if (error instanceof RangeError && /call stack/i.test(text)) return stackError(limits);
  if (hitWall(engine, state)) return memoryError(limits);
  return fail('SandboxCrashedError', `the QuickJS engine failed and was restarted: ${text}`);
}

/** Names a thrown value, reading it from the host (a getter the code put on it still runs, under the deadline). */
export function classify(call: Call, thrown: QuickJSHandle, phase: 'compile' | 'run'): Outcome {
  const { context, limits } = call;
  if (call.state.interrupted) return timeoutError(limits);
  const type = context.typeof(thrown);
  if (type !== 'object' || context.sameValue(thrown, context.null)) {
    if (type === 'object' && outOfMemory(call)) return memoryError(limits);
    const shown =
      type === 'string' ? JSON.stringify(context.getString(thrown)) : showPrimitive(context, thrown);
    return fail('SandboxRuntimeError', `Uncaught ${shown}`);
  }
  const name = stringProp(context, thrown, 'name') ?? 'Error';
  const message = stringProp(context, thrown, 'message') ?? '';
  if (name === 'InternalError' && message === 'out of memory') return memoryError(limits);
  if (name === 'InternalError' && message === 'stack overflow') return stackError(limits);
  if (phase === 'compile') {
    const where = /sandbox\.js:(\d+):(\d+)/.exec(stringProp(context, thrown, 'stack') ?? '');
    const at = where ? ` (line ${where[1]}, column ${where[2]})` : '';
    return fail('SandboxSyntaxError', `${name}: ${message}${at}`);
  }
  return fail('SandboxRuntimeError', message ? `${name}: ${message}` : name);
}

/**
 * QuickJS throws a bare `null` when it cannot even allocate the "out of memory" error: either
 * the heap is at its wall, or QuickJS's own count reached the limit. Told apart from code
 * that threw `null` itself by looking at that count (with the limit lifted to read it).
 */
function outOfMemory(call: Call): boolean {
  // At the wall QuickJS has seen failed allocations: do not ask it to allocate more.
  if (hitWall(call.engine, call.state)) return true;
  try {
    call.runtime.setMemoryLimit(-1);
    const usage = call.runtime.computeMemoryUsage();
    try {
      const data = call.context.dump(usage) as { malloc_size?: unknown };
      return (
        typeof data.malloc_size === 'number' && data.malloc_size >= call.limits.memoryMb * MIB - 64 * 1024
      );
    } finally {
      usage.dispose();
    }
  } catch (error) {
    if (isHostFailure(error)) throw error;
    return false;
  }
}

function stringProp(context: QuickJSContext, handle: QuickJSHandle, key: string): string | undefined {
  try {
    const value = context.getProp(handle, key);
    try {
      return context.typeof(value) === 'string' ? context.getString(value) : undefined;
    } finally {
      value.dispose();
    }
  } catch (error) {
    if (isHostFailure(error)) throw error;
    return undefined;
  }
}

/** Errors that mean the engine itself broke, as opposed to QuickJS reporting a problem. */
function isHostFailure(error: unknown): boolean {
  return error instanceof RangeError || error instanceof WebAssembly.RuntimeError;
}

function showPrimitive(context: QuickJSContext, handle: QuickJSHandle): string {
  const type = context.typeof(handle);
  if (type === 'number') return String(context.getNumber(handle));
  if (type === 'bigint') return `${context.getBigInt(handle)}n`;
  if (type === 'boolean') return String(context.dump(handle));
  if (type === 'object') return 'null';
  return type === 'undefined' ? 'undefined' : `a ${type}`;
}
