import { describe, expect, it } from 'vitest';
import type { CallerParse, ToolDefinition } from '../types';
import { parseCallerChat } from './caller';

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

const chat = (text: string): CallerParse => parseCallerChat(text, TOOLS);
const paris = { name: 'get_weather', arguments: { city: 'Paris' } };

describe('parseCallerChat', () => {
  it('parses {"name", "arguments"}', () => {
    expect(chat('{"name": "get_weather", "arguments": {"city": "Paris"}}')).toEqual({
      ok: true,
      call: paris,
      rawArguments: '{"city":"Paris"}',
      repaired: false,
    });
  });

  const cases: Array<[string, string, Partial<CallerParse> & Record<string, unknown>]> = [
    ['empty output', '', { ok: false, kind: 'empty' }],
    ['whitespace-only output', '\n  \n', { ok: false, kind: 'empty' }],
    ['only a fence', '```json\n```', { ok: false, kind: 'empty' }],
    ['no JSON at all', 'I will call get_weather for Paris.', { ok: false, kind: 'no_action' }],
    ['missing name', '{"arguments": {"city": "Paris"}}', { ok: false, kind: 'no_action' }],
    ['name not a string', '{"name": 42, "arguments": {}}', { ok: false, kind: 'no_action' }],
    [
      'unknown tool',
      '{"name": "get_stock", "arguments": {}}',
      { ok: false, kind: 'unknown_tool', name: 'get_stock' },
    ],
    [
      'code fences and prose',
      'Sure!\n```json\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n```\nDone.',
      { ok: true, call: paris },
    ],
    [
      'arguments as a JSON string',
      '{"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}',
      { ok: true, call: paris, rawArguments: '{"city": "Paris"}' },
    ],
    [
      'broken JSON inside a string arguments',
      '{"name": "get_weather", "arguments": "{city: \'Paris\'"}',
      { ok: true, call: paris, repaired: true },
    ],
    [
      'unparseable string arguments',
      '{"name": "get_weather", "arguments": "Paris please"}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'parameters as alias of arguments',
      '{"name": "get_weather", "parameters": {"city": "Paris"}}',
      { ok: true, call: paris },
    ],
    [
      'OpenAI function shape',
      '{"type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}',
      { ok: true, call: paris },
    ],
    [
      'missing arguments (means none)',
      '{"name": "list_quizzes"}',
      { ok: true, call: { name: 'list_quizzes', arguments: {} } },
    ],
    [
      'null arguments',
      '{"name": "list_quizzes", "arguments": null}',
      { ok: true, call: { name: 'list_quizzes', arguments: {} } },
    ],
    [
      'array arguments',
      '{"name": "get_weather", "arguments": ["Paris"]}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'JSON array of one call',
      '[{"name": "get_weather", "arguments": {"city": "Paris"}}]',
      { ok: true, call: paris },
    ],
    [
      'JSON array of two calls',
      '[{"name": "list_quizzes"}, {"name": "list_quizzes"}]',
      { ok: false, kind: 'invalid_json' },
    ],
    [
      'single quotes',
      "{'name': 'get_weather', 'arguments': {'city': 'Paris'}}",
      { ok: true, call: paris, repaired: true },
    ],
    [
      'truncated output',
      '{"name": "get_weather", "arguments": {"city": "Paris"',
      { ok: true, call: paris, repaired: true },
    ],
    [
      'trailing commas',
      '{"name": "get_weather", "arguments": {"city": "Paris",},}',
      { ok: true, repaired: true },
    ],
    [
      'wrong argument type',
      '{"name": "get_weather", "arguments": {"city": 7}}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'missing required argument',
      '{"name": "get_weather", "arguments": {}}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'extra argument',
      '{"name": "get_weather", "arguments": {"city": "Paris", "x": 1}}',
      { ok: false, kind: 'invalid_arguments' },
    ],
    [
      'Windows line endings',
      '{\r\n"name": "get_weather",\r\n"arguments": {"city": "Paris"}\r\n}',
      { ok: true, call: paris },
    ],
    ['unicode tool argument', '{"name": "get_weather", "arguments": {"city": "東京"}}', { ok: true }],
  ];

  it.each(cases)('malformed: %s', (_name, text, expected) => {
    const parsed = chat(text);
    expect(parsed).toMatchObject(expected);
    if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
  });

  it('names the tool and lists the available ones for an unknown tool', () => {
    const parsed = chat('{"name": "get_stock", "arguments": {}}');
    expect(parsed.ok ? '' : parsed.message).toBe(
      'No such tool "get_stock". Available tools: get_weather, list_quizzes.',
    );
  });
});
