import type { SandboxExecutor } from '../runner';
import { sandboxError } from './errors';
import type { SandboxBridge } from './sandbox-bridge';
import { getSandbox } from './sandbox-bridge';
import type { SandboxRunOptions } from './types';

/** Limits for user tools; the rest of `SandboxRunOptions` is set per call. */
export type SandboxToolLimits = Pick<
  SandboxRunOptions,
  'timeoutMs' | 'memoryMb' | 'stackKb' | 'maxOutputChars'
>;

/**
 * Runs the source of a `kind: 'sandbox'` tool in 'tool' mode: the source defines
 * `function run(args)`, which gets the validated arguments (deep-frozen) and returns the
 * result. Captured `console.*` lines go to `ctx.log`; a failure is thrown as its named sandbox
 * error (`SandboxTimeoutError`, `SandboxRuntimeError`...). `ctx.signal` cancels hard: the
 * bridge terminates the worker and starts a new one.
 */
export function createSandboxExecutor(
  sandbox: Pick<SandboxBridge, 'run'> = getSandbox(),
  limits: SandboxToolLimits = {},
): SandboxExecutor {
  return async (tool, args, ctx) => {
    const result = await sandbox.run(tool.source, { ...limits, mode: 'tool', args, signal: ctx.signal });
    for (const line of result.logs) ctx.log(line);
    if (!result.ok) throw sandboxError(result.error);
    return result.value;
  };
}
