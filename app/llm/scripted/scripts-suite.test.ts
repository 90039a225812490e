import { describe, expect, it } from 'vitest';
import { check } from '../../agent/eval/suite/checkers';
import { runMetrics } from '../../agent/eval/suite/metrics';
import { extractNumbers } from '../../agent/eval/suite/normalise';
import { SUITE_TASKS } from '../../agent/eval/suite/tasks';
import { runAgent } from '../../agent/orchestrator';
import { traceFromEvents } from '../../agent/trace';
import { type Dialect, RUN_MODES, type RunEvent, type RunMode } from '../../agent/types';
import { createRunJavascriptTool } from '../../tools/builtin/run-javascript';
import { createDefaultRegistry } from '../../tools/registry';
import { createToolRunner } from '../../tools/runner';
import { QuickJsSandbox } from '../../tools/sandbox/quickjs-run';
import { ScriptedModel } from './scripted-model';
import { EXAMPLE_SCRIPTS, findScript } from './scripts';
import { SUITE_SCRIPTS } from './scripts-suite';

const sandbox = new QuickJsSandbox();

/** The page's tools, with run_javascript on an in-process QuickJS instead of the worker. */
function tools() {
  const registry = createDefaultRegistry();
  registry.register(
    createRunJavascriptTool((code, { signal: _signal, ...options }) => sandbox.run(code, options)),
  );
  return createToolRunner(registry);
}

/** Runs a task with the page's default scripted engine (no script list given: the registration is tested too). */
async function run(task: string, mode: RunMode, dialect: Dialect) {
  const one = () => new ScriptedModel();
  const models =
    mode === 'single'
      ? { backbone: one() }
      : mode === 'shared'
        ? (() => {
            const model = one();
            return { planner: model, caller: model, summarizer: model };
          })()
        : { planner: one(), caller: one(), summarizer: one() };
  const events: RunEvent[] = [];
  for await (const event of runAgent({ task, mode, dialect, models, tools: tools() })) events.push(event);
  return traceFromEvents(events);
}

/** Small constants a solution may bring itself (hours in a day, percent, squares). */
const CONSTANTS = new Set([0, 1, 2, 24, 60, 100]);

describe('suite scripts', () => {
  it('there is one script per suite task, found by the default scripted engine, none shadowing an example', () => {
    expect(SUITE_SCRIPTS).toHaveLength(SUITE_TASKS.length);
    for (const task of SUITE_TASKS) {
      expect(findScript(task.task)?.id).toBe(`suite-${task.id}`);
      expect(findScript(task.task, EXAMPLE_SCRIPTS)?.id).toBe(`suite-${task.id}`);
    }
    const examples = new Set(EXAMPLE_SCRIPTS.map((s) => s.task.trim().toLowerCase()));
    for (const task of SUITE_TASKS) expect(examples.has(task.task.trim().toLowerCase()), task.id).toBe(false);
    // Given another list, findScript keeps to it.
    expect(findScript(SUITE_TASKS[0]?.task ?? '', [])).toBeUndefined();
  });

  for (const task of SUITE_TASKS) {
    it(`${task.id}: plays the same in every mode and dialect, through the real tools, and is scored right`, async () => {
      const expectedCalls = task.reference.filter((s) => 'call' in s).length;
      const last = task.reference.at(-1);
      for (const mode of RUN_MODES) {
        for (const dialect of ['chat', 'alpha-umi'] as const) {
          const where = `${mode}/${dialect}`;
          const trace = await run(task.task, mode, dialect);
          const metrics = runMetrics(trace, task.checker);
          expect(metrics.check?.correct, where).toBe(true);
          expect(metrics.toolCalls, where).toBe(expectedCalls);
          expect(metrics.validToolCalls, where).toBe(expectedCalls);
          expect(metrics.hallucinatedCalls, where).toBe(0);
          if (last && 'answer' in last) {
            expect(trace.outcome, where).toBe('answer');
            expect(trace.answer, where).toBe(last.answer);
          } else {
            expect(trace.outcome, where).toBe('give_up');
            expect(trace.giveUpReason, where).toBe('planner');
          }
        }
      }
    });
  }

  for (const task of SUITE_TASKS) {
    it(`${task.id}: the script's numbers and answer come from what the tools really returned`, async () => {
      const trace = await run(task.task, 'multi', 'chat');
      const toolSteps = trace.steps.filter((s) => s.tool);
      const observations = toolSteps.map((s) => s.tool?.observation ?? '');
      if (task.checker.kind === 'give-up') {
        // A give-up after trying a tool: the tool really found nothing.
        for (const s of toolSteps) expect(s.tool?.result?.ok, task.id).toBe(false);
        return;
      }
      for (const s of toolSteps) expect(s.tool?.result?.ok, `${task.id}: ${s.tool?.observation}`).toBe(true);
      // The expected value is what the last tool call returned, not only what we wrote.
      expect(
        check(task.checker, { answer: observations.at(-1), gaveUp: false }).correct,
        observations.at(-1),
      ).toBe(true);
      // Every number a later call uses was returned by an earlier call, stated in the task, or is a small constant.
      const taskNumbers = extractNumbers(task.task);
      for (const [i, s] of toolSteps.entries()) {
        if (i === 0) continue;
        const seen = [...taskNumbers, ...observations.slice(0, i).flatMap(extractNumbers)];
        for (const n of extractNumbers(JSON.stringify(s.tool?.call.arguments))) {
          if (CONSTANTS.has(n)) continue;
          expect(seen, `${task.id}: ${n} in call ${i + 1}`).toContain(n);
        }
      }
    });
  }
});
