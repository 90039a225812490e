import { describe, expect, it } from 'vitest';
import { checkUserTool, MAX_SOURCE_CHARS, parseToolPack, TOOL_PACK_FORMAT } from '../../tools/tool-pack';
import { toolProblem } from './translate-sentences';

const good = {
  name: 'shout',
  description: 'Upper-cases a text.',
  parameters: { type: 'object', properties: { text: { type: 'string' } } },
  source: 'function run(args) { return args.text.toUpperCase(); }',
};
const pack = (tools: unknown[], extra: object = {}) =>
  JSON.stringify({ format: TOOL_PACK_FORMAT, version: 1, exportedAt: '', tools, ...extra });

function problems(text: string): string[] {
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

describe('tool problems, in Chinese', () => {
  it('translates every problem of a tool pack or a tool', () => {
    const all = [
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
      '"calculator" is a built-in tool; choose another name.',
      'A tool named "shout" already exists.',
      'Already in your tools: shout, echo. Rename or delete them first; nothing was imported.',
    ];
    expect(all.length).toBeGreaterThanOrEqual(18);
    for (const problem of all) {
      const zh = toolProblem('zh-CN', problem);
      expect(zh, problem).not.toBe(problem);
      expect(englishWords(zh), `${problem} → ${zh}`).toEqual([]);
      expect(toolProblem('en', problem)).toBe(problem);
    }
    expect(toolProblem('zh-CN', 'Tool 2 (shout): the JavaScript source is empty.')).toBe(
      '第 2 个工具（shout）：JavaScript 源代码为空。',
    );
  });
});
