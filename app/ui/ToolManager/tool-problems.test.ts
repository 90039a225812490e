import { describe, expect, it } from 'vitest';
import { checkUserTool, MAX_SOURCE_CHARS, parseToolPack, TOOL_PACK_FORMAT } from '../../tools/tool-pack';
import { type ToolProblem, toolProblemText } from '../../tools/tool-pack-messages';

/*
 * Tool and tool-pack problems come as codes and values (the tool's label a code too); the tool
 * manager writes them in its language. English reads as the producers used to write it.
 */

const good = {
  name: 'shout',
  description: 'Upper-cases a text.',
  parameters: { type: 'object', properties: { text: { type: 'string' } } },
  source: 'function run(args) { return args.text.toUpperCase(); }',
};
const pack = (tools: unknown[], extra: object = {}) =>
  JSON.stringify({ format: TOOL_PACK_FORMAT, version: 1, exportedAt: '', tools, ...extra });

function problems(text: string): ToolProblem[] {
  const result = parseToolPack(text, new Set(['calculator']));
  return result.ok ? [] : result.errors;
}

/** Latin words left after removing quoted values, code and identifiers. */
const englishWords = (text: string) =>
  (text.replace(/"[^"]*"|`[^`]*`|\([^)]*\)|（[^）]*）/g, ' ').match(/\b[A-Za-z]{3,}\b/g) ?? []).filter(
    (w) =>
      !/^(JSON|Schema|JavaScript|umi|lab|shout|echo|calculator|Unexpected|token|valid|Expected|property|name|position)$/.test(
        w,
      ),
  );

describe('tool problems', () => {
  it('writes every problem of a tool pack or a tool in both languages', () => {
    const all: ToolProblem[] = [
      ...problems('{bad'),
      ...problems('[]'),
      ...problems(JSON.stringify({ format: 'x' })),
      ...problems(pack([good], { version: 9 })),
      ...problems(pack([])),
      ...problems(pack([null])),
      ...problems(
        pack([
          { ...good, name: 'bad name', description: '' },
          { ...good, parameters: [] },
          { ...good, parameters: { type: 'string' } },
          { ...good, parameters: { type: 'object', properties: 3 } },
          { ...good, source: '' },
          { ...good, source: 'x'.repeat(MAX_SOURCE_CHARS + 1) },
          { ...good, source: 'return 1' },
          { ...good, examples: [1] },
          good,
          good,
          { ...good, name: 'calculator' },
        ]),
      ),
      ...checkUserTool({ ...good, description: ' ' }),
      // The tools controller's own checks (saveTool, importToolPack).
      { code: 'builtin', values: { name: 'calculator' } },
      { code: 'exists', values: { name: 'shout' } },
      { code: 'taken', values: { names: 'shout, echo' } },
    ];
    const codes = new Set(all.map((p) => p.code));
    expect(codes.size).toBe(20); // every code of toolProblemMessages
    for (const problem of all) {
      const en = toolProblemText('en', problem);
      const zh = toolProblemText('zh-CN', problem);
      expect(zh, en).not.toBe(en);
      expect(englishWords(zh), `${en} → ${zh}`).toEqual([]);
      expect(`${en} ${zh}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('reads in English as the producers wrote it, the label included', () => {
    const text = (list: ToolProblem[]) => list.map((p) => toolProblemText('en', p));
    expect(text(problems('[]'))).toEqual(['The file is not a tool pack (expected a JSON object).']);
    expect(text(problems(JSON.stringify({ format: 'x' })))).toEqual([
      'The file is not a umi-lab tool pack ("format" should be "umi-lab.tool-pack").',
    ]);
    expect(text(problems(pack([good], { version: 9 })))).toEqual([
      'The tool pack is version 9; this version of umi-lab reads version 1. Update the page to import it.',
    ]);
    expect(text(problems(pack([null, { ...good, name: 'bad name', source: '' }])))).toEqual([
      'Tool 1 is not an object.',
      'Tool 2 (bad name): the name must be 1–64 letters, digits, "_" or "-" (got "bad name").',
      'Tool 2 (bad name): the JavaScript source is empty.',
    ]);
    expect(text(checkUserTool({ ...good, name: undefined, source: 'return 1' }))).toEqual([
      'The tool: the name must be 1–64 letters, digits, "_" or "-" (got undefined).',
      'The tool: the source must define `function run(args) { ... }`.',
    ]);
    expect(text([{ code: 'taken', values: { names: 'shout, echo' } }])).toEqual([
      'Already in your tools: shout, echo. Rename or delete them first; nothing was imported.',
    ]);
  });

  it('names the tool in Chinese too', () => {
    const [empty] = problems(pack([good, { ...good, name: 'echo', source: '' }]));
    expect(empty && toolProblemText('zh-CN', empty)).toBe('第 2 个工具（echo）：JavaScript 源代码为空。');
  });
});
