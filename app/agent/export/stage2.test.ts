import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../test-support/fixtures';
import { toAlphaUmiToolDoc } from '../dialects/alpha-umi/prompts';
import { pyJsonDumps } from '../py-json';
import { Stage2FormatError, type Stage2Trajectory, toolDefinitionFromDoc, traceFromStage2 } from './stage2';

const trajectories = readAlphaUmiFixture<Stage2Trajectory[]>('raw_data_stage_2.json');
const at = (i: number) => trajectories[i] as Stage2Trajectory;

describe('toolDefinitionFromDoc', () => {
  it('round-trips every tool of the release through toAlphaUmiToolDoc, byte for byte', () => {
    const docs = trajectories.flatMap((t) => t.tools);
    expect(docs.length).toBeGreaterThan(70);
    for (const doc of docs) {
      const back = toAlphaUmiToolDoc(toolDefinitionFromDoc(doc));
      expect(pyJsonDumps(back)).toBe(pyJsonDumps(doc));
    }
  });

  it('reads "type, description" into a JSON Schema property, requiring nothing', () => {
    const tool = toolDefinitionFromDoc({
      Name: 'f',
      function: 'does f',
      input: { a: 'integer, how many, at most 3', b: 'string, ', c: 'boolean, flag' },
    });
    expect(tool).toEqual({
      name: 'f',
      description: 'does f',
      parameters: {
        type: 'object',
        properties: {
          a: { type: 'integer', description: 'how many, at most 3' },
          b: { type: 'string' },
          c: { type: 'boolean', description: 'flag' },
        },
      },
    });
  });
});

describe('traceFromStage2', () => {
  it('makes a finished multi/alpha-umi trace with one step per planner, caller and conclusion turn', () => {
    const trace = traceFromStage2(at(0), { id: 't0', at: 5 });
    expect(trace).toMatchObject({
      id: 't0',
      mode: 'multi',
      dialect: 'alpha-umi',
      status: 'finished',
      outcome: 'answer',
      task: at(0).instruction,
      createdAt: 5,
    });
    expect(trace.steps.map((s) => s.role)).toEqual(['planner', 'caller', 'planner', 'summarizer']);
    expect(trace.steps.map((s) => s.turn)).toEqual([1, 1, 2, 2]);
    expect(trace.steps.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    // The second user turn (a "previous trails failed" reflection) comes before step 0.
    expect(trace.extraUserTurns).toEqual([{ beforeStep: 0, text: at(0).conversations[1]?.value }]);
    const call = trace.steps[1];
    expect(call?.parsed).toMatchObject({ role: 'caller', result: { ok: true } });
    expect(call?.tool).toMatchObject({
      call: { name: 'responses_from_a_question_for_moodring', arguments: { questionid: '2' } },
      status: 'done',
      observation: at(0).conversations[4]?.value,
    });
    expect(trace.answer).toBe(at(0).conversations[6]?.value);
  });

  it('records a planner give-up as the outcome, after a mid-run user turn', () => {
    const trace = traceFromStage2(at(1));
    expect(trace).toMatchObject({ outcome: 'give_up', giveUpReason: 'planner' });
    expect(trace.answer).toBeUndefined();
    const last = trace.steps.at(-1);
    expect(last?.parsed).toMatchObject({ role: 'planner', result: { decision: 'give_up' } });
    expect(trace.extraUserTurns).toEqual([{ beforeStep: last?.index, text: at(1).conversations[13]?.value }]);
  });

  it('keeps the call ToolBench executed when our schema check rejects its arguments', () => {
    // Trajectory 7 passes floats for parameters the docs type as integer.
    const step = traceFromStage2(at(7)).steps.find((s) => s.parsed?.role === 'caller' && !s.parsed.result.ok);
    expect(step?.parsed).toMatchObject({ result: { ok: false, kind: 'invalid_arguments' } });
    expect(step?.status).toBe('done');
    expect(step?.tool?.call.arguments).toMatchObject({ longitude: -122.4194, latitude: 37.7749 });
  });

  it('rejects trajectories whose turns are out of order', () => {
    const tools = at(0).tools;
    const bad = (conversations: Stage2Trajectory['conversations']) => () =>
      traceFromStage2({ tools, instruction: 'x', conversations });
    expect(bad([])).toThrow(Stage2FormatError);
    expect(bad([{ from: 'assistant', value: ' Next: caller.' }])).toThrow(Stage2FormatError);
    expect(
      bad([
        { from: 'user', value: 'x' },
        { from: 'caller', value: 'Action: a\nAction Input: {}' },
      ]),
    ).toThrow(/Turn 1 \(caller\)/);
    expect(
      bad([
        { from: 'user', value: 'x' },
        { from: 'assistant', value: ' Next: caller.' },
        { from: 'observation', value: '{}' },
      ]),
    ).toThrow(Stage2FormatError);
    expect(
      bad([
        { from: 'user', value: 'x' },
        { from: 'bogus' as 'user', value: '' },
      ]),
    ).toThrow(Stage2FormatError);
  });

  it('marks a call whose observation is missing as aborted (the conversation ends there)', () => {
    const trace = traceFromStage2({
      tools: at(0).tools,
      instruction: 'x',
      conversations: [
        { from: 'user', value: 'x' },
        { from: 'assistant', value: 'Go.\n Next: caller.' },
        { from: 'caller', value: 'Action: users_for_moodring\nAction Input: {}' },
      ],
    });
    expect(trace.steps.at(-1)?.tool?.status).toBe('aborted');
    expect(trace.outcome).toBeUndefined();
  });
});
