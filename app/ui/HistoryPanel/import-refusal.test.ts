import { describe, expect, it } from 'vitest';
import { runAgent } from '../../agent/orchestrator';
import { traceFromEvents } from '../../agent/trace';
import { parseTraceFile, traceFileText, upgradeStoredTrace } from '../../agent/trace-file';
import { traceFileProblemText } from '../../agent/trace-file-messages';
import type { RunEvent } from '../../agent/types';
import { ScriptedModel } from '../../llm/scripted/scripted-model';
import { EXAMPLE_SCRIPTS } from '../../llm/scripted/scripts';
import { createDefaultRegistry } from '../../tools/registry';
import { createToolRunner } from '../../tools/runner';
import { importRefusalText } from './import-refusal';

async function realTraceFile(): Promise<Record<string, unknown> & { trace: Record<string, unknown> }> {
  const events: RunEvent[] = [];
  for await (const event of runAgent({
    task: EXAMPLE_SCRIPTS[0]?.task ?? '',
    mode: 'multi',
    dialect: 'chat',
    models: { planner: new ScriptedModel(), caller: new ScriptedModel(), summarizer: new ScriptedModel() },
    tools: createToolRunner(createDefaultRegistry()),
  }))
    events.push(event);
  return JSON.parse(traceFileText(traceFromEvents(events)));
}

/** Latin words left after removing quoted values, paths and identifiers. */
function englishWords(text: string): string[] {
  return (
    text
      .replace(/"[^"]*"|“[^”]*”|[\w.]*\[\d+\][\w.[\]]*|\b\w+\.\w[\w.]*|\d+/g, ' ')
      .match(/\b[A-Za-z]{3,}\b/g) ?? []
  ).filter(
    (w) =>
      !/^(umi|lab|JSON|planner|caller|summarizer|backbone|true|false|junk|json|task|extra|mode|solo|multi|shared|single|robot|kind|voice|text|messages|models|maxSteps|version)$/.test(
        w,
      ),
  );
}

const refusal = (text: string) => {
  const result = parseTraceFile(text);
  if (result.ok) throw new Error('accepted');
  return result.error;
};

describe('refused run files, in both languages', () => {
  it('every reason a file is refused is a code, written out in English and in Chinese', async () => {
    const file = await realTraceFile();
    const steps = file.trace.steps as Record<string, unknown>[];
    const step0 = steps[0] ?? {};
    const reasons = [
      refusal('not json'),
      refusal(JSON.stringify({ format: 'other' })),
      refusal(JSON.stringify({ ...file, version: 'x' })),
      refusal(JSON.stringify({ ...file, version: 99 })),
      refusal(JSON.stringify({ ...file, trace: { ...file.trace, task: undefined } })),
      refusal(JSON.stringify({ ...file, trace: { ...file.trace, extra: 1 } })),
      refusal(JSON.stringify({ ...file, trace: { ...file.trace, mode: 'solo' } })),
      refusal(JSON.stringify({ ...file, trace: { ...file.trace, task: 3 } })),
      refusal(JSON.stringify({ ...file, trace: { ...file.trace, maxSteps: -1 } })),
      refusal(JSON.stringify({ ...file, trace: { ...file.trace, models: { robot: file.trace.models } } })),
      refusal(
        JSON.stringify({
          ...file,
          trace: { ...file.trace, steps: [{ ...step0, prompt: { kind: 'voice' } }] },
        }),
      ),
      refusal(JSON.stringify({ ...file, trace: { ...file.trace, version: 1 } })),
    ];
    const stored = upgradeStoredTrace({ ...file.trace, task: 5 });
    if (!stored.ok) reasons.push(stored.error);
    const english = reasons.map((r) => traceFileProblemText('en', r));
    expect(new Set(english).size).toBe(reasons.length);
    // The English sentences are the ones the page always showed.
    expect(english.slice(0, 8)).toEqual([
      'This file is not JSON, so it cannot be a umi-lab trace.',
      'This is not a umi-lab trace file: its "format" is not "umi-lab.trace".',
      'This trace file has no valid version number.',
      'This trace was made by a newer umi-lab (version 99); update the page to open it.',
      'This trace file is damaged: task is missing.',
      'This trace file is damaged: the trace has an unknown field "extra".',
      'This trace file is damaged: mode must be one of multi, shared, single.',
      'This trace file is damaged: task must be text.',
    ]);
    for (const [i, reason] of reasons.entries()) {
      const zh = traceFileProblemText('zh-CN', reason);
      expect(zh, english[i]).not.toBe(english[i]);
      expect(englishWords(zh), `${english[i]} → ${zh}`).toEqual([]);
    }
  });

  it('the import refusal around the reason keeps the file name', () => {
    expect(
      importRefusalText('zh-CN', {
        code: 'fileProblem',
        values: { file: 'junk.json', reason: { code: 'notJson' } },
      }),
    ).toBe('junk.json：此文件不是 JSON，所以不可能是 umi-lab 运行记录。');
    expect(importRefusalText('en', { code: 'tooBig', values: { file: 'big.json', mb: '21.5' } })).toBe(
      'big.json is 21.5 MB; trace files over 20 MB are not opened.',
    );
    expect(importRefusalText('zh-CN', { code: 'tooBig', values: { file: 'big.json', mb: '21.5' } })).toBe(
      'big.json 有 21.5 MB；超过 20 MB 的运行记录文件不会被打开。',
    );
    expect(
      importRefusalText('en', { code: 'notSaved', values: { reason: 'The quota has been exceeded.' } }),
    ).toBe('The file could not be saved: The quota has been exceeded.');
  });
});
