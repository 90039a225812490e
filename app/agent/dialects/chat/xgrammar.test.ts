import { beforeAll, describe, expect, it } from 'vitest';
import { loadWebLlmInternals, type XGrammar } from '../../../test-support/webllm-internals';
import type { ToolDefinition } from '../../types';
import { callerSchemaString } from './caller-schema';
import { admitsPlannerOutput, PLANNER_GRAMMAR } from './grammar';

/** The constraints checked by the real XGrammar: the build WebLLM bundles, so what passes here is what the browser compiles. */
let xg: XGrammar;
beforeAll(() => {
  xg = loadWebLlmInternals().xgrammar;
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
