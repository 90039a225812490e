/**
 * The two commands of `npm run eval`, as text in → text out (the script only reads files and
 * writes streams): `samples <stage2.json>` and `score <predictions.json>`. A rejected file
 * gives no stdout at all, so a partial result can never pass for a complete one.
 */
import { describeIssue } from './issues';
import { type StaticMetrics, type StaticScore, scorePredictions } from './metrics';
import type { StaticSample } from './samples';
import { parsePredictionsFile, parseTestFile } from './validate';

export type CommandResult = { ok: true; stdout: string; notes: string[] } | { ok: false; message: string };

/** The CLI's sample shape: what the reference inference code keeps of a sample, tools first. */
export function sampleRecords(samples: readonly StaticSample[]) {
  return samples.map(({ tools, model_input, reference }) => ({ tools, model_input, reference }));
}

export function samplesCommand(text: string): CommandResult {
  const file = parseTestFile(text);
  if (!file.ok) return { ok: false, message: describeIssue(file.issue) };
  return { ok: true, stdout: `${JSON.stringify(sampleRecords(file.value.samples), null, 2)}\n`, notes: [] };
}

export function scoreCommand(text: string): CommandResult {
  const file = parsePredictionsFile(text);
  if (!file.ok) return { ok: false, message: describeIssue(file.issue) };
  const score = scorePredictions(file.value);
  return { ok: true, stdout: `${JSON.stringify(score.metrics, null, 2)}\n`, notes: scoreNotes(score) };
}

const NULL_REASONS: Partial<Record<keyof StaticMetrics, string>> = {
  easy_f1: 'no reference call with empty arguments',
  hard_f1: 'no reference call with arguments',
  f1: 'no reference call with a parsable input',
};

/** Where the numbers part from what the Python script would do, in English (stderr). */
export function scoreNotes(score: StaticScore): string[] {
  const notes: string[] = [];
  for (const [key, reason] of Object.entries(NULL_REASONS)) {
    if (score.metrics[key as keyof StaticMetrics] === null) {
      notes.push(`${key} is null: ${reason} to average (the reference evaluation raises ZeroDivisionError).`);
    }
  }
  const count = (note: string) => score.samples.filter((s) => s.notes.some((n) => n === note)).length;
  const empty = count('empty_predicted_answer');
  if (empty > 0) {
    notes.push(
      `${empty} predicted answer(s) have no sentence; scored ROUGE-L 0 (the rouge package raises "Hypothesis is empty.").`,
    );
  }
  const noEos = count('prediction_no_end_of_turn');
  if (noEos > 0) {
    notes.push(
      `${noEos} prediction(s) plan a call with no "</s>" before it; read as no call (the reference evaluation raises IndexError).`,
    );
  }
  const noPrefix = count('prediction_no_conclusion_prefix');
  if (noPrefix > 0) {
    notes.push(
      `${noPrefix} prediction(s) have "conclusion:" without a space; the answer is read after it (the reference evaluation raises ValueError).`,
    );
  }
  return notes;
}
