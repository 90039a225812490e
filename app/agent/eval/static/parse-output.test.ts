import { describe, expect, it } from 'vitest';
import { parseOutput } from './parse-output';

describe('parseOutput (parse_output of the reference evaluation)', () => {
  it('reads a give-up by substring, before anything else, period or not', () => {
    expect(parseOutput('I cannot.\n Next: give up')).toEqual({ plan: 'give up' });
    expect(parseOutput('assistant: x Next: conclusion.</s>conclusion: a Next: give up</s>')).toEqual({
      plan: 'give up',
    });
  });

  it('reads the answer after the last "conclusion: " and removes every </s>', () => {
    expect(parseOutput('assistant: done.\n Next: conclusion.</s>conclusion: It is 5.</s>')).toEqual({
      plan: 'finish',
      answer: 'It is 5.',
    });
    expect(parseOutput('Next: conclusion. conclusion: a</s>b conclusion: c</s>')).toEqual({
      plan: 'finish',
      answer: 'c',
    });
    // No "conclusion:" at all: the whole text is the answer.
    expect(parseOutput('x Next: conclusion</s>y')).toEqual({ plan: 'finish', answer: 'x Next: conclusiony' });
  });

  it('reads a call from the second </s> segment: last Action, last Action Input, stripped', () => {
    expect(
      parseOutput('assistant: t\n Next: caller.</s>caller: Action: get_x\nAction Input: {\n  "a": 1\n}</s>'),
    ).toEqual({ plan: 'call', action: 'get_x', actionInput: '{\n  "a": 1\n}' });
    expect(
      parseOutput('assistant: t</s>caller: Action: a\nAction: b \nAction Input: {}\nAction Input: [1]</s>'),
    ).toEqual({ plan: 'call', action: 'b', actionInput: '[1]' });
  });

  it('defaults a missing action to "none" and a missing input to "{}" (no markers at all is a call)', () => {
    expect(parseOutput('assistant: t</s>caller: Action Input: {"q": 1}</s>')).toEqual({
      plan: 'call',
      action: 'none',
      actionInput: '{"q": 1}',
    });
    expect(parseOutput('assistant: no marker</s>caller: Action: f</s>')).toEqual({
      plan: 'call',
      action: 'f',
      actionInput: '{}',
    });
    expect(parseOutput('assistant: t</s></s>caller: Action: f</s>')).toEqual({
      plan: 'call',
      action: 'none',
      actionInput: '{}',
    });
  });

  it('flags the inputs on which the Python code raises, reading them without inventing a match', () => {
    expect(parseOutput('Action: f\nAction Input: {}')).toEqual({
      plan: 'call',
      action: 'none',
      actionInput: '{}',
      pythonFailure: 'no_end_of_turn',
    });
    expect(parseOutput('Next: conclusion.</s>conclusion:answer</s>')).toEqual({
      plan: 'finish',
      answer: 'answer',
      pythonFailure: 'no_conclusion_prefix',
    });
  });
});
