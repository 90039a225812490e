import { describe, expect, it } from 'vitest';
import type { CallerParse, ToolDefinition } from '../types';
import { parseCallerAlphaUmi } from './caller';

const TOOLS: ToolDefinition[] = [
  {
    name: 'get_weather',
    description: 'Weather forecast for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
  { name: 'list_quizzes', description: 'All quizzes', parameters: { type: 'object', properties: {} } },
];

const alpha = (text: string): CallerParse => parseCallerAlphaUmi(text, TOOLS);
const paris = { name: 'get_weather', arguments: { city: 'Paris' } };

describe('parseCallerAlphaUmi (PROTOCOL.md: caller outputs)', () => {
  it('parses Action / Action Input', () => {
    expect(alpha('Action: get_weather\nAction Input: {"city": "Paris", "days": 2}')).toEqual({
      ok: true,
      call: { name: 'get_weather', arguments: { city: 'Paris', days: 2 } },
      rawArguments: '{"city": "Paris", "days": 2}',
      repaired: false,
    });
  });

  it('defaults a missing Action Input to {} (reference behaviour)', () => {
    expect(alpha('Action: list_quizzes')).toMatchObject({
      ok: true,
      call: { arguments: {} },
      rawArguments: '{}',
    });
  });

  const cases: Array<[string, string, Partial<CallerParse> & Record<string, unknown>]> = [
    ['empty output', '', { ok: false, kind: 'empty' }],
    ['whitespace-only output', ' \n\t ', { ok: false, kind: 'empty' }],
    ['only </s>', '</s>', { ok: false, kind: 'empty' }],
    ['no Action at all', 'I think we should check the weather.', { ok: false, kind: 'no_action' }],
    ['Action Input with no Action', 'Action Input: {"city": "Paris"}', { ok: false, kind: 'no_action' }],
    ['empty Action name', 'Action: \nAction Input: {}', { ok: false, kind: 'no_action' }],
    [
      'Action with no Action Input, tool needs arguments',
      'Action: get_weather',
      { kind: 'invalid_arguments' },
    ],
    [
      'code fences around the arguments',
      'Action: get_weather\nAction Input: ```json\n{"city": "Paris"}\n```',
      { ok: true },
    ],
    [
      'nested fences',
      'Action: get_weather\nAction Input: ```\n```json\n{"city": "Paris"}\n```\n```',
      { ok: true },
    ],
    [
      'trailing prose after the JSON',
      'Action: get_weather\nAction Input: {"city": "Paris"} I hope this works.',
      { ok: true, repaired: false },
    ],
    [
      'a hallucinated observation after the JSON',
      'Action: get_weather\nAction Input: {"city": "Paris"}\nObservation: {"t": 3}',
      { ok: true },
    ],
    [
      'single-quoted JSON',
      "Action: get_weather\nAction Input: {'city': 'Paris'}",
      { ok: true, repaired: true },
    ],
    [
      'truncated JSON',
      'Action: get_weather\nAction Input: {"city": "Par',
      { ok: true, repaired: true, call: { name: 'get_weather', arguments: { city: 'Par' } } },
    ],
    ['unquoted keys', 'Action: get_weather\nAction Input: {city: "Paris"}', { ok: true, repaired: true }],
    ['trailing comma', 'Action: get_weather\nAction Input: {"city": "Paris",}', { ok: true, repaired: true }],
    ['Python constants', 'Action: list_quizzes\nAction Input: {"all": True}', { ok: true, repaired: true }],
    [
      'unknown tool',
      'Action: get_stock\nAction Input: {}',
      { ok: false, kind: 'unknown_tool', name: 'get_stock' },
    ],
    [
      'tool name in another case',
      'Action: Get_Weather\nAction Input: {"city": "Paris"}',
      { ok: true, call: paris },
    ],
    [
      'tool name in backticks and bold',
      '**Action:** `get_weather`\nAction Input: {"city": "Paris"}',
      { ok: true, call: paris },
    ],
    [
      'tool name with a final period',
      'Action: get_weather.\nAction Input: {"city": "Paris"}',
      { ok: true, call: paris },
    ],
    [
      'wrong argument type',
      'Action: get_weather\nAction Input: {"city": "Paris", "days": "two"}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'missing required argument',
      'Action: get_weather\nAction Input: {"days": 2}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'extra argument (additionalProperties false)',
      'Action: get_weather\nAction Input: {"city": "Paris", "unit": "C"}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'arguments as a JSON string',
      'Action: get_weather\nAction Input: "{\\"city\\": \\"Paris\\"}"',
      { ok: true, call: paris },
    ],
    [
      'JSON array instead of object',
      'Action: get_weather\nAction Input: ["Paris"]',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'null arguments (means none)',
      'Action: list_quizzes\nAction Input: null',
      { ok: true, call: { name: 'list_quizzes', arguments: {} } },
    ],
    [
      'empty argument string',
      'Action: list_quizzes\nAction Input: ',
      { ok: true, call: { name: 'list_quizzes', arguments: {} } },
    ],
    [
      'prose instead of JSON',
      'Action: get_weather\nAction Input: the city of Paris',
      { ok: false, kind: 'invalid_json' },
    ],
    [
      'bare number as arguments',
      'Action: get_weather\nAction Input: 42',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'multiple Action blocks (last wins)',
      'Action: list_quizzes\nAction Input: {}\nAction: get_weather\nAction Input: {"city": "Paris"}',
      { ok: true, call: paris },
    ],
    [
      'Action: inside the thought',
      'Action:\nI will retry.\nAction: get_weather\nAction Input: {"city": "Paris"}',
      { ok: true, call: paris },
    ],
    [
      'multi-line name segment (first line is the name)',
      'Action: get_weather\nbecause it is raining\nAction Input: {"city": "Paris"}',
      { ok: true },
    ],
    [
      'unicode arguments',
      'Action: get_weather\nAction Input: {"city": "Zürich 😀 北京"}',
      { ok: true, call: { name: 'get_weather', arguments: { city: 'Zürich 😀 北京' } } },
    ],
    [
      'Windows line endings',
      'Action: get_weather\r\nAction Input: {\r\n  "city": "Paris"\r\n}\r\n',
      { ok: true, call: paris },
    ],
    [
      'trailing </s>',
      'Action: get_weather\nAction Input: {"city": "Paris"}</s>',
      { ok: true, call: paris, repaired: false },
    ],
    [
      'braces inside strings',
      'Action: get_weather\nAction Input: {"city": "Pa}ris{"} done',
      { ok: true, call: { name: 'get_weather', arguments: { city: 'Pa}ris{' } } },
    ],
  ];

  it.each(cases)('malformed: %s', (_name, text, expected) => {
    const parsed = alpha(text);
    expect(parsed).toMatchObject(expected);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
  });

  it('names the tool and lists the available ones for an unknown tool', () => {
    const parsed = alpha('Action: get_stock\nAction Input: {}');
    expect(parsed.ok ? '' : parsed.message).toBe(
      'No such tool "get_stock". Available tools: get_weather, list_quizzes.',
    );
  });

  it('explains invalid arguments with the validator message', () => {
    const parsed = alpha('Action: get_weather\nAction Input: {"days": "two"}');
    expect(parsed.ok ? '' : parsed.message).toContain('missing required argument "city"');
    expect(parsed.ok ? '' : parsed.message).toContain('argument "days" must be integer');
    expect(parsed).toMatchObject({ name: 'get_weather', rawArguments: '{"days": "two"}' });
  });

  it('malformed: a runaway tool name is cut in the message but kept whole in `name`', () => {
    const long = 'x'.repeat(5000);
    const parsed = alpha(`Action: ${long}\nAction Input: {}`);
    expect(parsed).toMatchObject({ ok: false, kind: 'unknown_tool', name: long });
    expect(parsed.ok ? 0 : parsed.message.length).toBeLessThan(200);
  });

  it('keeps the raw argument text as the model wrote it', () => {
    const parsed = alpha("Action: get_weather\nAction Input: {'city': 'Paris'} thanks");
    expect(parsed).toMatchObject({ ok: true, rawArguments: "{'city': 'Paris'} thanks", repaired: true });
  });
});
