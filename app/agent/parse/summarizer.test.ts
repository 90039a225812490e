import { describe, expect, it } from 'vitest';
import { parseSummarizer } from './summarizer';

describe('parseSummarizer (PROTOCOL.md: the answer text)', () => {
  it('returns the answer trimmed', () => {
    expect(parseSummarizer('  It is 21 °C in Paris.\n')).toEqual({
      answer: 'It is 21 °C in Paris.',
      empty: false,
    });
  });

  const cases: Array<[string, string, string]> = [
    ['trailing </s>', 'It is sunny.</s>', 'It is sunny.'],
    ['echoed conclusion label', 'conclusion: It is sunny.', 'It is sunny.'],
    ['echoed Final Answer label in bold', '**Final Answer:** It is sunny.', 'It is sunny.'],
    ['label as a heading', '### Final answer: It is sunny.', 'It is sunny.'],
    ['two labels', 'conclusion: Final Answer: It is sunny.', 'It is sunny.'],
    ['leading ": " (reference quirk)', ': It is sunny.', 'It is sunny.'],
    ['label in the middle is content', 'My conclusion: it is sunny.', 'My conclusion: it is sunny.'],
    ['Markdown is kept', '- a\n- b\n\n**bold**', '- a\n- b\n\n**bold**'],
    ['Windows line endings', 'conclusion: line 1\r\nline 2\r\n', 'line 1\r\nline 2'],
  ];

  it.each(cases)('malformed: %s', (_name, text, answer) => {
    expect(parseSummarizer(text)).toEqual({ answer, empty: false });
  });

  it.each([
    ['empty output', ''],
    ['whitespace only', ' \n\t'],
    ['only </s>', '</s>'],
    ['only a label', 'conclusion: </s>'],
  ])('malformed: %s → empty', (_name, text) => {
    expect(parseSummarizer(text)).toEqual({ answer: '', empty: true });
  });
});
