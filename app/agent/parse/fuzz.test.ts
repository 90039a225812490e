import { describe, expect, it } from 'vitest';
import type { BackboneParse, CallerParse, PlannerParse, SummarizerParse, ToolDefinition } from '../types';
import {
  parseBackbone,
  parseCallerAlphaUmi,
  parseCallerChat,
  parsePlannerAlphaUmi,
  parsePlannerChat,
  parseSummarizer,
} from '.';

// Property-style checks: whatever the model writes, every parser returns a well-formed result.

const TOOLS: ToolDefinition[] = [
  {
    name: 'get_weather',
    description: 'Weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city'],
      additionalProperties: false,
    },
  },
  { name: 'list_quizzes', description: 'Quizzes', parameters: { type: 'object', properties: {} } },
];

/** mulberry32: a tiny deterministic PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Action:',
  'Action Input:',
  ' get_weather',
  ' list_quizzes',
  ' Get_Weather',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ':',
  ',',
  '"city"',
  '"Paris"',
  ' 42',
  'null',
  'true',
  'None',
  '```',
  '```json\n',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '\\',
  '</s>',
  'Next: caller.',
  'Next: conclusion.',
  'Next: give up.',
  'Next: summarizer',
  '**',
  '`',
  'next:',
  'conclusion: ',
  'conclusion: give up.',
  'Final Answer:',
  'give up',
  '"name": ',
  '"arguments": ',
  '"parameters": ',
  'é',
  '😀',
  '\u0000',
  '\ud800',
  'Observation:',
  'thought',
  '-',
  '#',
  '>',
  '.',
  '!',
  '_',
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = '';
  for (let i = 0; i < length; i++) {
    if (next() < 0.15) text += String.fromCharCode(Math.floor(next() * 0x3000));
    else text += PIECES[Math.floor(next() * PIECES.length)] ?? '';
  }
  return text;
}

function checkPlanner(text: string, parsed: PlannerParse): void {
  expect(['caller', 'conclusion', 'give_up']).toContain(parsed.decision);
  expect(text.startsWith(parsed.kept)).toBe(true);
  expect(parsed.thought).toBe(parsed.thought.trim());
  expect(Number.isInteger(parsed.markerCount) && parsed.markerCount >= 0).toBe(true);
  if (parsed.markerCount === 0) expect(parsed.decision).toBe('caller');
}

function checkCaller(parsed: CallerParse): void {
  if (parsed.ok) {
    expect(TOOLS.map((t) => t.name)).toContain(parsed.call.name);
    expect(typeof parsed.call.arguments === 'object' && !Array.isArray(parsed.call.arguments)).toBe(true);
    expect(parsed.call.arguments).not.toBeNull();
    expect(typeof parsed.rawArguments).toBe('string');
    expect(typeof parsed.repaired).toBe('boolean');
  } else {
    expect(['empty', 'no_action', 'unknown_tool', 'invalid_json', 'invalid_arguments']).toContain(
      parsed.kind,
    );
    expect(parsed.message.length).toBeGreaterThan(0);
  }
}

function checkSummarizer(parsed: SummarizerParse): void {
  expect(parsed.answer).toBe(parsed.answer.trim());
  expect(parsed.empty).toBe(parsed.answer === '');
}

function checkBackbone(text: string, parsed: BackboneParse): void {
  expect(['call', 'conclusion', 'give_up']).toContain(parsed.kind);
  expect(text.startsWith(parsed.kept)).toBe(true);
  expect(parsed.thought).toBe(parsed.thought.trim());
  if (parsed.kind === 'call') checkCaller(parsed.caller);
  if (parsed.kind === 'conclusion') expect(typeof parsed.answer).toBe('string');
}

function checkAll(text: string): void {
  checkPlanner(text, parsePlannerAlphaUmi(text));
  checkPlanner(text, parsePlannerChat(text));
  checkCaller(parseCallerAlphaUmi(text, TOOLS));
  checkCaller(parseCallerChat(text, TOOLS));
  checkCaller(parseCallerAlphaUmi(text, []));
  checkSummarizer(parseSummarizer(text));
  checkBackbone(text, parseBackbone(text, TOOLS));
}

describe('every parser on garbage', () => {
  it('never throws and always returns a well-formed result (3000 random strings, seed 20240131)', () => {
    const next = prng(20240131);
    for (let i = 0; i < 3000; i++) {
      const text = randomText(next);
      try {
        checkAll(text);
      } catch (error) {
        throw new Error(`case ${i}: ${JSON.stringify(text)}: ${(error as Error).message}`);
      }
    }
  });

  const big = 20_000;
  const hugeCases: Array<[string, string]> = [
    [
      'random text',
      Array.from({ length: big }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 90))).join(''),
    ],
    ['one long word', 'a'.repeat(big)],
    ['a run of spaces, then text', `${' '.repeat(big)}x`],
    ['a run of asterisks', `Next:${'*'.repeat(big)}x`],
    [
      'a run of spaces after a marker',
      `Next: caller${' '.repeat(big)}x\nconclusion: give up${' '.repeat(big)}x`,
    ],
    ['a long tool name line', `Action: ${'* '.repeat(big / 2)}x\nAction Input: {}`],
    [
      'deeply nested objects',
      `Action: get_weather\nAction Input: ${'{"a":'.repeat(big / 5)}1${'}'.repeat(big / 5)}`,
    ],
    ['unclosed braces', `Action: get_weather\nAction Input: ${'{'.repeat(big)}`],
    ['unclosed brackets (chat)', '['.repeat(big)],
    ['a long unterminated string', `{"name": "get_weather", "arguments": {"city": "${'x'.repeat(big)}`],
    ['many markers', 'Next: caller.\n'.repeat(big / 14)],
    ['many Action blocks', 'Action: list_quizzes\nAction Input: {}\n'.repeat(big / 38)],
    ['whitespace only', ' \n'.repeat(big / 2)],
    ['many </s>', '</s>'.repeat(big / 4)],
    ['many fences', '```'.repeat(big / 3)],
  ];

  it.each(hugeCases)('20 KB of %s: finishes and does not throw', (_name, text) => {
    const started = performance.now();
    checkAll(text);
    // A generous bound: it only catches quadratic blow-ups (seconds), not slow machines.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('keeps a long argument value whole', () => {
    const city = 'x'.repeat(big);
    const parsed = parseCallerAlphaUmi(`Action: get_weather\nAction Input: {"city": "${city}"}`, TOOLS);
    expect(parsed).toMatchObject({ ok: true, call: { arguments: { city } } });
  });
});
