import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../test-support/csv';
import { CSV_COLUMNS, csvField, csvText, resultsCsv, resultsJson, SCRIPTED_NOTE } from './export';
import { config, metrics, result } from './fixtures';

describe('CSV fields (RFC 4180)', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(3.5)).toBe('3.5');
    expect(csvField(-2)).toBe('-2');
    expect(csvField(false)).toBe('false');
    expect(csvField(undefined)).toBe('');
  });

  it('free text that a spreadsheet would run as a formula gets an apostrophe', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-5 degrees')).toBe("'-5 degrees");
    expect(csvText('@sum')).toBe("'@sum");
    expect(csvText('fine')).toBe('fine');
  });
});

describe('resultsCsv', () => {
  it('header, then one row per result in configuration then task order, CRLF line ends', () => {
    const multi = config();
    const single = config({ mode: 'single', models: ['backbone=scripted-backbone'] });
    const csv = resultsCsv(
      [
        result('b', single, metrics()),
        result('b', multi, metrics({ answer: 'Line one,\nline "two"', hallucinatedTools: ['x', 'y'] })),
        result('a', multi, metrics()),
      ],
      ['a', 'b'],
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ['a', 'multi'],
      ['b', 'multi'],
      ['b', 'single'],
    ]);
    const b = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, rows[2]?.[i]]));
    expect(b).toMatchObject({
      engine: 'scripted',
      engine_note: SCRIPTED_NOTE,
      correct: 'true',
      check: 'match',
      gave_up: 'false',
      give_up_correct: 'true',
      hallucinated_tools: 'x y',
      answer: 'Line one,\nline "two"',
      finished_at: '2025-01-01T00:00:00.000Z',
    });
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });
});

describe('resultsJson', () => {
  it('carries the summaries and results, and says that scripted scores are not a model’s', () => {
    const file = JSON.parse(resultsJson([result('a', config(), metrics())], ['a'], new Date(0)));
    expect(file).toMatchObject({
      format: 'umi-lab-suite-results',
      version: 2,
      exportedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(file.note).toMatch(/scripted — not a model/);
    expect(file.summaries[0]).toMatchObject({ runs: 1, accuracy: 1, engineNote: SCRIPTED_NOTE });
    expect(file.results[0].taskId).toBe('a');
    const real = JSON.parse(
      resultsJson([result('a', config({ engine: 'webllm' }), metrics({ simulated: false }))]),
    );
    expect(real.note).toBeUndefined();
    expect(real.summaries[0].engineNote).toBeUndefined();
  });
});

describe('partial configurations in the exports (review #5)', () => {
  const multi = config();
  const single = config({ mode: 'single', models: ['backbone=scripted-backbone'] });
  const results = [
    result('a', multi, metrics()),
    result('b', multi, metrics({ check: { correct: false, reason: 'no-match' } })),
    result('c', multi, metrics()),
    result('a', single, metrics()),
  ];

  it('CSV: each row says how many of all the tasks its configuration ran', () => {
    const rows = parseCsv(resultsCsv(results, ['a', 'b', 'c']));
    const records = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(records.map((r) => [r.mode, r.task_id, r.config_tasks, r.all_tasks, r.same_task_set])).toEqual([
      ['multi', 'a', '3', '3', 'true'],
      ['multi', 'b', '3', '3', 'true'],
      ['multi', 'c', '3', '3', 'true'],
      ['single', 'a', '1', '3', 'false'],
    ]);
  });

  it('JSON: summaries carry the task sets and the score on the common tasks, with a note', () => {
    const file = JSON.parse(resultsJson(results, ['a', 'b', 'c'], new Date(0)));
    expect(file.taskSetNote).toMatch(/did not all run the same tasks \(3 in all, 1 run by every one\)/);
    expect(
      file.summaries.map((s: Record<string, unknown>) => [
        s.tasks,
        s.allTasks,
        s.sameTasks,
        s.commonAccuracy,
      ]),
    ).toEqual([
      [3, 3, true, 1],
      [1, 3, false, 1],
    ]);
    expect(JSON.parse(resultsJson([result('a', multi, metrics())])).taskSetNote).toBeUndefined();
  });
});
