import { defineMessages } from '../../i18n/i18n';

export const toolManagerMessages = defineMessages(
  {
    title: 'Tools',
    intro:
      'The caller can use the enabled tools. Your own tools run as JavaScript in a sandbox (QuickJS in a worker): no network, no page, no storage, time and memory limits.',
    descriptionsEnglish: 'Tool descriptions stay in English: the models read them to choose a tool.',
    newTool: 'New tool',
    importPack: 'Import pack…',
    exportTools: 'Export my tools',
    imported: 'Imported {names}.',
    notImported: '{file} was not imported:',
    builtin: 'built-in',
    yourTool: 'your tool · sandbox',
    schema: 'Schema',
    schemaAndSource: 'Schema and source',
    edit: 'Edit / test',
    delete: 'Delete',
    confirmDelete: 'Delete the tool "{name}"?',
  },
  {
    title: '工具',
    intro:
      '调用器可以使用已启用的工具。你自己的工具以 JavaScript 形式在沙箱中运行（工作线程中的 QuickJS）：不能联网，不能访问页面和存储，并有时间和内存限制。',
    descriptionsEnglish: '工具描述保持英文：模型读这些描述来选择工具。',
    newTool: '新建工具',
    importPack: '导入工具包…',
    exportTools: '导出我的工具',
    imported: '已导入 {names}。',
    notImported: '{file} 未导入：',
    builtin: '内置',
    yourTool: '你的工具 · 沙箱',
    schema: '参数 Schema',
    schemaAndSource: '参数 Schema 与源代码',
    edit: '编辑 / 测试',
    delete: '删除',
    confirmDelete: '删除工具“{name}”？',
  },
);

export const toolEditorMessages = defineMessages(
  {
    form: 'Tool editor',
    name: 'Name',
    description: 'Description (the models read this to choose the tool)',
    parameters: 'Parameters (JSON Schema)',
    // `{code}` is shown as code; the sentence is split around it.
    source: 'Source (defines {code})',
    testArgs: 'Test arguments (JSON)',
    save: 'Save',
    saveAndTest: 'Save and test-run',
    close: 'Close',
    result: 'Result',
    error: 'Error',
    notJson: 'The parameters are not JSON: {error}',
    argsNotJson: 'The test arguments are not JSON: {error}',
  },
  {
    form: '工具编辑器',
    name: '名称',
    description: '描述（模型读它来选择工具，请用英文书写）',
    parameters: '参数（JSON Schema）',
    source: '源代码（定义 {code}）',
    testArgs: '测试参数（JSON）',
    save: '保存',
    saveAndTest: '保存并试运行',
    close: '关闭',
    result: '结果',
    error: '错误',
    notJson: '参数不是合法的 JSON：{error}',
    argsNotJson: '测试参数不是合法的 JSON：{error}',
  },
);
