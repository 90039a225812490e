import { describe, expect, it } from 'vitest';
import { readAlphaUmiFixture } from '../../test-support/fixtures';
import { buildBackbonePrompt } from '../dialects/alpha-umi/prompts';
import { exportGlpft, GLPFT_ROLES, type GlpftRecord, toJsonl, traceToHistory } from './glpft';
import { type Stage2Trajectory, traceFromStage2 } from './stage2';

const trajectories = readAlphaUmiFixture<Stage2Trajectory[]>('raw_data_stage_2.json');
const golden = (role: string) => readAlphaUmiFixture<GlpftRecord[]>(`train_${role}.json`);
const traces = trajectories.map((trajectory) => traceFromStage2(trajectory));
const exported = exportGlpft(traces);

describe('exportGlpft on the α-UMi release (raw_data_stage_2.json → train_*.json)', () => {
  it('rebuilds every trajectory’s conversation exactly, extra user turns included', () => {
    expect(trajectories).toHaveLength(20);
    traces.forEach((trace, i) => {
      expect(traceToHistory(trace)).toEqual(trajectories[i]?.conversations);
    });
  });

  // Records are matched by order (the release lists them trajectory by trajectory, turn by
  // turn); the equality covers tools and history too, and the length check catches a missing
  // or extra record.
  it.each([
    ['planner', 79],
    ['caller', 59],
    ['summarizer', 14],
  ] as const)('%s: the %i records equal those of its train_*.json', (role, count) => {
    const want = golden(role);
    expect(want).toHaveLength(count);
    expect(exported[role]).toHaveLength(count);
    exported[role].forEach((record, i) => {
      const expected = want[i] as GlpftRecord;
      expect({ i, input: record.input }).toEqual({ i, input: expected.input });
      expect({ i, target: record.target }).toEqual({ i, target: expected.target });
      expect(record.history).toEqual(expected.history);
      expect(record.tools).toEqual(expected.tools);
    });
  });

  it('backbone: the 79 records equal train_backbone.json, but for the 6 give-up inputs of the release’s quirk', () => {
    const want = golden('backbone');
    expect(want).toHaveLength(79);
    expect(exported.backbone).toHaveLength(79);
    const quirks: number[] = [];
    exported.backbone.forEach((record, i) => {
      const expected = want[i] as GlpftRecord;
      expect({ i, target: record.target }).toEqual({ i, target: expected.target });
      expect(record.history).toEqual(expected.history);
      expect(record.tools).toEqual(expected.tools);
      // The quirk: in the release a give-up sample's `input` is a copy of the previous
      // sample's (so it misses the last planner turn, call and observation), while its
      // `history` is right. We build the input from the history, so those 6 differ.
      const previous = want[i - 1];
      if (expected.target.endsWith('\nconclusion: give up.') && expected.input === previous?.input) {
        quirks.push(i);
        expect(record.input).not.toBe(expected.input);
        expect(record.input).toBe(buildBackbonePrompt(expected.tools, expected.history));
        return;
      }
      expect({ i, input: record.input }).toEqual({ i, input: expected.input });
    });
    expect(quirks).toEqual([6, 31, 36, 41, 60, 74]);
  });

  it('gives alpha-umi traces the inputs their models saw: exported prompts equal the steps’ prompts', () => {
    for (const trace of traces) {
      const { planner, caller, summarizer } = exportGlpft([trace]);
      const seen = (role: string) =>
        trace.steps
          .filter((s) => s.role === role)
          .map((s) => (s.prompt.kind === 'text' ? s.prompt.text : ''));
      expect(planner.map((r) => r.input)).toEqual(seen('planner'));
      expect(caller.map((r) => r.input)).toEqual(seen('caller'));
      expect(summarizer.map((r) => r.input)).toEqual(seen('summarizer'));
    }
  });
});

describe('toJsonl', () => {
  it('writes one JSON object per line with a trailing newline, and reads back the same records', () => {
    for (const role of GLPFT_ROLES) {
      const records = exported[role];
      const text = toJsonl(records);
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.split('\n');
      expect(lines.pop()).toBe('');
      expect(lines).toHaveLength(records.length);
      expect(lines.map((line) => JSON.parse(line))).toEqual(records);
    }
  });

  it('keeps newlines, quotes and non-ASCII inside their line', () => {
    const record: GlpftRecord = {
      tools: [{ Name: 'é', function: 'a "tool"', input: { x: 'string, \u2028' } }],
      history: [{ from: 'user', value: 'line 1\nline 2</s>' }],
      input: 'x\r\ny',
      target: '你好',
    };
    const text = toJsonl([record, record]);
    expect(text.split('\n')).toHaveLength(3);
    expect(JSON.parse(text.split('\n')[1] as string)).toEqual(record);
    expect(toJsonl([])).toBe('');
  });
});
