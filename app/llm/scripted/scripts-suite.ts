import { SUITE_TASKS } from '../../agent/eval/suite/tasks';
import type { ScriptedTask } from './render';
import { registerScripts } from './scripts';

/**
 * Scripts for every task of the evaluation suite (app/agent/eval/suite): each plays the
 * task's worked solution. The text is written by us; the tool results are real — the
 * scripts-suite test runs every script through the real tools and checks that the tool
 * output and the final answer both pass the task's checker.
 *
 * The same script plays in every run mode: the scripted engine never does worse in one mode
 * than another, so its scores are identical across modes and say nothing about the paper's
 * claim. The page labels them "scripted — not a model".
 *
 * Importing this module registers the scripts with the default scripted engine (the
 * evaluation lab imports it), so the 66 tasks stay out of the page's first load.
 */
export const SUITE_SCRIPTS: readonly ScriptedTask[] = SUITE_TASKS.map((task) => ({
  id: `suite-${task.id}`,
  title: task.id,
  task: task.task,
  tools: [...task.tools],
  steps: task.reference.map((step) => ({ ...step })),
}));

registerScripts(SUITE_SCRIPTS);
