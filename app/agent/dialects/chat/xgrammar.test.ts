import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../../types';
import { callerSchemaString } from './caller-schema';
import { admitsPlannerOutput, PLANNER_GRAMMAR } from './grammar';

/**
 * The constraints checked by the real XGrammar: the build WebLLM bundles (its wasm is inlined
 * in `lib/index.js`), so what passes here is what the browser compiles. The bundle does not
 * export XGrammar and was built for browsers, so the test loads a patched copy: the two spots
 * rollup left for Node (`createRequire`, the module URL) are filled in and the XGrammar module
 * is exported. If a WebLLM upgrade moves them, this fails loudly; update the patch points.
 */
interface XGrammar {
  Grammar: { fromEBNF(ebnf: string): Promise<unknown> };
  Testings: {
    isGrammarAcceptString(grammar: unknown, input: string): Promise<boolean>;
    _jsonSchemaToEBNF(schema: string): Promise<string>;
  };
}

function loadXGrammar(): XGrammar {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@mlc-ai/web-llm');
  const version = (require('@mlc-ai/web-llm/package.json') as { version: string }).version;
  const source = readFileSync(entry, 'utf8');
  const exports = /^export \{[^\n]*\};$/m;
  if (!source.includes(XGRAMMAR_EXPORTS) || !source.includes('"MLC_DUMMY_PATH"') || !exports.test(source)) {
    throw new Error(`xgrammar.test.ts: the patch points moved in @mlc-ai/web-llm ${version}`);
  }
  // CommonJS, loaded with require: Node runs it as is, without Vite transforming 7 MB.
  const patched = [
    "const { createRequire } = require('node:module');",
    source
      .replaceAll('"MLC_DUMMY_PATH"', JSON.stringify(pathToFileURL(entry).href))
      .replace(exports, '')
      .replace(/^\/\/# sourceMappingURL=.*$/m, ''),
    'module.exports = { xgrammar: libExports$1 };',
  ].join('\n');
  const dir = join(tmpdir(), 'umi-lab-xgrammar');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `web-llm-${version}.cjs`);
  writeFileSync(file, patched);
  return (require(file) as { xgrammar: XGrammar }).xgrammar;
}

const XGRAMMAR_EXPORTS = 'var libExports$1 = requireLib$1();';

let xg: XGrammar;
beforeAll(() => {
  xg = loadXGrammar();
});

describe('planner grammar in XGrammar', () => {
  it.each([
    ['I will compute it.\nNext: caller', true],
    ['The result is known.\nNext: summarizer', true],
    ['No tool fits.\nNext: give up', true],
    ['First paragraph.\n\nSecond paragraph.\nNext: caller', true],
    ['Now I call it.\nNext step: add 3.\nNexus\nNext: caller', true],
    ['Umlaut ä, 中文, emoji 🙂 and a tab\there.\nNext: caller', true],
    ['Windows line\r\nNext: caller', true],
    ['Next: caller', false],
    ['\nNext: caller', false],
    ['Nex\nNext: caller', false],
    ['x\nNext: caller\nNext: caller', false],
    ['x\nNext: conclusion', false],
    ['x\nNext: caller.', false],
    ['x\nNext:caller', false],
    ['x\n\nNext: caller', false],
    ['x\n\n\ny\nNext: caller', false],
    ['Next:x\nNext: caller', false],
    ['x\nNext: caller\n', false],
  ])('%j → %s, as the regex says', async (text, admitted) => {
    const grammar = await xg.Grammar.fromEBNF(PLANNER_GRAMMAR);
    expect(await xg.Testings.isGrammarAcceptString(grammar, text)).toBe(admitted);
    expect(admitsPlannerOutput(text)).toBe(admitted);
  });
});

const tools: ToolDefinition[] = [
  {
    name: 'calculator',
    description: 'Evaluates a math expression.',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string' } },
      required: ['expression'],
    },
  },
  {
    name: 'weather',
    description: 'Forecast for a city.',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 7 } },
      required: ['city'],
    },
  },
  { name: 'now', description: 'The current time.', parameters: { type: 'object', properties: {} } },
];

describe('caller schema in XGrammar', () => {
  it.each([
    ['{"name": "calculator", "arguments": {"expression": "2^10"}}', true],
    ['{"name":"weather","arguments":{"city":"Paris","days":3}}', true],
    ['{"name": "now", "arguments": {}}', true],
    ['{"name": "calc", "arguments": {"expression": "1"}}', false],
    ['{"name": "weather", "arguments": {"city": 3}}', false],
    ['{"name": "weather", "arguments": {"city": "Paris", "days": 9}}', false],
    ['{"name": "calculator", "arguments": {}}', false],
    ['{"name": "calculator", "arguments": {"expression": "1", "x": 1}}', false],
    ['{"name": "now", "arguments": {}, "why": "x"}', false],
    ['{"arguments": {}, "name": "now"}', false],
  ])('%s → %s', async (text, admitted) => {
    const grammar = await xg.Grammar.fromEBNF(await xg.Testings._jsonSchemaToEBNF(callerSchemaString(tools)));
    expect(await xg.Testings.isGrammarAcceptString(grammar, text)).toBe(admitted);
  });
});
