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

/**
 * The result field that answers each task whose last tool returns several values (date_calc,
 * country_facts); calculator and run_javascript return one value. A wrong expected value
 * (1990 for age-in-years, where the output also holds 1990-08-15) fails against this field.
 */
const RESULT_FIELD: Readonly<Record<string, string>> = {
  'moon-landing-weekday': 'weekday',
  'days-in-2024': 'days',
  'hundred-days-later': 'date',
  'new-year-2030': 'weekday',
  'june-weekdays': 'business_days',
  'month-after-january-31': 'date',
  'age-in-years': 'years',
  'forty-five-business-days': 'date',
  'day-of-year': 'day_of_year',
  'first-quarter-days': 'days',
  'thousand-days-before': 'date',
  'capital-australia': 'capital',
  'currency-japan': 'currencies',
  'germany-alpha3': 'cca3',
  'capital-canada': 'capital',
  'peru-subregion': 'subregion',
  'brazil-area': 'area_km2',
  'nigeria-population': 'population',
  'iso-code-ke': 'name',
  'capital-of-nz': 'capital',
  'capital-mongolia': 'capital',
  'capital-brasil-misspelled': 'capital',
};

/** The value a tool computed, as text: the calculator's result, the code's return value, or the task's field. */
function finalValue(taskId: string, tool: string, value: unknown): string | undefined {
  if (tool === 'calculator') return typeof value === 'string' ? value : undefined;
  if (tool === 'run_javascript') {
    const returned = (value as { value?: unknown } | undefined)?.value;
    return returned === undefined ? undefined : String(returned);
  }
  const field = RESULT_FIELD[taskId];
  const picked = field === undefined ? undefined : (value as Record<string, unknown> | undefined)?.[field];
  if (picked === undefined) return undefined;
  return Array.isArray(picked) ? picked.join('; ') : String(picked);
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

  it('the result-field table names exactly the tasks whose last tool returns several values', () => {
    const needing = SUITE_TASKS.filter((task) => {
      const lastCall = task.reference.flatMap((s) => ('call' in s ? [s.call.name] : [])).at(-1);
      return task.checker.kind !== 'give-up' && (lastCall === 'date_calc' || lastCall === 'country_facts');
    }).map((task) => task.id);
    expect(Object.keys(RESULT_FIELD).sort()).toEqual(needing.sort());
  });

  it('a wrong expected value is caught: the computed field, not any number of the tool output', async () => {
    const age = SUITE_TASKS.find((t) => t.id === 'age-in-years');
    if (!age) throw new Error('age-in-years is missing');
    const trace = await run(age.task, 'multi', 'chat');
    const tool = trace.steps.find((s) => s.tool)?.tool;
    const computed = tool?.result?.ok ? finalValue(age.id, tool.call.name, tool.result.value) : undefined;
    expect(computed).toBe('34');
    // The whole output holds 1990 and 2025 too; the computed field does not.
    expect(tool?.observation).toContain('1990');
    expect(check({ kind: 'numeric', value: 1990 }, { answer: computed, gaveUp: false }).correct).toBe(false);
    expect(check({ kind: 'numeric', value: 2025 }, { answer: computed, gaveUp: false }).correct).toBe(false);
    expect(check(age.checker, { answer: computed, gaveUp: false }).correct).toBe(true);
  });

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
      // The expected value is the value the last tool call computed, not only what we wrote
      // (and not any number somewhere in its output: a date_calc result also holds the dates).
      const last = toolSteps.at(-1)?.tool;
      const computed = last?.result?.ok ? finalValue(task.id, last.call.name, last.result.value) : undefined;
      expect(computed, `${task.id}: no computed value`).toBeDefined();
      expect(check(task.checker, { answer: computed, gaveUp: false }).correct, computed).toBe(true);
      // Every number a later call uses was returned by an earlier call, stated in the task, or is a small constant.
      const taskNumbers = extractNumbers(task.task);
      for (const [i, s] of toolSteps.entries()) {
        if (i === 0) continue;
        const seen = [...taskNumbers, ...observations.slice(0, i).flatMap((o) => extractNumbers(o))];
        for (const n of extractNumbers(JSON.stringify(s.tool?.call.arguments))) {
          if (CONSTANTS.has(n)) continue;
          expect(seen, `${task.id}: ${n} in call ${i + 1}`).toContain(n);
        }
      }
    });
  }
});
