import { describe, expect, it } from 'vitest';
import { check } from '../checkers';
import { SUITE_CATEGORIES } from '../types';
import { findSuiteTask, SUITE_TASKS, suiteCounts, suiteTaskForText } from './index';

/** The page's built-in tools: every worked solution uses only these. */
const BUILTIN_TOOLS = ['calculator', 'run_javascript', 'date_calc', 'country_facts', 'text_stats'];

describe('the task suite', () => {
  it('has at least 60 tasks, at least 8 in each of the six categories', () => {
    expect(SUITE_TASKS.length).toBeGreaterThanOrEqual(60);
    const counts = suiteCounts();
    expect(Object.keys(counts)).toEqual([...SUITE_CATEGORIES]);
    for (const category of SUITE_CATEGORIES) expect(counts[category], category).toBeGreaterThanOrEqual(8);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(SUITE_TASKS.length);
  });

  it('ids and task texts are unique, and lookups find every task', () => {
    expect(new Set(SUITE_TASKS.map((t) => t.id)).size).toBe(SUITE_TASKS.length);
    expect(new Set(SUITE_TASKS.map((t) => t.task.toLowerCase())).size).toBe(SUITE_TASKS.length);
    for (const task of SUITE_TASKS) {
      expect(findSuiteTask(task.id)).toBe(task);
      expect(suiteTaskForText(`  ${task.task.toUpperCase()}\n`)).toBe(task);
      expect(task.id).toMatch(/^[a-z0-9-]+$/);
    }
    expect(suiteTaskForText('What is the meaning of life?')).toBeUndefined();
  });

  it('give-up tasks, and only they, expect a give-up', () => {
    for (const task of SUITE_TASKS) {
      expect(task.checker.kind === 'give-up', task.id).toBe(task.category === 'give-up');
    }
  });

  for (const task of SUITE_TASKS) {
    it(`${task.id}: the worked solution uses the listed built-in tools and passes the checker`, () => {
      const calls = task.reference.flatMap((s) => ('call' in s ? [s.call.name] : []));
      for (const name of calls) expect(BUILTIN_TOOLS).toContain(name);
      expect([...new Set(calls)].sort()).toEqual([...task.tools].sort());
      // Only the last step ends the run, and it ends it the way the checker wants.
      for (const step of task.reference.slice(0, -1)) expect('call' in step, task.id).toBe(true);
      const last = task.reference.at(-1);
      const answer = last && 'answer' in last ? last.answer : undefined;
      const gaveUp = !!last && 'giveUp' in last;
      expect(check(task.checker, { answer, gaveUp })).toMatchObject({ correct: true });
      // Thoughts must not contain the markers the parsers look for, or a mode would misread them.
      for (const step of task.reference) {
        expect(step.thought).not.toMatch(/Next:|Action:|Action Input:|conclusion:|give up/i);
      }
      if (answer !== undefined) expect(answer).not.toMatch(/conclusion:|^give up/im);
    });
  }

  it('repeating the task text is never a right answer (no expected value is given away)', () => {
    for (const task of SUITE_TASKS) {
      expect(check(task.checker, { answer: task.task, gaveUp: false }).correct, task.id).toBe(false);
    }
  });
});
