import { describe, expect, it } from 'vitest';
import { parsePlannerAlphaUmi, parsePlannerChat } from './planner';

describe('parsePlannerAlphaUmi (PROTOCOL.md: planner outputs)', () => {
  it('routes each marker to its role and keeps the text up to the marker', () => {
    expect(parsePlannerAlphaUmi('I should look up the quizzes.\n Next: caller.')).toEqual({
      decision: 'caller',
      thought: 'I should look up the quizzes.',
      kept: 'I should look up the quizzes.\n Next: caller.',
      markerCount: 1,
    });
    expect(parsePlannerAlphaUmi('Done.\n Next: conclusion.').decision).toBe('conclusion');
    expect(parsePlannerAlphaUmi('It fails.\n Next: give up.').decision).toBe('give_up');
  });

  it('drops what follows the marker', () => {
    const parsed = parsePlannerAlphaUmi('Call it.\n Next: caller. caller: Action: x</s>');
    expect(parsed.kept).toBe('Call it.\n Next: caller.');
  });

  it('strips a trailing </s>', () => {
    expect(parsePlannerAlphaUmi('No marker here</s>').kept).toBe('No marker here');
    expect(parsePlannerAlphaUmi('Go.\n Next: caller.</s>').kept).toBe('Go.\n Next: caller.');
  });

  it('malformed: no marker → caller, markerCount 0, whole text kept', () => {
    expect(parsePlannerAlphaUmi('I will search for the weather.')).toEqual({
      decision: 'caller',
      thought: 'I will search for the weather.',
      kept: 'I will search for the weather.',
      markerCount: 0,
    });
  });

  it('malformed: two markers → give up beats conclusion beats caller, whatever the order', () => {
    const a = parsePlannerAlphaUmi('A. Next: caller. B. Next: give up. C.');
    expect(a).toMatchObject({ decision: 'give_up', markerCount: 2, thought: 'A. Next: caller. B.' });
    expect(a.kept).toBe('A. Next: caller. B. Next: give up.');
    const b = parsePlannerAlphaUmi('Next: conclusion. then Next: caller.');
    expect(b).toMatchObject({ decision: 'conclusion', markerCount: 2, kept: 'Next: conclusion.' });
  });

  it('malformed: the same marker twice → kept ends at its FIRST occurrence (reference str.index)', () => {
    const parsed = parsePlannerAlphaUmi('x Next: caller. y Next: caller.');
    expect(parsed).toMatchObject({ decision: 'caller', kept: 'x Next: caller.', markerCount: 2 });
  });

  it('malformed: a marker inside the thought is still a marker (substring match)', () => {
    const parsed = parsePlannerAlphaUmi('Last time I said "Next: give up." but now I retry.\n Next: caller.');
    expect(parsed.decision).toBe('give_up');
  });

  it('malformed: marker without period or in lower case is not a marker (exact, like the reference)', () => {
    expect(parsePlannerAlphaUmi('Done.\n Next: conclusion')).toMatchObject({
      decision: 'caller',
      markerCount: 0,
    });
    expect(parsePlannerAlphaUmi('Done.\n next: conclusion.')).toMatchObject({
      decision: 'caller',
      markerCount: 0,
    });
  });

  it('malformed: empty, whitespace-only and only </s> → caller with an empty thought', () => {
    for (const text of ['', '   \n\t', '</s>', '  </s>  ']) {
      const parsed = parsePlannerAlphaUmi(text);
      expect(parsed).toMatchObject({ decision: 'caller', thought: '', markerCount: 0 });
    }
  });

  it('malformed: Windows line endings', () => {
    const parsed = parsePlannerAlphaUmi('Finished.\r\n Next: conclusion.\r\n');
    expect(parsed).toMatchObject({
      decision: 'conclusion',
      thought: 'Finished.',
      kept: 'Finished.\r\n Next: conclusion.',
    });
  });
});

describe('parsePlannerChat', () => {
  it('reads the last-line marker (PROTOCOL.md: Next: caller / summarizer / give up)', () => {
    expect(parsePlannerChat('I need the weather in Paris.\nNext: caller')).toEqual({
      decision: 'caller',
      thought: 'I need the weather in Paris.',
      kept: 'I need the weather in Paris.\nNext: caller',
      markerCount: 1,
    });
    expect(parsePlannerChat('I have the answer.\nNext: summarizer').decision).toBe('conclusion');
    expect(parsePlannerChat('The tools cannot do this.\nNext: give up').decision).toBe('give_up');
  });

  it('is lenient: case, period, bold, backticks, list marks, `conclusion`, `give_up`', () => {
    const cases: Array<[string, string]> = [
      ['t\nnext: SUMMARIZER.', 'conclusion'],
      ['t\n**Next: caller**', 'caller'],
      ['t\n**Next:** `give up`.', 'give_up'],
      ['t\n`Next: summarizer`', 'conclusion'],
      ['t\n- Next: caller.', 'caller'],
      ['t\nNext: conclusion.', 'conclusion'],
      ['t\nNext: give_up', 'give_up'],
      ['t\nNext:caller', 'caller'],
      ['t\n_Next: summarizer_', 'conclusion'],
    ];
    for (const [text, decision] of cases) {
      expect(parsePlannerChat(text), text).toMatchObject({ decision, thought: 't', markerCount: 1 });
    }
    expect(parsePlannerChat('t\n**Next:** `give up`.').kept).toBe('t\n**Next:** `give up`.');
  });

  it('malformed: several marker lines → the LAST one wins, all are counted', () => {
    const parsed = parsePlannerChat('Next: caller\nActually I have it.\nNext: summarizer');
    expect(parsed).toMatchObject({
      decision: 'conclusion',
      markerCount: 2,
      thought: 'Next: caller\nActually I have it.',
    });
  });

  it('malformed: a marker inside the thought loses to the marker line', () => {
    const parsed = parsePlannerChat('Earlier I wrote Next: give up, but the tool works now.\nNext: caller');
    expect(parsed).toMatchObject({ decision: 'caller', markerCount: 2 });
    expect(parsed.kept.endsWith('Next: caller')).toBe(true);
  });

  it('malformed: a marker at the end of a prose line (no line of its own) still counts', () => {
    const parsed = parsePlannerChat('I have all I need, so Next: summarizer. Thanks');
    expect(parsed).toMatchObject({ decision: 'conclusion', kept: 'I have all I need, so Next: summarizer.' });
    expect(parsed.thought).toBe('I have all I need, so');
  });

  it('malformed: words that only start like a role are not markers', () => {
    expect(parsePlannerChat('Next: callers will be picked.')).toMatchObject({
      decision: 'caller',
      markerCount: 0,
    });
    expect(parsePlannerChat('Next: give upon request')).toMatchObject({ markerCount: 0 });
  });

  it('malformed: no marker → caller with markerCount 0 and the whole text kept', () => {
    expect(parsePlannerChat('Let me think.')).toEqual({
      decision: 'caller',
      thought: 'Let me think.',
      kept: 'Let me think.',
      markerCount: 0,
    });
  });

  it('malformed: Windows line endings and trailing blank lines', () => {
    const parsed = parsePlannerChat('Thinking.\r\nNext: Summarizer\r\n\r\n');
    expect(parsed).toMatchObject({
      decision: 'conclusion',
      kept: 'Thinking.\r\nNext: Summarizer',
      thought: 'Thinking.',
    });
  });

  it('malformed: empty output', () => {
    expect(parsePlannerChat('')).toEqual({ decision: 'caller', thought: '', kept: '', markerCount: 0 });
  });
});
