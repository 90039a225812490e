import { describe, expect, it } from 'vitest';
import type { BackboneParse, ToolDefinition } from '../types';
import { parseBackbone } from './backbone';

const TOOLS: ToolDefinition[] = [
  {
    name: 'get_weather',
    description: 'Weather forecast for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
  { name: 'list_quizzes', description: 'All quizzes', parameters: { type: 'object', properties: {} } },
];

const parse = (text: string): BackboneParse => parseBackbone(text, TOOLS);

describe('parseBackbone', () => {
  it('parses a call: thought, Action, Action Input', () => {
    const text = 'I need the weather.\nAction: get_weather\nAction Input: {"city": "Paris"}';
    expect(parse(text)).toEqual({
      kind: 'call',
      thought: 'I need the weather.',
      caller: {
        ok: true,
        call: { name: 'get_weather', arguments: { city: 'Paris' } },
        rawArguments: '{"city": "Paris"}',
        repaired: false,
      },
      kept: text,
    });
  });

  it('parses a conclusion as the training data writes it', () => {
    expect(parse('All done.\nconclusion: It is sunny.</s>')).toEqual({
      kind: 'conclusion',
      thought: 'All done.',
      answer: 'It is sunny.',
      kept: 'All done.\nconclusion: It is sunny.',
    });
  });

  it('parses a give up as the training data writes it', () => {
    expect(parse('The API is down.\nconclusion: give up.')).toEqual({
      kind: 'give_up',
      thought: 'The API is down.',
      kept: 'The API is down.\nconclusion: give up.',
    });
  });

  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['give up in another case', 'No luck.\nConclusion: Give up', { kind: 'give_up', thought: 'No luck.' }],
    ['give up as a Final Answer', 'No luck.\n**Final Answer:** give up.', { kind: 'give_up' }],
    ['give up as a bare line', 'No luck.\nI give up.', { kind: 'give_up', kept: 'No luck.\nI give up.' }],
    ['give up as a planner marker', 'No luck.\n Next: give up.', { kind: 'give_up' }],
    [
      'give up beats a call',
      'Action: get_weather\nAction Input: {}\nconclusion: give up.',
      { kind: 'give_up' },
    ],
    [
      'conclusion beats a call (reference order)',
      'Action: list_quizzes\nAction Input: {}\nconclusion: none found',
      { kind: 'conclusion', answer: 'none found' },
    ],
    [
      'answer after the LAST conclusion marker',
      'conclusion: draft\nconclusion: final',
      { kind: 'conclusion', answer: 'final', thought: 'conclusion: draft' },
    ],
    [
      'Final Answer label at line start',
      'Done.\nFinal Answer: 42',
      { kind: 'conclusion', answer: '42', thought: 'Done.' },
    ],
    ['capitalised Conclusion label', 'Done.\n**Conclusion:** 42', { kind: 'conclusion', answer: '42' }],
    ['conclusion with an empty answer', 'Done.\nconclusion:', { kind: 'conclusion', answer: '' }],
    [
      '"in conclusion," is not a label',
      'In conclusion, I call it.\nAction: list_quizzes',
      { kind: 'call', caller: { ok: true } },
    ],
    [
      'mid-line capitalised Conclusion: is not a label',
      'My Conclusion: call it.\nAction: list_quizzes',
      { kind: 'call' },
    ],
    [
      'Action with no Action Input',
      'Let me list.\nAction: list_quizzes',
      { kind: 'call', caller: { ok: true }, thought: 'Let me list.' },
    ],
    [
      'Action Input with no Action',
      'Hmm.\nAction Input: {}',
      { kind: 'call', caller: { ok: false, kind: 'no_action' }, thought: 'Hmm.' },
    ],
    [
      'neither call nor conclusion',
      'I am thinking about it.',
      { kind: 'call', caller: { ok: false, kind: 'no_action' }, thought: 'I am thinking about it.' },
    ],
    ['empty output', '', { kind: 'call', caller: { ok: false, kind: 'empty' }, thought: '' }],
    ['only </s>', '</s>', { kind: 'call', caller: { ok: false, kind: 'empty' } }],
    [
      'unknown tool',
      'x\nAction: get_stock\nAction Input: {}',
      { kind: 'call', caller: { ok: false, kind: 'unknown_tool' } },
    ],
    [
      'fenced broken arguments',
      'x\nAction: get_weather\nAction Input: ```json\n{city: "Paris",}\n```',
      { kind: 'call', caller: { ok: true, repaired: true } },
    ],
    [
      'Windows line endings',
      'Done.\r\nconclusion: 42\r\n',
      { kind: 'conclusion', answer: '42', thought: 'Done.' },
    ],
    [
      '"give upon" is not a give up',
      'x\nconclusion: give upon request',
      { kind: 'conclusion', answer: 'give upon request' },
    ],
  ];

  it.each(cases)('malformed: %s', (_name, text, expected) => {
    expect(parse(text)).toMatchObject(expected);
  });
});
