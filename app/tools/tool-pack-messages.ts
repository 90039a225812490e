import { type Coded, defineMessages, type Locale, translate, translateCoded, type Vars } from '../i18n/i18n';

/**
 * What is wrong with a user tool or a tool pack (tool-pack.ts, and the tools controller's
 * name checks), as codes and values; the tool manager shows them in the interface language.
 */
export const toolProblemMessages = defineMessages(
  {
    notObject: '{label} is not an object.',
    badName: '{label}: the name must be 1–64 letters, digits, "_" or "-" (got {got}).',
    noDescription: '{label}: the description is missing (the models read it to choose the tool).',
    paramsNotObject: '{label}: "parameters" must be a JSON Schema object.',
    paramsNotObjectType: '{label}: "parameters" must be a JSON Schema of type "object".',
    paramsInvalid: '{label}: "parameters" is not a valid JSON Schema ({error}).',
    emptySource: '{label}: the JavaScript source is empty.',
    longSource: '{label}: the source is {n} characters; the limit is {max}.',
    noRun: '{label}: the source must define `function run(args) { ... }`.',
    examples: '{label}: "examples" must be a list of strings.',
    twice: '{label}: the name is used twice in the pack.',
    builtinInPack: '{label}: "{name}" is a built-in tool; rename it.',
    notJson: 'The file is not JSON: {error}.',
    notPack: 'The file is not a tool pack (expected a JSON object).',
    notUmiPack: 'The file is not a umi-lab tool pack ("format" should be "{format}").',
    newer:
      'The tool pack is version {version}; this version of umi-lab reads version {current}. Update the page to import it.',
    noTools: 'The tool pack has no tools.',
    builtin: '"{name}" is a built-in tool; choose another name.',
    exists: 'A tool named "{name}" already exists.',
    taken: 'Already in your tools: {names}. Rename or delete them first; nothing was imported.',
  },
  {
    notObject: '{label}不是一个对象。',
    badName: '{label}：名称必须由 1–64 个字母、数字、"_" 或 "-" 组成（实际为 {got}）。',
    noDescription: '{label}：缺少描述（模型读描述来选择工具）。',
    paramsNotObject: '{label}："parameters" 必须是一个 JSON Schema 对象。',
    paramsNotObjectType: '{label}："parameters" 必须是类型为 "object" 的 JSON Schema。',
    paramsInvalid: '{label}："parameters" 不是有效的 JSON Schema（{error}）。',
    emptySource: '{label}：JavaScript 源代码为空。',
    longSource: '{label}：源代码有 {n} 个字符；上限是 {max}。',
    noRun: '{label}：源代码必须定义 `function run(args) { ... }`。',
    examples: '{label}："examples" 必须是字符串列表。',
    twice: '{label}：这个名称在工具包中出现了两次。',
    builtinInPack: '{label}："{name}" 是内置工具；请重命名。',
    notJson: '此文件不是 JSON：{error}。',
    notPack: '此文件不是工具包（应为一个 JSON 对象）。',
    notUmiPack: '此文件不是 umi-lab 工具包（"format" 应为 "{format}"）。',
    newer: '此工具包的版本是 {version}；当前版本的 umi-lab 只能读取版本 {current}。请更新页面后再导入。',
    noTools: '此工具包中没有工具。',
    builtin: '"{name}" 是内置工具；请换一个名称。',
    exists: '已经有一个名为 "{name}" 的工具。',
    taken: '你的工具中已经有：{names}。请先重命名或删除它们；没有导入任何内容。',
  },
);

/** How a problem names its tool (`{label}`): the tool being edited, or a tool of a pack. */
export const toolLabelMessages = defineMessages(
  {
    theTool: 'The tool',
    numberedNamed: 'Tool {n} ({name})',
    numbered: 'Tool {n}',
  },
  {
    theTool: '该工具',
    numberedNamed: '第 {n} 个工具（{name}）',
    numbered: '第 {n} 个工具',
  },
);

export type ToolLabel = Coded<typeof toolLabelMessages>;

export type ToolProblem = Coded<typeof toolProblemMessages, { label: ToolLabel }>;

/** A tool problem in `locale`, the tool's label included. */
export function toolProblemText(locale: Locale, problem: ToolProblem): string {
  const { values } = problem;
  const vars: Vars | undefined =
    values && 'label' in values
      ? { ...values, label: translateCoded(toolLabelMessages, locale, values.label) }
      : values;
  return translate(toolProblemMessages, locale, problem.code, vars);
}
