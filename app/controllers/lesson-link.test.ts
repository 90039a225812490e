import { describe, expect, it } from 'vitest';
import { type Lesson, lessonHash, parseLessonHash } from './lesson-link';

describe('lesson links', () => {
  it('round-trip task, mode, dialect, tools and settings (unicode included)', () => {
    const lesson: Lesson = {
      task: 'Wie weit ist 5 Meilen + 3 km? 🚲',
      mode: 'shared',
      dialect: 'alpha-umi',
      tools: ['calculator', 'date_calc'],
      maxSteps: 6,
      stepThrough: true,
      predict: true,
      sampling: { planner: { temperature: 0.7, maxTokens: 200 } },
      systemPrompts: { summarizer: 'Answer in one sentence.' },
      locale: 'zh-CN',
    };
    const hash = lessonHash(lesson);
    expect(hash).toMatch(/^#lesson=[A-Za-z0-9_-]+$/);
    expect(parseLessonHash(hash)).toEqual({ ok: true, lesson });
  });

  it('ignores hashes that are not lessons', () => {
    expect(parseLessonHash('')).toBeUndefined();
    expect(parseLessonHash('#about')).toBeUndefined();
  });

  it('refuses a damaged link with a coded message, and drops bad fields instead of trusting them', () => {
    expect(parseLessonHash('#lesson=%%%')).toBeUndefined();
    expect(parseLessonHash('#lesson=bm90IGpzb24')).toEqual({ ok: false, error: { code: 'lessonDamaged' } });
    expect(parseLessonHash(`#lesson=${'A'.repeat(16_001)}`)).toEqual({
      ok: false,
      error: { code: 'lessonTooLong' },
    });
    expect(parseLessonHash(lessonHash({ task: 1 } as never))).toEqual({
      ok: false,
      error: { code: 'lessonNoTask' },
    });
    const hostile = lessonHash({
      task: 't',
      mode: 'evil' as never,
      dialect: 'chat',
      sampling: { planner: { temperature: 'hot' as never }, hacker: { maxTokens: 1 } } as never,
      locale: 'klingon' as never,
    });
    expect(parseLessonHash(hostile)).toEqual({
      ok: true,
      lesson: { task: 't', mode: 'multi', dialect: 'chat', sampling: { planner: {} } },
      dropped: ['planner: temperature must be a number from 0 to 2'],
    });
  });

  it('drops sampling values WebLLM would refuse, and says which (issue 12 #10)', () => {
    const hash = lessonHash({
      task: 't',
      mode: 'multi',
      dialect: 'chat',
      sampling: { caller: { seed: 1.5, maxTokens: 0, temperature: -1, topP: 0.5 } },
    });
    expect(parseLessonHash(hash)).toEqual({
      ok: true,
      lesson: { task: 't', mode: 'multi', dialect: 'chat', sampling: { caller: { topP: 0.5 } } },
      dropped: [
        'caller: seed must be a whole number from 0 to 2147483647 (got 1.5)',
        'caller: maxTokens must be a whole number from 1 to 4096 (got 0)',
        'caller: temperature must be a number from 0 to 2 (got -1)',
      ],
    });
  });

  it('carries the tiny engine, its system and top-p; a WebLLM engine or an unknown system is dropped', () => {
    const lesson = {
      task: 'What is 4821 * 37?',
      mode: 'multi' as const,
      dialect: 'alpha-umi' as const,
      sampling: { planner: { temperature: 0.5, topP: 0.9 } },
      engine: 'tiny' as const,
      tinySystem: 'one-stage' as const,
    };
    expect(parseLessonHash(lessonHash(lesson))).toEqual({ ok: true, lesson });
    const other = lessonHash({ ...lesson, engine: 'webllm' as never, tinySystem: 'huge' as never });
    const parsed = parseLessonHash(other);
    expect(parsed?.ok && parsed.lesson.engine).toBeUndefined();
    expect(parsed?.ok && parsed.lesson.tinySystem).toBeUndefined();
  });

  it('carries predict-then-reveal; a value that is not true or false is refused and reported', () => {
    const on = lessonHash({ task: 't', mode: 'multi', dialect: 'chat', predict: false });
    expect(parseLessonHash(on)).toEqual({
      ok: true,
      lesson: { task: 't', mode: 'multi', dialect: 'chat', predict: false },
    });
    const odd = lessonHash({ task: 't', mode: 'multi', dialect: 'chat', predict: 'yes' as never });
    expect(parseLessonHash(odd)).toEqual({
      ok: true,
      lesson: { task: 't', mode: 'multi', dialect: 'chat' },
      refusedPredict: '"yes"',
    });
  });
});
