import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../../test-support/fixtures';
import { buildSamples, MissingTurnError, type Stage2Record, withToolDocs } from './samples';

const trajectories = readAlphaUmiFixture<Stage2Record[]>('raw_data_stage_2.json');
const expected =
  readAlphaUmiFixture<{ model_input: string; reference: string }[]>('static-eval/samples.json');

const tools = [{ Name: 'f', function: 'does f', input: {} }];
const record = (conversations: Stage2Record['conversations']): Stage2Record => ({
  tools,
  instruction: 'task',
  conversations,
});

describe('buildSamples', () => {
  it('reproduces static-eval/samples.json from raw_data_stage_2.json, byte for byte', () => {
    const samples = buildSamples(trajectories);
    expect(samples).toHaveLength(expected.length);
    expect(samples.map(({ model_input, reference }) => ({ model_input, reference }))).toEqual(expected);
    expect(samples[0]).toMatchObject({ record: 0, turn: 2, tools: trajectories[0]?.tools });
  });

  it('makes a sample per marked planner turn, with the turns before it as history', () => {
    const samples = buildSamples([
      record([
        { from: 'user', value: 'q' },
        { from: 'assistant', value: 'thinking aloud' },
        { from: 'assistant', value: 'call f\n Next: caller.' },
        { from: 'caller', value: 'Action: f\nAction Input: {}' },
        { from: 'observation', value: 'ok' },
        { from: 'assistant', value: 'stuck\n Next: give up.' },
      ]),
    ]);
    expect(samples.map((s) => s.turn)).toEqual([2, 5]);
    expect(samples[0]?.history.map((t) => t.from)).toEqual(['user', 'assistant']);
    expect(samples[0]?.reference).toBe(
      'assistant: call f\n Next: caller.</s>caller: Action: f\nAction Input: {}</s>',
    );
    expect(samples[0]?.model_input).toContain(
      'The conversation history is:\nuser: q</s>assistant: thinking aloud</s>\nYou are the assistant',
    );
    expect(samples[0]?.model_input.endsWith(' assistant: ')).toBe(true);
    // A give-up's reference is the planner turn alone, without "assistant: ".
    expect(samples[1]?.reference).toBe('stuck\n Next: give up.');
    expect(samples[1]?.model_input).toContain(
      'caller: Action: f\nAction Input: {}</s>observation: ok\nYou are',
    );
  });

  it('refuses a planner turn that hands over with nothing after it, naming record and turn', () => {
    const build = () =>
      buildSamples([
        record([{ from: 'user', value: 'q' }]),
        record([
          { from: 'user', value: 'q' },
          { from: 'assistant', value: 'go\n Next: caller.' },
        ]),
      ]);
    expect(build).toThrow(MissingTurnError);
    expect(build).toThrow('Record [1]: no turn follows the planner turn conversations[1].');
  });
});

describe('withToolDocs', () => {
  it('rebuilds the tool list and the planner prompt in the compact style, keeping history and reference', () => {
    const samples = buildSamples(trajectories);
    const compact = withToolDocs(samples, 'compact');
    expect(compact).toHaveLength(samples.length);
    for (const [i, sample] of compact.entries()) {
      const full = samples[i];
      expect(sample.reference).toBe(full?.reference);
      expect(sample.history).toEqual(full?.history);
      expect(sample.tools.map((t) => t.Name)).toEqual(full?.tools.map((t) => t.Name));
      expect(sample.tools.every((t) => t.function === '')).toBe(true);
      expect(sample.model_input.length).toBeLessThan(full?.model_input.length ?? 0);
    }
    expect(withToolDocs(samples, 'full')).toEqual(samples);
  });
});
