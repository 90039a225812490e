import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../../../llm/scripted/scripted-model';
import { createDefaultRegistry } from '../../../tools/registry';
import { createToolRunner } from '../../../tools/runner';
import { runAgent } from '../../orchestrator';
import { applyEvent, startTrace, type Trace } from '../../trace';
import type { RoleModel, RunEvent } from '../../types';
import { check } from '../suite/checkers';
import { generatedChecker } from './checker';
import { FAMILIES } from './families';
import { generateOne, generateTrajectories, phrasingsFor } from './generate';
import { HELD_OUT_SEED, heldOutTasks } from './lab-tasks';
import { createRng, splitOf } from './random';
import { trainingPairs } from './records';

const runner = createToolRunner(createDefaultRegistry());
const tools = runner.list();

describe('task generator', () => {
  it('holds out whole phrasings: test tasks use only the last phrasing of a family, train never does', async () => {
    const train = await generateTrajectories({ seed: 3, count: 200, split: 'train', runner });
    const test = await generateTrajectories({ seed: 3, count: 100, split: 'test', runner });
    const trainTemplates = new Set(train.map((t) => t.meta.template));
    const testTemplates = new Set(test.map((t) => t.meta.template));
    for (const template of testTemplates) expect(trainTemplates.has(template)).toBe(false);
    for (const family of FAMILIES) {
      expect(phrasingsFor(family, 'test')).toEqual([family.phrasings.length - 1]);
      expect(testTemplates.has(`${family.id}#${family.phrasings.length - 1}`)).toBe(true);
    }
  });

  it('draws test values only from the test partition (numbers, countries, dates)', async () => {
    const byId = (id: string) => {
      const family = FAMILIES.find((f) => f.id === id);
      if (!family) throw new Error(`no family ${id}`);
      return family;
    };
    for (let k = 0; k < 30; k++) {
      const calc = await generateOne(byId('calc-binary'), 1000 + k, 'test', runner, tools);
      for (const n of calc.instruction.match(/\d+/g) ?? []) expect(splitOf(Number(n))).toBe('test');
      const capital = await generateOne(byId('country-capital'), 2000 + k, 'train', runner, tools);
      const call = capital.meta.steps[0];
      expect(call && 'call' in call && splitOf(String(call.call.arguments.country))).toBe('train');
      const weekday = await generateOne(byId('date-weekday'), 3000 + k, 'test', runner, tools);
      const first = weekday.meta.steps[0];
      expect(first && 'call' in first && splitOf(String(first.call.arguments.date))).toBe('test');
    }
  });

  it('records what the real tools return, and answers with it', async () => {
    for (const family of FAMILIES) {
      const t = await generateOne(family, 77, 'train', runner, tools);
      const observations = t.conversations.filter((c) => c.from === 'observation');
      const calls = t.meta.steps.flatMap((s) => ('call' in s ? [s.call] : []));
      expect(observations).toHaveLength(calls.length);
      for (const [i, call] of calls.entries()) {
        const result = await runner.run(call, { signal: new AbortController().signal });
        expect(result.ok, `${family.id}: ${JSON.stringify(call)}`).toBe(true);
        const text =
          typeof (result.ok && result.value) === 'string' ? (result.ok ? result.value : '') : undefined;
        if (text !== undefined) expect(observations[i]?.value).toBe(text);
      }
      if (family.category !== 'give-up') {
        const last = observations.at(-1)?.value ?? '';
        // The answer quotes the last tool result (or a field of it) verbatim.
        const bold = /\*\*(.+?)\*\*/.exec(t.meta.answer ?? '')?.[1] ?? '';
        const core = bold.split(' ')[0] ?? '';
        expect(last.includes(core), `${family.id}: ${bold} in ${last}`).toBe(true);
      } else {
        expect(t.meta.answer).toBeUndefined();
      }
    }
  });

  it('is deterministic: the same seed gives the same trajectories', async () => {
    const a = await generateTrajectories({ seed: 5, count: 40, split: 'train', runner });
    const b = await generateTrajectories({ seed: 5, count: 40, split: 'train', runner });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(createRng(1).next()).toBe(createRng(1).next());
  });

  it('training prompts are byte for byte what a live run in the alpha-umi dialect sends', async () => {
    const trajectories = await generateTrajectories({
      seed: 9,
      count: FAMILIES.length,
      split: 'train',
      runner,
    });
    for (const trajectory of trajectories) {
      const pairs = trainingPairs([trajectory], 'compact');
      const said = (from: string) =>
        trajectory.conversations.filter((c) => c.from === from).map((c) => c.value);
      const model = new ScriptedModel({
        outputs: { planner: said('assistant'), caller: said('caller'), summarizer: said('conclusion') },
      });
      // The model says it was trained on the compact tool list, as the tiny models do.
      const compact: RoleModel = Object.assign(Object.create(model) as RoleModel, { toolDocs: 'compact' });
      let trace: Trace | undefined;
      const events: RunEvent[] = [];
      for await (const event of runAgent({
        task: trajectory.instruction,
        mode: 'multi',
        dialect: 'alpha-umi',
        models: { planner: compact, caller: compact, summarizer: compact },
        tools: runner,
      })) {
        events.push(event);
        trace = event.type === 'run_started' ? startTrace(event) : trace && applyEvent(trace, event);
      }
      const prompts = (role: string) =>
        (trace?.steps ?? [])
          .filter((s) => s.role === role)
          .map((s) => (s.prompt.kind === 'text' ? s.prompt.text : ''));
      expect(prompts('planner')).toEqual(pairs.planner.map((p) => p.input));
      expect(prompts('caller')).toEqual(pairs.caller.map((p) => p.input));
      expect(prompts('summarizer')).toEqual(pairs.summarizer.map((p) => p.input));
      expect(pairs.planner.every((p) => p.input.includes('"function": ""'))).toBe(true);
    }
  });
});

describe('generated-task checker', () => {
  it("scores every test task's own answer right, and a wrong value or a needless give-up wrong", async () => {
    const test = await generateTrajectories({ seed: 11, count: 120, split: 'test', runner });
    const kinds = new Set<string>();
    for (const t of test) {
      const checker = generatedChecker(t.meta);
      kinds.add(checker.kind);
      const own = check(checker, {
        answer: t.meta.answer,
        gaveUp: t.meta.answer === undefined,
        task: t.instruction,
      });
      expect(own.correct, `${t.meta.template}: ${t.meta.answer}`).toBe(true);
      if (checker.kind === 'give-up') continue;
      const wrongAnswer = check(checker, {
        answer: 'The answer is **Zzyzx 9999999.5**.',
        gaveUp: false,
        task: t.instruction,
      });
      expect(wrongAnswer.correct, t.meta.template).toBe(false);
      expect(check(checker, { answer: undefined, gaveUp: true, task: t.instruction }).correct).toBe(false);
    }
    expect([...kinds].sort()).toEqual(['date', 'exact', 'give-up', 'numeric']);
  });
});

describe('held-out lab tasks', () => {
  it('are the test split, numbered in order, each with its checker, and the same every time', async () => {
    const tasks = await heldOutTasks(runner, 25);
    expect(tasks.map((t) => t.id).slice(0, 2)).toEqual(['held-out-001', 'held-out-002']);
    const again = await heldOutTasks(runner, 25);
    expect(again.map((t) => t.task)).toEqual(tasks.map((t) => t.task));
    const test = await generateTrajectories({ seed: HELD_OUT_SEED, count: 25, split: 'test', runner });
    for (const [k, task] of tasks.entries()) {
      const t = test[k];
      expect(task.task).toBe(t?.instruction);
      expect(task.template).toBe(t?.meta.template);
      expect(task.checker).toEqual(generatedChecker(t?.meta ?? {}));
      const calls = task.reference.flatMap((s) => ('call' in s ? [s.call.name] : []));
      expect(task.tools).toEqual([...new Set(calls)]);
    }
  });
});
