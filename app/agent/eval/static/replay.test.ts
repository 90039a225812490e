import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../../test-support/fixtures';
import type { PredictionRecord } from './metrics';
import { planReplay, replayScript } from './replay';
import { buildSamples, type Stage2Record } from './samples';

const samples = buildSamples(readAlphaUmiFixture<Stage2Record[]>('raw_data_stage_2.json'));
const predictions = readAlphaUmiFixture<PredictionRecord[]>('static-eval/predictions.json');

describe('planReplay', () => {
  it('accepts predictions.json for raw_data_stage_2.json and orders the outputs per role', () => {
    const plan = planReplay(samples, predictions);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const script = replayScript(plan.value);
    expect(script.planner).toHaveLength(79);
    const giveUps = predictions.filter((p) => !p.predictions.startsWith('assistant: ')).length;
    expect(script.caller.length + script.summarizer.length + giveUps).toBe(79);
    // Records 0 and 1 conclude (record 0 deliberately, where the reference calls); record 2 calls.
    expect(script.summarizer[0]).toBe('The answer is not available.');
    expect(script.caller[0]).toBe('Action: create_user_for_suggestic\nAction Input: {}');
  });

  it('refuses a file made for another test file or not written by this pipeline, naming the record', () => {
    expect(planReplay(samples, predictions.slice(1))).toEqual({
      ok: false,
      issue: { code: 'count_mismatch', expected: 79, actual: 78 },
    });
    const swapped = [...predictions];
    swapped[3] = predictions[4] as PredictionRecord;
    expect(planReplay(samples, swapped)).toEqual({
      ok: false,
      issue: { code: 'reference_mismatch', record: 3 },
    });
    const edited = predictions.map((p, i) => (i === 10 ? { ...p, predictions: 'free text' } : p));
    expect(planReplay(samples, edited)).toEqual({ ok: false, issue: { code: 'not_replayable', record: 10 } });
  });
});
