/**
 * The seven metrics of the α-UMi static evaluation (the paper's Table 1), computed exactly
 * as the reference evaluation (`evaluate-multi_agent.py`) computes them over
 * `{tools, reference, predictions}` records:
 *
 * - `plan_em`: share of records whose predicted plan (call / finish / give up) is the reference's.
 * - `action_em`: over records whose reference plans a call, share with the same action name.
 * - `hallu_rate`: over ALL records, share whose prediction calls a tool (not `none`) that is not
 *   in the record's tool list.
 * - Argument F1 over reference-call records (`f1`), split into `easy_f1` (reference input `{}`)
 *   and `hard_f1` (the rest). Per record: a different action scores 0 in easy, hard AND f1;
 *   an unparsable reference input is left out of all three; an unparsable prediction scores 0;
 *   otherwise, per reference key, 1 for an equal value, 0.5 for the key with another value,
 *   recall/precision over the key counts (`+ 1e-30`), F1 = 2rp/(r+p) (0 when r + p = 0, where
 *   Python's ZeroDivisionError lands in the same `except`). JSON is read and compared as Python
 *   does (`py-json-loads.ts`). Each average is `sum / count + 1e-30`.
 * - `rouge`: ROUGE-L F (rouge 1.0.1, `rouge.ts`) of the predicted answer against the reference
 *   answer, averaged over reference-finish records; a prediction that does not finish answers `none`.
 *
 * Where the Python script would stop with an exception instead of printing numbers, this
 * module gives a defined value and says so (`notes` per record, `null` metrics):
 * - an average over no records (`easy_f1`, `hard_f1`, `f1`: ZeroDivisionError) is `null`;
 * - a predicted answer with no sentence (rouge: "Hypothesis is empty.") scores ROUGE-L 0;
 * - the prediction-side parse failures of `parseOutput` (see there).
 * Reference-side failures are not scored at all: the files are rejected before (`validate.ts`).
 */

import { type ParsedOutput, parseOutput } from './parse-output';
import { isPyDict, type PyValue, pyEquals, pyJsonLoads } from './py-json-loads';
import { rougeL, rougeSentences } from './rouge';

export interface PredictionRecord {
  tools: readonly { readonly Name: string }[];
  reference: string;
  predictions: string;
}

/** In the order the reference evaluation prints them. */
export const METRIC_KEYS = [
  'rouge',
  'plan_em',
  'action_em',
  'easy_f1',
  'hard_f1',
  'f1',
  'hallu_rate',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export type StaticMetrics = Record<MetricKey, number | null>;

export type ScoreNote =
  | 'prediction_no_end_of_turn'
  | 'prediction_no_conclusion_prefix'
  | 'empty_predicted_answer'
  | 'reference_input_unparsable';

export interface SampleScore {
  index: number;
  reference: ParsedOutput;
  prediction: ParsedOutput;
  planOk: boolean;
  /** Reference-call records: the predicted action (`none` when it did not call) equals the reference's. */
  actionOk?: boolean;
  /** Reference-call records: the argument F1 entry (absent when the reference input is unparsable). */
  argF1?: number;
  /** Reference-call records: which averages the entry went into. */
  argCase?: 'easy' | 'hard' | 'both';
  /** Reference-finish records: ROUGE-L F of the answer. */
  rougeL?: number;
  hallucinated: boolean;
  notes: ScoreNote[];
}

export interface StaticScore {
  metrics: StaticMetrics;
  samples: SampleScore[];
}

export class UnscorableReferenceError extends Error {
  override name = 'UnscorableReferenceError';
}

const average = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length + 1e-30;
};

const share = (hits: number, total: number) => (total === 0 ? 0 : hits / total);

export function scorePredictions(records: readonly PredictionRecord[]): StaticScore {
  if (records.length === 0) throw new UnscorableReferenceError('There are no records to score.');
  const easy: number[] = [];
  const hard: number[] = [];
  const all: number[] = [];
  const rougeValues: number[] = [];
  let planHits = 0;
  let calls = 0;
  let actionHits = 0;
  let hallucinations = 0;

  const samples = records.map((record, index): SampleScore => {
    const reference = parseOutput(record.reference);
    const prediction = parseOutput(record.predictions);
    if (reference.pythonFailure) {
      throw new UnscorableReferenceError(`Record [${index}]: the reference cannot be parsed.`);
    }
    const notes: ScoreNote[] = [];
    if (prediction.pythonFailure === 'no_end_of_turn') notes.push('prediction_no_end_of_turn');
    if (prediction.pythonFailure === 'no_conclusion_prefix') notes.push('prediction_no_conclusion_prefix');
    const names = record.tools.map((tool) => tool.Name);
    const hallucinated =
      prediction.plan === 'call' && prediction.action !== 'none' && !names.includes(prediction.action);
    if (hallucinated) hallucinations++;
    const planOk = reference.plan === prediction.plan;
    if (planOk) planHits++;
    const score: SampleScore = { index, reference, prediction, planOk, hallucinated, notes };

    if (reference.plan === 'finish') {
      const answer = prediction.plan === 'finish' ? prediction.answer : 'none';
      if (rougeSentences(reference.answer).length === 0) {
        throw new UnscorableReferenceError(`Record [${index}]: the reference answer is empty.`);
      }
      const value = rougeL(answer, reference.answer)?.f;
      if (value === undefined) notes.push('empty_predicted_answer');
      score.rougeL = value ?? 0;
      rougeValues.push(score.rougeL);
    } else if (reference.plan === 'call') {
      calls++;
      const action = prediction.plan === 'call' ? prediction.action : 'none';
      const input = prediction.plan === 'call' ? prediction.actionInput : '{}';
      score.actionOk = action === reference.action;
      if (score.actionOk) actionHits++;
      const entry = argumentF1(score.actionOk, reference.actionInput, input);
      if (entry.kind === 'skipped') notes.push('reference_input_unparsable');
      else {
        score.argF1 = entry.value;
        score.argCase = entry.kind;
        if (entry.kind !== 'hard') easy.push(entry.value);
        if (entry.kind !== 'easy') hard.push(entry.value);
        all.push(entry.value);
      }
    }
    return score;
  });

  const metrics: StaticMetrics = {
    rouge: rougeValues.length === 0 ? 0 : rougeValues.reduce((sum, v) => sum + v, 0) / rougeValues.length,
    plan_em: share(planHits, records.length),
    action_em: share(actionHits, calls),
    easy_f1: average(easy),
    hard_f1: average(hard),
    f1: average(all),
    hallu_rate: hallucinations / records.length,
  };
  return { metrics, samples };
}

type F1Entry = { kind: 'easy' | 'hard' | 'both'; value: number } | { kind: 'skipped' };

const isEmptyDict = (v: PyValue) => isPyDict(v) && v.size === 0;

function argumentF1(sameAction: boolean, referenceInput: string, predictedInput: string): F1Entry {
  if (!sameAction) return { kind: 'both', value: 0 };
  const ref = pyJsonLoads(referenceInput);
  if (!ref.ok) return { kind: 'skipped' };
  const refEmpty = isEmptyDict(ref.value);
  const cand = pyJsonLoads(predictedInput);
  if (!cand.ok) return { kind: refEmpty ? 'easy' : 'hard', value: 0 };
  if (refEmpty) return { kind: 'easy', value: isEmptyDict(cand.value) ? 1 : 0 };
  // A reference that is not an object, or a prediction that is not one, raises
  // AttributeError inside the try (`.items()`, `.keys()`): 0 in hard.
  if (!isPyDict(ref.value) || !isPyDict(cand.value)) return { kind: 'hard', value: 0 };
  let full = 0;
  let half = 0;
  for (const [key, value] of ref.value) {
    if (!cand.value.has(key)) continue;
    if (pyEquals(cand.value.get(key) as PyValue, value)) full++;
    else half++;
  }
  const recall = (0.5 * half + full) / (ref.value.size + 1e-30);
  const precision = (0.5 * half + full) / (cand.value.size + 1e-30);
  if (recall + precision === 0) return { kind: 'hard', value: 0 };
  return { kind: 'hard', value: (2 * recall * precision) / (recall + precision) };
}
