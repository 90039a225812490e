import type { QuickJSHandle } from 'quickjs-emscripten-core';
import { classify, timeoutError } from './quickjs-classify';
import { type LogCollector, PRELUDE_SOURCE, truncateWithMarker } from './quickjs-prelude';
import {
  type Call,
  type CallState,
  type Engine,
  fail,
  type Limits,
  MIB,
  type Outcome,
} from './quickjs-types';
import { MAX_LOG_LINE_CHARS } from './types';

/**
 * One sandbox call inside a QuickJS engine instance: a fresh runtime and context, the
 * prelude, the code, its promise jobs, and the result turned into plain data. Everything
 * QuickJS reports (syntax errors, exceptions, interrupts, out of memory) becomes an
 * `Outcome`; only host exceptions escape (`execute` throws them), and they mean the engine
 * instance is broken.
 */

const FILENAME = 'sandbox.js';

/** Runs one call in a fresh runtime and context; throws only host exceptions (see `run`). */
export function execute(
  engine: Engine,
  code: string,
  argsJson: string | undefined,
  limits: Limits,
  logs: LogCollector,
  state: CallState,
): Outcome {
  const runtime = engine.module.newRuntime();
  runtime.setMemoryLimit(limits.memoryMb * MIB);
  runtime.setMaxStackSize(limits.stackKb * 1024);
  const deadline = performance.now() + limits.timeoutMs;
  runtime.setInterruptHandler(() => {
    if (!state.interrupted && performance.now() > deadline) state.interrupted = true;
    return state.interrupted;
  });
  const context = runtime.newContext();
  const handles: QuickJSHandle[] = [];
  let outcome = evaluate(
    { context, runtime, engine, limits, logs, state, deadline, handles },
    code,
    argsJson,
  );
  // Promise machinery swallows the interrupt (a reaction job that is stopped just rejects its
  // promise), so code can appear to finish after it was stopped: the flag decides.
  if (state.interrupted) outcome = timeoutError(limits);
  // Reached only without a host exception: the engine is sound and must be left clean
  // (QuickJS aborts when a runtime is freed with live objects).
  try {
    for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
    context.dispose();
    runtime.dispose();
  } catch (error) {
    throw new DisposeFailure(outcome, error);
  }
  return outcome;
}

/** The call finished, but freeing its runtime failed: keep the outcome, replace the engine. */
export class DisposeFailure extends Error {
  override name = 'DisposeFailure';
  constructor(
    readonly outcome: Outcome,
    cause: unknown,
  ) {
    super(String(cause));
  }
}

function evaluate(call: Call, code: string, argsJson: string | undefined): Outcome {
  const { context, limits, handles } = call;
  const keep = <T extends QuickJSHandle>(handle: T): T => {
    handles.push(handle);
    return handle;
  };
  const emit = keep(
    context.newFunction('emit', (level, text) => {
      if (call.logs.full || context.typeof(text) !== 'string') return;
      call.logs.add(
        context.typeof(level) === 'string' ? context.getString(level) : 'log',
        context.getString(text),
      );
    }),
  );
  const prelude = context.evalCode(PRELUDE_SOURCE, 'prelude.js', { type: 'global', strict: true });
  if (prelude.error) return classify(call, keep(prelude.error), 'run');
  const setup = context.callFunction(
    keep(prelude.value),
    context.undefined,
    emit,
    argsJson === undefined ? context.undefined : keep(context.newString(argsJson)),
    keep(context.newNumber(MAX_LOG_LINE_CHARS)),
  );
  if (setup.error) return classify(call, keep(setup.error), 'run');
  const finish = keep(setup.value);

  // Compile first, so a syntax error is told apart from a SyntaxError thrown at run time.
  const compiled = context.evalCode(code, FILENAME, { type: 'global', compileOnly: true });
  if (compiled.error) return classify(call, keep(compiled.error), 'compile');
  keep(compiled.value);
  const evaluated = context.evalCode(code, FILENAME, { type: 'global' });
  if (evaluated.error) return classify(call, keep(evaluated.error), 'run');
  let result = keep(evaluated.value);

  if (limits.mode === 'tool') {
    const found = context.evalCode('typeof run === "function" ? run : undefined', 'host.js', {
      type: 'global',
    });
    if (found.error) return classify(call, keep(found.error), 'run');
    const run = keep(found.value);
    if (context.typeof(run) !== 'function') {
      return fail(
        'SandboxRuntimeError',
        'the tool source must define a function run(args) that returns the result',
      );
    }
    const called = context.callFunction(
      run,
      context.undefined,
      keep(context.getProp(context.global, 'args')),
    );
    if (called.error) return classify(call, keep(called.error), 'run');
    result = keep(called.value);
  }

  const settled = settle(call, result, limits.mode === 'tool' ? 'run(args)' : 'the code');
  if ('ok' in settled) return settled;
  return serialise(call, finish, settled.value);
}

/** Runs pending jobs (promise callbacks) and unwraps a Promise result. */
function settle(call: Call, handle: QuickJSHandle, what: string): Outcome | { value: QuickJSHandle } {
  const { context, runtime, handles } = call;
  while (runtime.hasPendingJob()) {
    // In batches, so a chain of promise callbacks that never ends still meets the deadline.
    if (performance.now() > call.deadline) call.state.interrupted = true;
    if (call.state.interrupted) return timeoutError(call.limits);
    const jobs = runtime.executePendingJobs(1_000);
    if (jobs.error) {
      handles.push(jobs.error);
      return classify(call, jobs.error, 'run');
    }
  }
  const state = context.getPromiseState(handle);
  if (state.type === 'pending') {
    return fail(
      'SandboxRuntimeError',
      `${what} returned a Promise that never settled (the sandbox has no timers, network or I/O)`,
    );
  }
  if (state.type === 'rejected') {
    handles.push(state.error);
    return classify(call, state.error, 'run');
  }
  if (state.notAPromise) return { value: handle };
  handles.push(state.value);
  return { value: state.value };
}

/** `JSON.stringify` inside QuickJS, then parsed here: only plain data leaves the sandbox. */
function serialise(call: Call, finish: QuickJSHandle, value: QuickJSHandle): Outcome {
  const { context, limits, handles } = call;
  const max = limits.maxOutputChars;
  const maxHandle = context.newNumber(max);
  handles.push(maxHandle);
  const packed = context.callFunction(finish, context.undefined, value, maxHandle);
  if (packed.error) {
    handles.push(packed.error);
    const outcome = classify(call, packed.error, 'run');
    if (outcome.ok || outcome.error.name !== 'SandboxRuntimeError') return outcome;
    return fail(outcome.error.name, `the result is not JSON-serialisable: ${outcome.error.message}`);
  }
  handles.push(packed.value);
  const part = (index: number) => {
    const handle = context.getProp(packed.value, index);
    handles.push(handle);
    return handle;
  };
  const kind = context.getString(part(0));
  const total = context.getNumber(part(1));
  const text = context.getString(part(2));
  if (kind === 'none') return { ok: true };
  if (total <= max) return { ok: true, value: kind === 'string' ? text : JSON.parse(text) };
  if (limits.oversize === 'error') {
    return fail(
      'SandboxOutputTooLargeError',
      `the result is ${total} characters long${kind === 'json' ? ' as JSON' : ''}, more than the ${max} allowed`,
    );
  }
  return { ok: true, value: truncateWithMarker(text, total, max) };
}
