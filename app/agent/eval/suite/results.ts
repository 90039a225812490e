import { type Dialect, RUN_MODES, type RunMode } from '../../types';
import type { FamilyCategory } from '../generator/families';
import type { RunMetrics } from './metrics';
import type { SuiteSettings } from './settings';
import type { SuiteCategory } from './types';

/** The engine that played a run. Scripted runs are text written in advance — never a model's score. */
export type SuiteEngine = 'scripted' | 'webllm' | 'tiny';

/** What a run was played with: one column of the results. */
export interface SuiteConfig {
  engine: SuiteEngine;
  mode: RunMode;
  dialect: Dialect;
  /** The model preset (WebLLM), or undefined for the scripted engine and hand-picked models. */
  presetId?: string;
  /** `held-out`: the tiny models' held-out generated tasks, not the suite (a column of its own). */
  taskSet?: 'held-out';
  /** Tiny α-UMi: which of the paper's four systems (glpft, one-stage, shared, single). */
  tinySystem?: string;
  /** Model ids per role, in role order ("planner=…"), so different models never share a column. */
  models: string[];
  /** The settings snapshot the runs used (absent in results stored before settings were recorded). */
  settings?: SuiteSettings;
  /** Their fingerprint (settings.ts): runs under different settings never share a column. */
  fingerprint?: string;
}

/** One task run under one configuration, scored. */
export interface SuiteResult {
  /** `${configKey}::${taskId}`: a newer run of the same task and configuration replaces the older. */
  id: string;
  taskId: string;
  /** A suite category, or a generator family's (held-out tasks: `text` too). */
  category: SuiteCategory | FamilyCategory;
  task: string;
  configKey: string;
  config: SuiteConfig;
  expectGiveUp: boolean;
  metrics: RunMetrics;
  /** The trace's id: the full run is stored beside the result. */
  traceId: string;
  finishedAt: number;
}

export function configKey(config: SuiteConfig): string {
  return [
    config.engine,
    config.mode,
    config.dialect,
    config.presetId ?? '',
    ...config.models,
    `settings=${config.fingerprint ?? 'unknown'}`,
    // Appended only when set, so the keys of results stored before them do not change.
    ...(config.tinySystem ? [`tiny=${config.tinySystem}`] : []),
    ...(config.taskSet ? [`tasks=${config.taskSet}`] : []),
  ].join('|');
}

export function resultId(config: SuiteConfig, taskId: string): string {
  return `${configKey(config)}::${taskId}`;
}

/** Aggregates of one configuration over the tasks it ran. */
export interface ConfigSummary {
  configKey: string;
  config: SuiteConfig;
  runs: number;
  correct: number;
  /** correct / runs (must-give-up tasks count as right when the run gave up). */
  accuracy: number;
  /** Distinct tasks this configuration ran: the n of "n of N tasks". */
  tasks: number;
  /** Distinct tasks any configuration of the results ran: the N. */
  allTasks: number;
  /** True when this configuration ran the same tasks as every other one shown. */
  sameTasks: boolean;
  /** Tasks every configuration ran, and this one's score on them: the fair comparison. */
  commonTasks: number;
  commonCorrect: number;
  /** commonCorrect / commonTasks; undefined when no task was run by all. */
  commonAccuracy: number | undefined;
  /** Runs whose give-up matched the task: gave up on must-give-up tasks, did not on the others. */
  giveUpRight: number;
  giveUpCorrectness: number;
  /** Must-give-up tasks where the run gave up, out of the must-give-up tasks run. */
  giveUpTasks: number;
  gaveUpWhenRight: number;
  /** Answerable tasks where the run gave up anyway. */
  falseGiveUps: number;
  toolCalls: number;
  validToolCalls: number;
  /** validToolCalls / toolCalls; undefined when no call was made. */
  toolCallValidity: number | undefined;
  hallucinatedCalls: number;
  /** hallucinatedCalls / toolCalls; undefined when no call was made. */
  hallucinatedToolRate: number | undefined;
  meanSteps: number;
  meanTokens: number;
  meanWallMs: number;
  simulated: boolean;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : undefined);

/** The tasks of a group of results, and the tasks every group ran. */
function taskSets(groups: readonly SuiteResult[][]): { all: Set<string>; common: Set<string> } {
  const all = new Set<string>();
  let common: Set<string> | undefined;
  for (const group of groups) {
    const ids = new Set(group.map((r) => r.taskId));
    for (const id of ids) all.add(id);
    common = common ? new Set([...common].filter((id) => ids.has(id))) : ids;
  }
  return { all, common: common ?? new Set() };
}

/**
 * Summaries per configuration, in run-mode order then first appearance. Configurations that
 * ran different tasks are not comparable as they stand: each summary says how many of all the
 * tasks it ran, and its score on the tasks every configuration ran.
 */
export function summarise(results: readonly SuiteResult[]): ConfigSummary[] {
  const groups = new Map<string, SuiteResult[]>();
  for (const result of results) {
    const group = groups.get(result.configKey);
    if (group) group.push(result);
    else groups.set(result.configKey, [result]);
  }
  const sets = taskSets([...groups.values()]);
  const summaries = [...groups.values()].map((group): ConfigSummary => {
    const first = group[0] as SuiteResult;
    const sum = (pick: (r: SuiteResult) => number) => group.reduce((total, r) => total + pick(r), 0);
    const runs = group.length;
    const correct = group.filter((r) => r.metrics.check?.correct === true).length;
    const giveUpRight = group.filter((r) => r.metrics.gaveUp === r.expectGiveUp).length;
    const toolCalls = sum((r) => r.metrics.toolCalls);
    const validToolCalls = sum((r) => r.metrics.validToolCalls);
    const hallucinatedCalls = sum((r) => r.metrics.hallucinatedCalls);
    const tasks = new Set(group.map((r) => r.taskId)).size;
    const common = group.filter((r) => sets.common.has(r.taskId));
    const commonCorrect = common.filter((r) => r.metrics.check?.correct === true).length;
    return {
      configKey: first.configKey,
      config: first.config,
      runs,
      correct,
      accuracy: correct / runs,
      tasks,
      allTasks: sets.all.size,
      sameTasks: tasks === sets.all.size,
      commonTasks: sets.common.size,
      commonCorrect,
      commonAccuracy: ratio(commonCorrect, sets.common.size),
      giveUpRight,
      giveUpCorrectness: giveUpRight / runs,
      giveUpTasks: group.filter((r) => r.expectGiveUp).length,
      gaveUpWhenRight: group.filter((r) => r.expectGiveUp && r.metrics.gaveUp).length,
      falseGiveUps: group.filter((r) => !r.expectGiveUp && r.metrics.gaveUp).length,
      toolCalls,
      validToolCalls,
      toolCallValidity: ratio(validToolCalls, toolCalls),
      hallucinatedCalls,
      hallucinatedToolRate: ratio(hallucinatedCalls, toolCalls),
      meanSteps: sum((r) => r.metrics.steps) / runs,
      meanTokens: sum((r) => r.metrics.promptTokens + r.metrics.completionTokens) / runs,
      meanWallMs: sum((r) => r.metrics.wallMs) / runs,
      simulated: group.some((r) => r.config.engine === 'scripted' || r.metrics.simulated),
    };
  });
  const modeOrder = (s: ConfigSummary) => RUN_MODES.indexOf(s.config.mode);
  return summaries
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        a.s.config.engine.localeCompare(b.s.config.engine) || modeOrder(a.s) - modeOrder(b.s) || a.i - b.i,
    )
    .map(({ s }) => s);
}

/**
 * Merges new results into stored ones: a result replaces the stored one with the same id
 * (same task, same configuration); everything else is kept.
 */
export function mergeResults(stored: readonly SuiteResult[], fresh: readonly SuiteResult[]): SuiteResult[] {
  const byId = new Map(stored.map((r) => [r.id, r]));
  for (const r of fresh) byId.set(r.id, r);
  return [...byId.values()];
}
