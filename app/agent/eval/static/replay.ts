/**
 * A scripted replay of a predictions file: every record is split into the outputs each role
 * would have written (`replayOutputs`), and a scripted engine plays them back through the same
 * runner as real models. Checked whole before anything plays: the file must be for this test
 * file (same count, same references in order) and every record must be one this pipeline writes.
 */

import type { PredictionRecord } from './metrics';
import { type ReplayOutputs, replayOutputs } from './pipeline';
import type { StaticRole } from './runner';
import type { StaticSample } from './samples';
import type { Checked } from './validate';

export function planReplay(
  samples: readonly StaticSample[],
  records: readonly PredictionRecord[],
): Checked<ReplayOutputs[]> {
  if (records.length !== samples.length) {
    return { ok: false, issue: { code: 'count_mismatch', expected: samples.length, actual: records.length } };
  }
  const outputs: ReplayOutputs[] = [];
  for (const [record, { reference, predictions }] of records.entries()) {
    if (reference !== samples[record]?.reference)
      return { ok: false, issue: { code: 'reference_mismatch', record } };
    const split = replayOutputs(predictions);
    if (!split) return { ok: false, issue: { code: 'not_replayable', record } };
    outputs.push(split);
  }
  return { ok: true, value: outputs };
}

/** The outputs per role, in the order the runner asks for them. */
export function replayScript(outputs: readonly ReplayOutputs[]): Record<StaticRole, string[]> {
  const script: Record<StaticRole, string[]> = { planner: [], caller: [], summarizer: [] };
  for (const { planner, second } of outputs) {
    script.planner.push(planner);
    if (second) script[second.role].push(second.text);
  }
  return script;
}
