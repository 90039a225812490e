import { ToolArgumentsError } from '../errors';
import type { BuiltinTool } from '../registry';
import { sandboxError } from '../sandbox/errors';
import type { SandboxCallOptions, SandboxRunResult } from '../sandbox/types';

/**
 * `run_javascript`: the code interpreter. Model-written JavaScript runs in the QuickJS
 * sandbox in 'script' mode; the tool returns `{ logs, value }` (what `console.log` printed
 * and the value of the last expression). The sandbox is passed in, so the tool is the same
 * with the page's worker bridge and with an in-process sandbox in Node tests.
 */

export type SandboxRun = (code: string, options: SandboxCallOptions) => Promise<SandboxRunResult>;

/** `value` is absent when the last statement has no value (a declaration, `console.log(...)`). */
export interface RunJavascriptOutput {
  logs: string[];
  value?: unknown;
}

export const RUN_JAVASCRIPT_DESCRIPTION =
  'Runs JavaScript code in a sandbox and returns what it printed with console.log and the value of its ' +
  'last expression. Use it for arithmetic, counting, loops, lists, dates and text. There is no network, ' +
  'no page, no imports and no timers, and the code must finish within 2 seconds.';

export function createRunJavascriptTool(
  run: SandboxRun,
  limits: Pick<SandboxCallOptions, 'timeoutMs' | 'memoryMb'> = {},
): BuiltinTool {
  return {
    kind: 'builtin',
    definition: {
      name: 'run_javascript',
      description: RUN_JAVASCRIPT_DESCRIPTION,
      parameters: {
        type: 'object',
        properties: {
          code: {
            type: 'string',
            description:
              'The JavaScript to run. Print results with console.log(...) or end with an expression, e.g. ' +
              '"const total = 3 * 4.75 + 2 * 1.2; total" or "console.log([1, 2, 3].map((x) => x * x))".',
          },
        },
        required: ['code'],
        additionalProperties: false,
      },
    },
    examples: [
      '{"code": "const cookies = 12 * 24; cookies * 3 / 4 * 0.5"}',
      '{"code": "let n = 0; for (let i = 1; i <= 100; i++) if (i % 3 === 0 || i % 5 === 0) n += i; console.log(n)"}',
    ],
    async run(args, ctx): Promise<RunJavascriptOutput> {
      const { code } = args;
      // The runner validates against the schema first; this guards direct calls.
      if (typeof code !== 'string') throw new ToolArgumentsError('argument "code" must be string');
      ctx.signal.throwIfAborted();
      const result = await run(code, { ...limits, mode: 'script', signal: ctx.signal });
      if (!result.ok) {
        for (const line of result.logs) ctx.log(line);
        // What the code printed before it failed helps the model find its mistake.
        const printed =
          result.logs.length > 0 ? `\nIt printed before failing:\n${result.logs.join('\n')}` : '';
        throw sandboxError({ name: result.error.name, message: result.error.message + printed });
      }
      return 'value' in result ? { logs: result.logs, value: result.value } : { logs: result.logs };
    },
  };
}
