import { describe, expect, it } from 'vitest';
import { runAgent } from '../../agent/orchestrator';
import { traceFromEvents } from '../../agent/trace';
import type { RunEvent } from '../../agent/types';
import { createRunJavascriptTool } from '../../tools/builtin/run-javascript';
import { ToolRegistry } from '../../tools/registry';
import { createToolRunner } from '../../tools/runner';
import { QuickJsSandbox } from '../../tools/sandbox/quickjs-run';
import { ScriptedModel } from './scripted-model';
import { RUN_JAVASCRIPT_SCRIPTS } from './scripts-sandbox';

const sandbox = new QuickJsSandbox();

async function run(task: string, mode: 'multi' | 'single', dialect: 'chat' | 'alpha-umi') {
  const registry = new ToolRegistry();
  registry.register(
    createRunJavascriptTool((code, { signal: _signal, ...options }) => sandbox.run(code, options)),
  );
  const model = new ScriptedModel({ scripts: RUN_JAVASCRIPT_SCRIPTS });
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task,
    mode,
    dialect,
    tools: createToolRunner(registry),
    models: mode === 'single' ? { backbone: model } : { planner: model, caller: model, summarizer: model },
  })) {
    events.push(event);
  }
  return traceFromEvents(events);
}

describe('run_javascript example scripts', () => {
  for (const script of RUN_JAVASCRIPT_SCRIPTS) {
    for (const [mode, dialect] of [
      ['multi', 'chat'],
      ['single', 'alpha-umi'],
    ] as const) {
      it(`${script.id} (${mode}, ${dialect}) ends with the scripted answer`, async () => {
        const trace = await run(script.task, mode, dialect);
        expect(trace.steps.filter((s) => s.tool)).toHaveLength(
          script.steps.filter((s) => 'call' in s).length,
        );
        const last = script.steps.at(-1);
        expect(trace.outcome).toBe('answer');
        expect(trace.answer).toBe(last && 'answer' in last ? last.answer : undefined);
      });
    }
  }

  it('each answer states what the code really returned', async () => {
    const expectations: Record<string, string[]> = {
      'bakery-word-problem': ['"logs":["given away: 72"],"value":108'],
      'first-ten-primes': ['"primes":[2,3,5,7,11,13,17,19,23,29],"sum":129'],
      'leap-days-recovery': ['not a function', '"value":60'],
    };
    for (const script of RUN_JAVASCRIPT_SCRIPTS) {
      const trace = await run(script.task, 'multi', 'chat');
      const observations = trace.steps.flatMap((s) => (s.tool?.observation ? [s.tool.observation] : []));
      const expected = expectations[script.id] ?? [];
      expect(observations).toHaveLength(expected.length);
      for (const [i, text] of expected.entries()) expect(observations[i]).toContain(text);
    }
  });
});
