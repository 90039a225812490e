import type { RunMetrics } from './metrics';
import { configKey, resultId, type SuiteConfig, type SuiteResult } from './results';

/** Hand-made results for tests of the summaries and exports. */

export function metrics(patch: Partial<RunMetrics> = {}): RunMetrics {
  return {
    outcome: 'answer',
    answer: 'It is 4.',
    gaveUp: false,
    check: { correct: true, reason: 'match' },
    toolCalls: 1,
    validToolCalls: 1,
    hallucinatedCalls: 0,
    hallucinatedTools: [],
    steps: 3,
    promptTokens: 100,
    completionTokens: 20,
    wallMs: 50,
    simulated: true,
    ...patch,
  };
}

export function config(patch: Partial<SuiteConfig> = {}): SuiteConfig {
  return {
    engine: 'scripted',
    mode: 'multi',
    dialect: 'chat',
    models: ['planner=scripted-planner'],
    ...patch,
  };
}

export function result(taskId: string, c: SuiteConfig, m: RunMetrics, expectGiveUp = false): SuiteResult {
  return {
    id: resultId(c, taskId),
    taskId,
    category: expectGiveUp ? 'give-up' : 'arithmetic',
    task: `Task ${taskId}`,
    configKey: configKey(c),
    config: c,
    expectGiveUp,
    metrics: m,
    traceId: `trace-${taskId}`,
    finishedAt: Date.UTC(2025, 0, 1),
  };
}
