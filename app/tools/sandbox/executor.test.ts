import { describe, expect, it } from 'vitest';
import { ToolRegistry } from '../registry';
import { createToolRunner } from '../runner';
import { createSandboxExecutor } from './executor';
import { QuickJsSandbox } from './quickjs-run';
import type { SandboxCallOptions } from './types';

const sandbox = new QuickJsSandbox();
const seen: SandboxCallOptions[] = [];
const executor = createSandboxExecutor(
  {
    run: (code, options = {}) => {
      seen.push(options);
      const { signal: _signal, ...rest } = options;
      return sandbox.run(code, rest);
    },
  },
  { timeoutMs: 500 },
);

function registryWith(source: string) {
  const registry = new ToolRegistry();
  registry.register({
    kind: 'sandbox',
    definition: {
      name: 'word_reverse',
      description: 'Reverses the words of a sentence.',
      parameters: {
        type: 'object',
        properties: { sentence: { type: 'string' } },
        required: ['sentence'],
        additionalProperties: false,
      },
    },
    source,
  });
  return createToolRunner(registry, { sandbox: executor });
}

const call = { name: 'word_reverse', arguments: { sentence: 'the planner plans' } };

describe('createSandboxExecutor', () => {
  it('runs a user tool with the validated arguments and passes its logs on', async () => {
    const runner = registryWith(
      'function run(args) { console.log("words:", args.sentence.split(" ").length); return args.sentence.split(" ").reverse().join(" "); }',
    );
    const signal = new AbortController().signal;
    const result = await runner.run(call, { signal });
    expect(result).toMatchObject({ ok: true, value: 'plans planner the', logs: ['words: 3'] });
    expect(seen.at(-1)).toMatchObject({ mode: 'tool', timeoutMs: 500, args: call.arguments });
    expect(seen.at(-1)?.signal).toBeInstanceOf(AbortSignal);
  });

  it('turns a sandbox failure into a failed result that names it', async () => {
    const runner = registryWith('function run(args) { console.log("start"); while (true) {} }');
    const result = await runner.run(call, { signal: new AbortController().signal });
    expect(result.ok).toBe(false);
    expect(result.logs).toEqual(['start']);
    expect(result.ok ? '' : `${result.error.name}: ${result.error.message}`).toMatch(/SandboxTimeoutError/);
  });

  it('an undefined result becomes null', async () => {
    const runner = registryWith('function run() {}');
    expect(await runner.run(call, { signal: new AbortController().signal })).toMatchObject({
      ok: true,
      value: null,
    });
  });

  it('tool code cannot call another tool or forge a result', async () => {
    const runner = registryWith(
      'function run() { return [typeof calculator, typeof postMessage, typeof callTool, typeof self]; }',
    );
    const result = await runner.run(call, { signal: new AbortController().signal });
    expect(result).toMatchObject({ ok: true, value: ['undefined', 'undefined', 'undefined', 'undefined'] });
  });
});
