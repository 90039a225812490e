import { type Coded, defineMessages, type Locale, translate, translateCoded } from '../i18n/i18n';

/*
 * Why a run file or a stored run was refused, as codes and their values (trace-file.ts,
 * trace-migrations.ts); the page writes them in its language when it shows them.
 */

/** The reason a trace file was refused. */
export const traceFileMessages = defineMessages(
  {
    tooBig: 'This file is {mb} MB; trace files over 20 MB are not opened.',
    notJson: 'This file is not JSON, so it cannot be a umi-lab trace.',
    notTrace: 'This is not a umi-lab trace file: its "format" is not "umi-lab.trace".',
    noVersion: 'This trace file has no valid version number.',
    noVersionTrace: 'This trace has no valid version number.',
    newer: 'This trace was made by a newer umi-lab (version {version}); update the page to open it.',
    noUpgrade: 'Trace version {version} cannot be upgraded by this page.',
    damaged: 'This trace file is damaged: {problem}.',
    savedDamaged: 'This saved run is damaged: {problem}.',
  },
  {
    tooBig: '此文件有 {mb} MB；超过 20 MB 的运行记录文件不会被打开。',
    notJson: '此文件不是 JSON，所以不可能是 umi-lab 运行记录。',
    notTrace: '这不是 umi-lab 运行记录文件：它的 "format" 不是 "umi-lab.trace"。',
    noVersion: '此运行记录文件没有有效的版本号。',
    noVersionTrace: '此运行记录没有有效的版本号。',
    newer: '此运行记录由更新版本的 umi-lab 生成（版本 {version}）；请更新页面后再打开。',
    noUpgrade: '此页面无法升级版本 {version} 的运行记录。',
    damaged: '此运行记录文件已损坏：{problem}。',
    savedDamaged: '此已保存的运行已损坏：{problem}。',
  },
);

/** What the schema check found; `{where}` is a path like `steps[3].prompt`, or "the trace". */
export const traceProblemMessages = defineMessages(
  {
    badKey: '{where} has a key "{key}" that is not one of planner, caller, summarizer, backbone',
    missing: '{where} is missing',
    unknownField: '{where} has an unknown field "{field}"',
    oneOf: '{where} must be one of {values}',
    negative: '{where} must not be negative',
    mustBe: '{where} must be {what}',
    unknownValue: '{where} has an unknown value {value}',
    invalid: 'the trace is invalid',
    other: '{where} {message}',
  },
  {
    badKey: '{where} 中有一个键 "{key}"，它不是 planner、caller、summarizer、backbone 之一',
    missing: '缺少 {where}',
    unknownField: '{where} 中有未知字段 "{field}"',
    oneOf: '{where} 必须是 {values} 之一',
    negative: '{where} 不能为负数',
    mustBe: '{where} 必须是{what}',
    unknownValue: '{where} 的值 {value} 无法识别',
    invalid: '运行记录无效',
    other: '{where}：{message}',
  },
);

/** The words trace-file.ts puts into its sentences. */
export const traceWordMessages = defineMessages(
  {
    'the trace': 'the trace',
    text: 'text',
    'a number': 'a number',
    'a whole number': 'a whole number',
    'true or false': 'true or false',
    'an object': 'an object',
    'a list': 'a list',
  },
  {
    'the trace': '运行记录',
    text: '文本',
    'a number': '数字',
    'a whole number': '整数',
    'true or false': 'true 或 false',
    'an object': '对象',
    'a list': '列表',
  },
);

/** The words a schema problem uses for a kind of value, or for the trace as a whole. */
export type TraceWord = keyof typeof traceWordMessages.en;

/**
 * What the schema check found. `where` is a path such as `steps[3].prompt`, or 'the trace';
 * `what` is a TraceWord (a kind of value) or a value in JSON.
 */
export type TraceProblem = Coded<typeof traceProblemMessages>;

/** Why a trace file or a stored run cannot be used. */
export type TraceFileProblem = Coded<typeof traceFileMessages, { problem: TraceProblem }>;

function word(locale: Locale, value: string): string {
  return Object.hasOwn(traceWordMessages.en, value)
    ? translate(traceWordMessages, locale, value as TraceWord)
    : value;
}

/** A schema problem in `locale`. */
export function traceProblemText(locale: Locale, problem: TraceProblem): string {
  const values = problem.values as Record<string, string | number> | undefined;
  if (!values) return translate(traceProblemMessages, locale, problem.code);
  const shown = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      name === 'where' || name === 'what' ? word(locale, String(value)) : value,
    ]),
  );
  return translate(traceProblemMessages, locale, problem.code, shown);
}

/** Why a trace file (or a stored run) was refused, in `locale`. */
export function traceFileProblemText(locale: Locale, problem: TraceFileProblem): string {
  if (problem.code === 'damaged' || problem.code === 'savedDamaged')
    return translate(traceFileMessages, locale, problem.code, {
      problem: traceProblemText(locale, problem.values.problem),
    });
  return translateCoded(traceFileMessages, locale, problem as Coded<typeof traceFileMessages>);
}
