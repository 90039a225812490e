import { describe, expect, it } from 'vitest';
import { runAgent } from '../../agent/orchestrator';
import { traceFromEvents } from '../../agent/trace';
import type { RunEvent, RunMode } from '../../agent/types';
import { createRunJavascriptTool } from '../../tools/builtin/run-javascript';
import { createDefaultRegistry } from '../../tools/registry';
import { createToolRunner } from '../../tools/runner';
import { QuickJsSandbox } from '../../tools/sandbox/quickjs-run';
import { ScriptedModel } from './scripted-model';
import { EXAMPLE_SCRIPTS } from './scripts';

const sandbox = new QuickJsSandbox();

/** The page's tools, with run_javascript on an in-process QuickJS instead of the worker. */
function registry() {
  const r = createDefaultRegistry();
  r.register(createRunJavascriptTool((code, { signal: _signal, ...options }) => sandbox.run(code, options)));
  return r;
}

async function run(task: string, mode: RunMode, dialect: 'chat' | 'alpha-umi') {
  const model = new ScriptedModel();
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task,
    mode,
    dialect,
    tools: createToolRunner(registry()),
    models: mode === 'single' ? { backbone: model } : { planner: model, caller: model, summarizer: model },
  })) {
    events.push(event);
  }
  return traceFromEvents(events);
}

describe('example scripts', () => {
  it('there are at least four examples, each with a distinct task', () => {
    expect(EXAMPLE_SCRIPTS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(EXAMPLE_SCRIPTS.map((s) => s.task)).size).toBe(EXAMPLE_SCRIPTS.length);
  });

  for (const script of EXAMPLE_SCRIPTS) {
    for (const [mode, dialect] of [
      ['multi', 'chat'],
      ['multi', 'alpha-umi'],
      ['single', 'chat'],
      ['single', 'alpha-umi'],
    ] as const) {
      it(`${script.id} (${mode}, ${dialect}): every scripted call is valid and the outcome is the scripted one`, async () => {
        const trace = await run(script.task, mode, dialect);
        const calls = trace.steps.filter((s) => s.tool);
        const scriptedCalls = script.steps.filter((s) => 'call' in s);
        expect(calls).toHaveLength(scriptedCalls.length);
        expect(trace.steps.some((s) => s.status === 'error')).toBe(false);
        const last = script.steps.at(-1);
        if (last && 'answer' in last) {
          expect(trace.outcome).toBe('answer');
          expect(trace.answer).toBe(last.answer);
        } else {
          expect(trace.outcome).toBe('give_up');
        }
      });
    }
  }

  it('each answer states what the tools really returned', async () => {
    // The scripted answers are written by hand; the tool results are computed. This checks
    // that the hand-written answers match the computation, so the demo never shows a wrong sum.
    const expectations: Record<string, string[]> = {
      'miles-plus-km': ['11.04672 km'],
      'shopping-total': ['16.65'],
      'fever-check': ['37.777777777778 degC'],
      'circle-tiles': ['2827.4333882308 mm^2', '353.67765131'],
      'furlong-recovery': ['Undefined symbol furlong', '1408.176 m'],
      // One substring per tool call, in call order.
      'days-until-christmas': [
        '"days":286,"weeks":40,"months":9,"years":0,"business_days":204,"breakdown":"0 years, 9 months, 11 days"',
      ],
      'trial-end-date': ['{"date":"2025-04-15","weekday":"Tuesday"}'],
      'leap-day': ['February 2023 has 28 days', '"date":"2024-02-29","weekday":"Thursday"'],
      'capital-currency': [
        '"capital":"Canberra","population":24982688,"area_km2":7692024,"region":"Oceania",' +
          '"subregion":"Australia and New Zealand","currencies":["Australian dollar (AUD, $)"]',
      ],
      'misspelled-country': [
        '"name":"Switzerland","languages":["French","Swiss German","Italian","Romansh"]',
      ],
      'population-density': ['"population":126529100,"area_km2":377930', '334.79506786971'],
      'count-words': [
        '"words":16,"sentences":3,"lines":1,"average_word_length":3.81,' +
          '"top_words":[{"word":"the","count":4},{"word":"fox","count":2},{"word":"dog","count":2}]',
      ],
      'count-a-word': ['"count_of":"the","occurrences":3'],
    };
    for (const script of EXAMPLE_SCRIPTS) {
      const trace = await run(script.task, 'multi', 'chat');
      const observations = trace.steps.flatMap((s) => (s.tool?.observation ? [s.tool.observation] : []));
      for (const [i, expected] of (expectations[script.id] ?? []).entries()) {
        expect(observations[i]).toContain(expected);
      }
    }
  });
});
