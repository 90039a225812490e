import { type ConfigSummary, type SuiteResult, summarise } from './results';

/**
 * Suite results as files. CSV follows RFC 4180: CRLF line ends, fields with a comma, quote,
 * CR or LF in double quotes, quotes doubled. Free text (task, answer, tool names) that starts
 * with = + - @ or a tab/CR is prefixed with an apostrophe, as OWASP advises, so a spreadsheet
 * never runs a model's answer as a formula. Numbers are written plain, never prefixed.
 */

export const SUITE_RESULTS_FORMAT = 'umi-lab-suite-results';
/** 2: configurations carry their settings and fingerprint; summaries say which tasks they ran. */
export const SUITE_RESULTS_VERSION = 2;
export const SCRIPTED_NOTE = 'scripted — not a model';

export const CSV_COLUMNS = [
  'task_id',
  'category',
  'engine',
  'engine_note',
  'mode',
  'dialect',
  'preset',
  'models',
  'settings',
  'max_steps',
  'config_tasks',
  'all_tasks',
  'same_task_set',
  'outcome',
  'correct',
  'check',
  'gave_up',
  'expected_give_up',
  'give_up_correct',
  'tool_calls',
  'valid_tool_calls',
  'hallucinated_calls',
  'hallucinated_tools',
  'steps',
  'prompt_tokens',
  'completion_tokens',
  'wall_ms',
  'simulated',
  'finished_at',
  'task',
  'answer',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180). */
export function csvField(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Free text from a task or a model: defused for spreadsheets, then quoted as needed. */
export function csvText(value: string | undefined): string {
  if (value === undefined) return '';
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

function row(r: SuiteResult, summary: ConfigSummary | undefined): string[] {
  const m = r.metrics;
  return [
    csvText(r.taskId),
    csvText(r.category),
    csvText(r.config.engine),
    csvText(r.config.engine === 'scripted' ? SCRIPTED_NOTE : ''),
    csvText(r.config.mode),
    csvText(r.config.dialect),
    csvText(r.config.presetId),
    csvText(r.config.models.join(' ')),
    csvText(r.config.fingerprint),
    csvField(r.config.settings?.maxSteps),
    csvField(summary?.tasks),
    csvField(summary?.allTasks),
    csvField(summary?.sameTasks),
    csvText(m.outcome),
    csvField(m.check ? m.check.correct : undefined),
    csvText(m.check?.reason),
    csvField(m.gaveUp),
    csvField(r.expectGiveUp),
    csvField(m.gaveUp === r.expectGiveUp),
    csvField(m.toolCalls),
    csvField(m.validToolCalls),
    csvField(m.hallucinatedCalls),
    csvText(m.hallucinatedTools.join(' ')),
    csvField(m.steps),
    csvField(m.promptTokens),
    csvField(m.completionTokens),
    csvField(Math.round(m.wallMs)),
    csvField(m.simulated),
    csvField(new Date(r.finishedAt).toISOString()),
    csvText(r.task),
    csvText(m.answer),
  ];
}

/** Orders results as the table shows them: by configuration summary, then by the given task order. */
export function orderResults(results: readonly SuiteResult[], taskOrder: readonly string[]): SuiteResult[] {
  const configRank = new Map(summarise(results).map((s, i) => [s.configKey, i]));
  const taskRank = new Map(taskOrder.map((id, i) => [id, i]));
  const rank = (map: Map<string, number>, key: string) => map.get(key) ?? Number.MAX_SAFE_INTEGER;
  return [...results].sort(
    (a, b) =>
      rank(configRank, a.configKey) - rank(configRank, b.configKey) ||
      rank(taskRank, a.taskId) - rank(taskRank, b.taskId) ||
      a.taskId.localeCompare(b.taskId),
  );
}

/**
 * One row per task and configuration, header first, CRLF line ends. Each row says how many of
 * all the tasks its configuration ran (`config_tasks` of `all_tasks`), so a partial column
 * cannot pass for a complete one in a spreadsheet either.
 */
export function resultsCsv(results: readonly SuiteResult[], taskOrder: readonly string[] = []): string {
  const summaries = new Map(summarise(results).map((s) => [s.configKey, s]));
  const lines = [
    CSV_COLUMNS.join(','),
    ...orderResults(results, taskOrder).map((r) => row(r, summaries.get(r.configKey)).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export interface SuiteResultsFile {
  format: typeof SUITE_RESULTS_FORMAT;
  version: typeof SUITE_RESULTS_VERSION;
  exportedAt: string;
  /** Present when any result comes from the scripted engine. */
  note?: string;
  /** Present when the configurations did not all run the same tasks. */
  taskSetNote?: string;
  summaries: (ConfigSummary & { engineNote?: string })[];
  results: SuiteResult[];
}

/** The results with their per-configuration summaries, as a JSON file. */
export function resultsJson(
  results: readonly SuiteResult[],
  taskOrder: readonly string[] = [],
  now: Date = new Date(),
): string {
  const summaries = summarise(results).map((s) =>
    s.config.engine === 'scripted' ? { ...s, engineNote: SCRIPTED_NOTE } : s,
  );
  const scripted = results.some((r) => r.config.engine === 'scripted');
  const first = summaries[0];
  const mixed = summaries.some((s) => !s.sameTasks);
  const file: SuiteResultsFile = {
    format: SUITE_RESULTS_FORMAT,
    version: SUITE_RESULTS_VERSION,
    exportedAt: now.toISOString(),
    ...(scripted
      ? {
          note: `Results of the scripted engine are ${SCRIPTED_NOTE}: it plays solutions written in advance, so its scores say nothing about any model.`,
        }
      : {}),
    ...(mixed && first
      ? {
          taskSetNote: `The configurations did not all run the same tasks (${first.allTasks} in all, ${first.commonTasks} run by every one): compare commonAccuracy, not accuracy.`,
        }
      : {}),
    summaries,
    results: orderResults(results, taskOrder),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
