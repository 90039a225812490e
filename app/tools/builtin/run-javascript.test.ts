import { describe, expect, it } from 'vitest';
import { validateArguments } from '../../agent/validate-args';
import { type ToolContext, ToolRegistry } from '../registry';
import { createToolRunner } from '../runner';
import { QuickJsSandbox } from '../sandbox/quickjs-run';
import type { SandboxCallOptions } from '../sandbox/types';
import { createRunJavascriptTool, type RunJavascriptOutput } from './run-javascript';

const sandbox = new QuickJsSandbox();
const calls: SandboxCallOptions[] = [];
const tool = createRunJavascriptTool((code, { signal: _signal, ...options }) => {
  calls.push(options);
  return sandbox.run(code, options);
});

function ctx(lines: string[] = []): ToolContext {
  return { signal: new AbortController().signal, log: (line) => lines.push(line) };
}

async function runCode(code: string): Promise<RunJavascriptOutput> {
  return (await tool.run({ code }, ctx())) as RunJavascriptOutput;
}

describe('run_javascript', () => {
  it('is an OpenAI-style function with one required string argument', () => {
    expect(tool.definition.name).toBe('run_javascript');
    expect(tool.definition.parameters).toMatchObject({ type: 'object', required: ['code'] });
    expect(tool.definition.description).toMatch(/console\.log/);
    expect(validateArguments(tool.definition, { code: '1' })).toMatchObject({ ok: true });
    expect(validateArguments(tool.definition, { code: 1 })).toMatchObject({ ok: false });
    for (const example of tool.examples ?? []) {
      expect(validateArguments(tool.definition, JSON.parse(example))).toMatchObject({ ok: true });
    }
  });

  it('returns the printed lines and the value of the last expression', async () => {
    expect(await runCode('const cookies = 12 * 24; cookies * 3 / 4 * 0.5')).toEqual({ logs: [], value: 108 });
    expect(await runCode('console.log("sum", [1, 2, 3].reduce((a, b) => a + b))')).toEqual({
      logs: ['sum 6'],
    });
    expect(calls.at(-1)).toMatchObject({ mode: 'script' });
  });

  it('runs the examples it shows the models', async () => {
    const outputs = await Promise.all((tool.examples ?? []).map((e) => tool.run(JSON.parse(e), ctx())));
    expect(outputs).toEqual([{ logs: [], value: 108 }, { logs: ['2418'] }]);
  });

  it('throws the named sandbox error, with what was printed before it', async () => {
    const lines: string[] = [];
    const error = (await tool
      .run({ code: 'console.log("step 1"); Math.sum(1, 2)' }, ctx(lines))
      .catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('SandboxRuntimeError');
    expect(error.message).toBe('TypeError: not a function\nIt printed before failing:\nstep 1');
    expect(lines).toEqual(['step 1']);
    await expect(tool.run({ code: 'while (true) {}' }, ctx())).rejects.toMatchObject({
      name: 'SandboxTimeoutError',
    });
    await expect(tool.run({ code: 'let x = ;' }, ctx())).rejects.toMatchObject({
      name: 'SandboxSyntaxError',
    });
  }, 10_000);

  it('reports failures through the tool runner as observations', async () => {
    const registry = new ToolRegistry();
    registry.register(tool);
    const runner = createToolRunner(registry);
    const signal = new AbortController().signal;
    const ok = await runner.run({ name: 'run_javascript', arguments: { code: '2 ** 10' } }, { signal });
    expect(ok).toMatchObject({ ok: true, value: { logs: [], value: 1024 } });
    const bad = await runner.run({ name: 'run_javascript', arguments: { code: 'fetch("/")' } }, { signal });
    expect(bad.ok).toBe(false);
    // The runner keeps the sandbox's name, or wraps it into a ToolRuntimeError message.
    expect(bad.ok ? '' : `${bad.error.name}: ${bad.error.message}`).toMatch(
      /SandboxRuntimeError: ReferenceError: 'fetch' is not defined/,
    );
  });
});
