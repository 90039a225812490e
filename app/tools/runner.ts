import type { NamedErrorData, ToolCall, ToolResult, ToolRunner, ToolRunOptions } from '../agent/types';
import { validateArguments } from '../agent/validate-args';
import {
  TOOL_ERROR_NAMES,
  ToolAbortedError,
  ToolArgumentsError,
  ToolOutputInvalidError,
  ToolOutputTooLargeError,
  ToolTimeoutError,
  toErrorData,
  UnknownToolError,
  unknownToolMessage,
} from './errors';
import type { RegisteredTool, SandboxTool, ToolContext, ToolRegistry } from './registry';

/** Runs the source of a `kind: 'sandbox'` tool; must stop (terminate its worker) when `ctx.signal` aborts. */
export type SandboxExecutor = (
  tool: SandboxTool,
  args: Record<string, unknown>,
  ctx: ToolContext,
) => Promise<unknown>;

export interface ToolRunnerOptions {
  /** Time budget of a call when `ToolRunOptions.timeoutMs` is not given. Default 10 000. */
  defaultTimeoutMs?: number;
  /** Longest output kept, in characters of its text (JSON text for non-strings). Default 16 384. */
  maxOutputChars?: number;
  /**
   * What happens to longer output. `truncate` (default): the value becomes its text cut to
   * `maxOutputChars` plus a marker line, and the call still succeeds, because a partial
   * observation lets the agent go on. `error`: the call fails with `ToolOutputTooLargeError`.
   */
  oversizeOutput?: 'truncate' | 'error';
  /** Runs sandbox tools. Without it they fail with a `ToolRuntimeError`. */
  sandbox?: SandboxExecutor;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_OUTPUT_CHARS = 16_384;
const MAX_LOG_LINES = 200;
// setTimeout fires at once for delays above 2^31 - 1 ms; longer budgets mean "no timer".
const MAX_TIMER_MS = 2 ** 31 - 1;

export function truncationMarker(shown: number, total: number): string {
  return `\n[output truncated: showing ${shown} of ${total} characters]`;
}

function cut(text: string, max: number): string {
  // Do not split a surrogate pair: a lone high surrogate is not valid UTF-16 text.
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function failure(e: unknown): NamedErrorData {
  const data = toErrorData(e);
  if (TOOL_ERROR_NAMES.has(data.name)) return data;
  const plain = data.name === 'Error' || data.name === '';
  return { name: 'ToolRuntimeError', message: plain ? data.message : `${data.name}: ${data.message}` };
}

export function createToolRunner(registry: ToolRegistry, options: ToolRunnerOptions = {}): ToolRunner {
  const defaultTimeoutMs = options.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutputChars = options.maxOutputChars ?? DEFAULT_MAX_OUTPUT_CHARS;
  const oversize = options.oversizeOutput ?? 'truncate';

  function execute(tool: RegisteredTool, args: Record<string, unknown>, ctx: ToolContext): Promise<unknown> {
    if (tool.kind === 'sandbox') {
      if (!options.sandbox) {
        return Promise.reject(
          new Error(`${tool.definition.name} needs the JavaScript sandbox, which is not available`),
        );
      }
      return options.sandbox(tool, args, ctx);
    }
    return tool.run(args, ctx);
  }

  /** Turns a returned value into a JSON-safe value within the size limit, or throws a named error. */
  function normalise(name: string, value: unknown): unknown {
    let text: string;
    if (typeof value === 'string') {
      text = value;
    } else {
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch (error) {
        throw new ToolOutputInvalidError(
          `${name} returned a value that is not JSON: ${toErrorData(error).message}`,
        );
      }
      // `undefined` and functions have no JSON text: the tool returned nothing.
      if (json === undefined) return null;
      text = json;
    }
    if (text.length <= maxOutputChars) return typeof value === 'string' ? value : JSON.parse(text);
    if (oversize === 'error') {
      throw new ToolOutputTooLargeError(
        `${name} returned ${text.length} characters, more than the ${maxOutputChars} allowed`,
      );
    }
    const kept = cut(text, maxOutputChars);
    return kept + truncationMarker(kept.length, text.length);
  }

  async function run(call: ToolCall, runOptions: ToolRunOptions): Promise<ToolResult> {
    const started = performance.now();
    const logs: string[] = [];
    const done = (outcome: { value: unknown } | { error: NamedErrorData }): ToolResult => {
      const durationMs = Math.max(0, performance.now() - started);
      return 'error' in outcome
        ? { ok: false, error: outcome.error, logs, durationMs }
        : { ok: true, value: outcome.value, logs, durationMs };
    };
    const { signal } = runOptions;
    const name = call.name;

    if (signal.aborted)
      return done({ error: toErrorData(new ToolAbortedError(`stopped before ${name} ran`)) });
    const tool = registry.resolve(name);
    if (!tool) return done({ error: toErrorData(new UnknownToolError(unknownToolMessage(name))) });
    const valid = validateArguments(tool.definition, call.arguments);
    if (!valid.ok) return done({ error: toErrorData(new ToolArgumentsError(valid.message)) });

    // The tool gets its own controller: aborting it asks the tool to stop, whichever of
    // the timer and the caller's signal came first; `reason` carries the named error.
    const controller = new AbortController();
    const timeoutMs = Math.max(0, runOptions.timeoutMs ?? defaultTimeoutMs);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let rejectStop: (reason: unknown) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      rejectStop = reject;
    });
    const stop = (error: Error) => {
      rejectStop(error);
      controller.abort(error);
    };
    const onAbort = () => stop(new ToolAbortedError(`stopped while ${name} was running`));
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeoutMs <= MAX_TIMER_MS) {
      timer = setTimeout(
        () => stop(new ToolTimeoutError(`${name} did not finish within ${timeoutMs} ms`)),
        timeoutMs,
      );
    }
    const ctx: ToolContext = {
      signal: controller.signal,
      log: (line) => {
        if (controller.signal.aborted) return; // a tool that lost the race must not write into the result
        if (logs.length < MAX_LOG_LINES) logs.push(String(line));
        else if (logs.length === MAX_LOG_LINES) logs.push('[more log lines dropped]');
      },
    };

    let work: Promise<unknown> | undefined;
    try {
      // `then` turns a synchronous throw inside the tool into a rejection.
      work = Promise.resolve().then(() => execute(tool, call.arguments, ctx));
      const value = await Promise.race([work, stopped]);
      return done({ value: normalise(name, value) });
    } catch (error) {
      return done({ error: failure(error) });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      // A tool that lost the race may still reject later; that is expected, not unhandled.
      work?.catch(() => {});
      stopped.catch(() => {});
    }
  }

  return { list: () => registry.definitions(), run };
}
