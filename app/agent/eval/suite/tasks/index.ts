import { SUITE_CATEGORIES, type SuiteCategory, type SuiteTask } from '../types';
import { ARITHMETIC_TASKS } from './arithmetic';
import { CALENDAR_TASKS } from './calendar';
import { CHAIN_TASKS } from './chains';
import { COUNTRY_TASKS } from './countries';
import { GIVE_UP_TASKS } from './give-up';
import { UNIT_TASKS } from './units';

/** Every task of the suite, in category order. */
export const SUITE_TASKS: readonly SuiteTask[] = [
  ...ARITHMETIC_TASKS,
  ...UNIT_TASKS,
  ...CALENDAR_TASKS,
  ...COUNTRY_TASKS,
  ...CHAIN_TASKS,
  ...GIVE_UP_TASKS,
];

const BY_ID = new Map(SUITE_TASKS.map((t) => [t.id, t]));

export function findSuiteTask(id: string): SuiteTask | undefined {
  return BY_ID.get(id);
}

/** Task texts compare as the scripted engine compares them: trimmed, spaces collapsed, any case. */
export function taskKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const BY_TEXT = new Map(SUITE_TASKS.map((t) => [taskKey(t.task), t]));

/** The suite task whose text this is (typed or pasted into the task box), if any. */
export function suiteTaskForText(text: string): SuiteTask | undefined {
  return BY_TEXT.get(taskKey(text));
}

/** How many tasks each category has (the resolve note asks for it). */
export function suiteCounts(tasks: readonly SuiteTask[] = SUITE_TASKS): Record<SuiteCategory, number> {
  const counts = Object.fromEntries(SUITE_CATEGORIES.map((c) => [c, 0])) as Record<SuiteCategory, number>;
  for (const task of tasks) counts[task.category] += 1;
  return counts;
}
