import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../../test-support/fixtures';
import type { PredictionRecord } from './metrics';
import { assemblePrediction, cleanCandidate, replayOutputs, routePlanner } from './pipeline';

const predictions = readAlphaUmiFixture<PredictionRecord[]>('static-eval/predictions.json');

describe('the reference pipeline, as pure steps', () => {
  it('cleans an output: cut at </s>, drop a leading ": ", nothing / "." / "," become "none"', () => {
    expect(cleanCandidate(': Action: f</s>junk')).toBe('Action: f');
    expect(cleanCandidate('  .  ')).toBe('none');
    expect(cleanCandidate(',')).toBe('none');
    expect(cleanCandidate('')).toBe('none');
    expect(cleanCandidate(' text ')).toBe(' text ');
  });

  it('routes the planner by its first marker, give up > conclusion > caller; no marker → caller', () => {
    expect(routePlanner('a Next: caller. b Next: give up. c')).toEqual({
      next: 'give up',
      planner: 'a Next: caller. b Next: give up.',
    });
    expect(routePlanner('a\n Next: conclusion. more')).toEqual({
      next: 'conclusion',
      planner: 'a\n Next: conclusion.',
    });
    expect(routePlanner('just thinking')).toEqual({ next: 'caller', planner: 'just thinkingNext: caller.' });
  });

  it('assembles predictions in the shape of predictions.json', () => {
    expect(assemblePrediction({ next: 'give up', planner: 'x Next: give up.' })).toBe('x Next: give up.');
    expect(
      assemblePrediction({ next: 'caller', planner: 'p Next: caller.' }, 'Action: f\nAction Input: {}'),
    ).toBe('assistant: p Next: caller.</s>caller: Action: f\nAction Input: {}</s>');
    expect(assemblePrediction({ next: 'conclusion', planner: 'p Next: conclusion.' }, 'Done.')).toBe(
      'assistant: p Next: conclusion.</s>conclusion: Done.</s>',
    );
  });

  it('splits every prediction of predictions.json into role outputs that rebuild it exactly', () => {
    for (const [i, { predictions: text }] of predictions.entries()) {
      const outputs = replayOutputs(text);
      expect(outputs, `record ${i}`).toBeDefined();
      if (!outputs) continue;
      const route = routePlanner(cleanCandidate(outputs.planner));
      expect(assemblePrediction(route, outputs.second && cleanCandidate(outputs.second.text))).toBe(text);
    }
  });

  it('refuses to replay what this pipeline cannot write', () => {
    expect(replayOutputs('free text, no marker')).toBeUndefined();
    expect(replayOutputs('assistant: p Next: caller.</s>conclusion: x</s>')).toBeUndefined();
    expect(replayOutputs('assistant: p Next: give up.</s>caller: x</s>')).toBeUndefined();
    expect(replayOutputs('assistant: p Next: caller. extra</s>caller: x</s>')).toBeUndefined();
    expect(replayOutputs('assistant: p Next: conclusion.</s>conclusion: .</s>')).toBeUndefined();
    // Only the final </s> may be missing.
    expect(replayOutputs('assistant: p Next: conclusion.</s>conclusion: Done.')).toEqual({
      planner: 'p Next: conclusion.',
      second: { role: 'summarizer', text: 'Done.' },
    });
  });
});
