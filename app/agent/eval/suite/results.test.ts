import { describe, expect, it } from 'vitest';
import { config, metrics, result } from './fixtures';
import { configKey, mergeResults, summarise } from './results';
import { suiteSettings } from './settings';

describe('summarise', () => {
  it('aggregates per configuration: accuracy, give-up correctness, call validity, hallucination, means', () => {
    const single = config({ mode: 'single', models: ['backbone=scripted-backbone'] });
    const multi = config();
    const summaries = summarise([
      result(
        'a',
        single,
        metrics({
          check: { correct: false, reason: 'no-match' },
          toolCalls: 3,
          validToolCalls: 1,
          hallucinatedCalls: 2,
          steps: 5,
          wallMs: 100,
        }),
      ),
      result('a', multi, metrics()),
      result(
        'b',
        multi,
        metrics({
          check: { correct: false, reason: 'gave-up' },
          gaveUp: true,
          answer: undefined,
          toolCalls: 0,
          validToolCalls: 0,
          steps: 1,
        }),
      ),
      result(
        'g',
        multi,
        metrics({
          check: { correct: true, reason: 'gave-up-right' },
          gaveUp: true,
          answer: undefined,
          toolCalls: 0,
          validToolCalls: 0,
          steps: 1,
        }),
        true,
      ),
      result(
        'g',
        single,
        metrics({
          check: { correct: false, reason: 'did-not-give-up' },
          toolCalls: 1,
          validToolCalls: 1,
          steps: 1,
          wallMs: 0,
        }),
        true,
      ),
    ]);
    // Run-mode order: multi before single, whatever order the results came in.
    expect(summaries.map((s) => s.config.mode)).toEqual(['multi', 'single']);
    const [m, s] = summaries;
    expect(m).toMatchObject({
      runs: 3,
      correct: 2,
      giveUpRight: 2,
      giveUpTasks: 1,
      gaveUpWhenRight: 1,
      falseGiveUps: 1,
      toolCalls: 1,
      validToolCalls: 1,
      toolCallValidity: 1,
      hallucinatedToolRate: 0,
      meanSteps: 5 / 3,
      meanTokens: 120,
      simulated: true,
    });
    expect(m?.accuracy).toBeCloseTo(2 / 3);
    expect(m?.giveUpCorrectness).toBeCloseTo(2 / 3);
    expect(s).toMatchObject({
      runs: 2,
      correct: 0,
      accuracy: 0,
      giveUpRight: 1,
      falseGiveUps: 0,
      toolCalls: 4,
    });
    expect(s?.toolCallValidity).toBeCloseTo(2 / 4);
    expect(s?.hallucinatedToolRate).toBeCloseTo(2 / 4);
    expect(s?.meanWallMs).toBe(50);
  });

  it('no calls at all: validity and hallucination rate are undefined, not 0 or 100%', () => {
    const [s] = summarise([result('x', config(), metrics({ toolCalls: 0, validToolCalls: 0 }))]);
    expect(s?.toolCallValidity).toBeUndefined();
    expect(s?.hallucinatedToolRate).toBeUndefined();
  });

  it('tiny systems and the held-out task set get columns of their own; older keys stay as they were', () => {
    const tiny = config({ engine: 'tiny', mode: 'multi', models: ['planner=tiny-glpft-planner'] });
    const before = configKey(tiny);
    expect(before).not.toContain('tiny=');
    expect(configKey({ ...tiny, tinySystem: 'glpft' })).toBe(`${before}|tiny=glpft`);
    expect(configKey({ ...tiny, tinySystem: 'glpft', taskSet: 'held-out' })).toBe(
      `${before}|tiny=glpft|tasks=held-out`,
    );
    const suite = result('t', { ...tiny, tinySystem: 'glpft' }, metrics());
    const heldOut = result('t', { ...tiny, tinySystem: 'glpft', taskSet: 'held-out' }, metrics());
    expect(summarise([suite, heldOut])).toHaveLength(2);
  });

  it('different models or engines never share a column', () => {
    const a = config({ engine: 'webllm', models: ['planner=A'] });
    const b = config({ engine: 'webllm', models: ['planner=B'] });
    expect(configKey(a)).not.toBe(configKey(b));
    expect(configKey(config())).not.toBe(configKey(config({ engine: 'webllm' })));
    expect(configKey(config())).not.toBe(configKey(config({ dialect: 'alpha-umi' })));
    const summaries = summarise([result('t', a, metrics()), result('t', b, metrics())]);
    expect(summaries).toHaveLength(2);
    expect(summaries.every((s) => s.simulated)).toBe(true); // the metrics said simulated
    expect(summarise([result('t', a, metrics({ simulated: false }))])[0]?.simulated).toBe(false);
  });
});

describe('mergeResults', () => {
  it('a newer run of the same task and configuration replaces the older; others stay', () => {
    const old = result('a', config(), metrics({ steps: 9 }));
    const other = result('b', config(), metrics());
    const fresh = result('a', config(), metrics({ steps: 2 }));
    const merged = mergeResults([old, other], [fresh]);
    expect(merged).toHaveLength(2);
    expect(merged.find((r) => r.taskId === 'a')?.metrics.steps).toBe(2);
  });
});

describe('comparable configurations (review #5)', () => {
  it('different settings never share a column; results from before settings were recorded neither', () => {
    const base = {
      mode: 'multi' as const,
      dialect: 'chat' as const,
      roleSampling: {},
      systemPrompts: {},
      tools: [],
    };
    const ten = suiteSettings({ ...base, maxSteps: 10 });
    const five = suiteSettings({ ...base, maxSteps: 5 });
    expect(ten.fingerprint).not.toBe(five.fingerprint);
    const a = config({ settings: ten.settings, fingerprint: ten.fingerprint });
    const b = config({ settings: five.settings, fingerprint: five.fingerprint });
    expect(configKey(a)).not.toBe(configKey(b));
    expect(configKey(a)).not.toBe(configKey(config()));
    expect(summarise([result('t', a, metrics()), result('t', b, metrics())])).toHaveLength(2);
  });

  it('n of N tasks per configuration, and the score over the tasks every configuration ran', () => {
    // multi over three tasks (2 right), single over one of them (right): 67% against 100% is not a comparison.
    const multi = config();
    const single = config({ mode: 'single', models: ['backbone=b'] });
    const wrong = metrics({ check: { correct: false, reason: 'no-match' } });
    const [m, s] = summarise([
      result('a', multi, metrics()),
      result('b', multi, wrong),
      result('c', multi, metrics()),
      result('b', single, metrics()),
    ]);
    expect(m).toMatchObject({ tasks: 3, allTasks: 3, sameTasks: true, commonTasks: 1, commonCorrect: 0 });
    expect(m?.commonAccuracy).toBe(0);
    expect(s).toMatchObject({ tasks: 1, allTasks: 3, sameTasks: false, commonTasks: 1, commonCorrect: 1 });
    expect(s?.commonAccuracy).toBe(1);
    // No task in common: no common score rather than 0%.
    const [x] = summarise([result('a', multi, metrics()), result('z', single, metrics())]);
    expect(x?.commonTasks).toBe(0);
    expect(x?.commonAccuracy).toBeUndefined();
  });
});
