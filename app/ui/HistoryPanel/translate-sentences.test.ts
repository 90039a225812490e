import { describe, expect, it } from 'vitest';
import { runAgent } from '../../agent/orchestrator';
import { traceFromEvents } from '../../agent/trace';
import { parseTraceFile, traceFileText, upgradeStoredTrace } from '../../agent/trace-file';
import type { RunEvent } from '../../agent/types';
import { ScriptedModel } from '../../llm/scripted/scripted-model';
import { EXAMPLE_SCRIPTS } from '../../llm/scripted/scripts';
import { createDefaultRegistry } from '../../tools/registry';
import { createToolRunner } from '../../tools/runner';
import { importError, traceFileError } from './translate-sentences';

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

describe('refused run files, in Chinese', () => {
  it('translates every reason a file is refused, schema problems included', async () => {
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
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const reason of reasons) {
      const zh = traceFileError('zh-CN', reason);
      expect(zh, reason).not.toBe(reason);
      expect(englishWords(zh), `${reason} → ${zh}`).toEqual([]);
      expect(traceFileError('en', reason)).toBe(reason);
    }
  });

  it('translates the controller message around the reason, file name kept', () => {
    expect(importError('zh-CN', 'junk.json: This file is not JSON, so it cannot be a umi-lab trace.')).toBe(
      'junk.json：此文件不是 JSON，所以不可能是 umi-lab 运行记录。',
    );
    expect(importError('zh-CN', 'big.json is 21.5 MB; trace files over 20 MB are not opened.')).toBe(
      'big.json 有 21.5 MB；超过 20 MB 的运行记录文件不会被打开。',
    );
    expect(importError('zh-CN', 'x.json: Something new.')).toBe('x.json：Something new.');
  });
});
