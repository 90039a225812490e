import { defineMessages } from '../../i18n/i18n';

/*
 * Why a run file was refused, as templates of the English sentences of app/agent/trace-file.ts,
 * trace-migrations.ts and the history controller (see app/ui/sentences.ts). The unit tests
 * feed real bad files through them.
 */

/** The whole message the history controller returns for a refused file. */
export const importErrorMessages = defineMessages(
  {
    tooBig: '{file} is {mb} MB; trace files over 20 MB are not opened.',
    fileProblem: '{file}: {reason}',
  },
  {
    tooBig: '{file} 有 {mb} MB；超过 20 MB 的运行记录文件不会被打开。',
    fileProblem: '{file}：{reason}',
  },
);

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
