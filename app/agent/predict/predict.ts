import { type PredictionRecord, type SampleScore, scorePredictions } from '../eval/static/metrics';
import { rougeSentences } from '../eval/static/rouge';
import type { Trace, TraceStep } from '../trace';
import type { PlannerDecision } from '../types';

/**
 * "Predict, then reveal": before a model turn is shown, the student says what comes next.
 * One prediction point per finished model turn of a trace:
 * - a planner turn: its decision (caller, conclusion, give up);
 * - a single-model (backbone) turn: the same three-way decision (call a tool, answer, give up);
 * - a caller turn: the tool it called (the name it wrote, also when the call was unusable);
 * - a summarizer turn: its answer (turns with no sentence to compare are not points).
 *
 * Scoring reuses the α-UMi static evaluation (`scorePredictions`): each point becomes a
 * `{reference, predictions}` record in the GLPFT output format, so plan accuracy is its
 * `plan_em`, tool choice its `action_em` and the answer its ROUGE-L.
 */

export type PredictKind = 'decision' | 'tool' | 'answer';

export interface PredictionPoint {
  /** The trace step the point stands before. */
  step: number;
  kind: PredictKind;
  /** What the model did: a decision, a tool name, or the answer text. */
  actual: string;
}

export const DECISIONS: readonly PlannerDecision[] = ['caller', 'conclusion', 'give_up'];

/** An answer counts as right from this ROUGE-L F on (half the words of the model's answer, in order). */
export const ANSWER_RIGHT_ROUGE = 0.5;

const plainText = (text: string) =>
  text
    .replace(/[*_`#]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。!！]+$/, '')
    .toLowerCase();

/**
 * The containment check: a short prediction found word for word in the model's answer ("11.04672
 * km" in "5 miles + 3 kilometres = 11.04672 km.") is right even though its ROUGE-L F is low (its
 * recall is). It must carry a number or three words, so "km" alone is not an answer.
 */
export function answerContained(predicted: string, actual: string): boolean {
  const mine = plainText(predicted);
  if (!/\d/.test(mine) && mine.split(' ').length < 3) return false;
  return plainText(actual).includes(mine);
}

function pointOf(step: TraceStep): PredictionPoint | undefined {
  // The student predicts the model, not an edit made in step-through afterwards.
  const parsed = step.edit?.originalParsed ?? step.parsed;
  if (!parsed || step.carriedOver) return undefined;
  switch (parsed.role) {
    case 'planner':
      return { step: step.index, kind: 'decision', actual: parsed.result.decision };
    case 'backbone': {
      const kind = parsed.result.kind;
      return {
        step: step.index,
        kind: 'decision',
        actual: kind === 'call' ? 'caller' : kind === 'conclusion' ? 'conclusion' : 'give_up',
      };
    }
    case 'caller': {
      const result = parsed.result;
      const name = result.ok ? result.call.name : (result.name ?? 'none');
      return { step: step.index, kind: 'tool', actual: name };
    }
    case 'summarizer': {
      const answer = parsed.result.answer.trim();
      return rougeSentences(answer).length > 0
        ? { step: step.index, kind: 'answer', actual: answer }
        : undefined;
    }
  }
}

/** The prediction points of a trace, in step order. Steps kept from a forked run are not points. */
export function predictionPoints(trace: Trace): PredictionPoint[] {
  return trace.steps.flatMap((step) => pointOf(step) ?? []);
}

const DECISION_TEXT: Record<PlannerDecision, string> = {
  // A call needs its second `</s>` segment to parse (`parse_output`); the action does not count here.
  caller: 'Next: caller.</s>caller: Action: none\nAction Input: {}</s>',
  conclusion: 'Next: conclusion.',
  give_up: 'Next: give up.',
};

function recordText(kind: PredictKind, value: string): string {
  if (kind === 'decision') {
    const text = DECISION_TEXT[value as PlannerDecision];
    if (!text) throw new RangeError(`"${value}" is not a planner decision.`);
    return text;
  }
  // One line: a newline in a typed answer would not change the answer, a "conclusion: " would.
  const flat = value.replace(/\s+/g, ' ').trim();
  if (kind === 'tool') return `Next: caller.</s>caller: Action: ${flat}\nAction Input: {}</s>`;
  return `Next: conclusion.</s>summarizer: conclusion: ${flat.replaceAll('conclusion: ', 'conclusion ')}</s>`;
}

export interface PointResult {
  point: PredictionPoint;
  /** What the student said ('' when they did not). */
  predicted: string;
  right: boolean;
  /** Answer points: ROUGE-L F of the prediction against the model's answer. */
  rougeL?: number;
}

export interface KindScore {
  right: number;
  total: number;
  /** plan_em, action_em or ROUGE-L of the static evaluation; `null` with no points of the kind. */
  metric: number | null;
}

export interface PredictScore {
  results: PointResult[];
  decision: KindScore;
  tool: KindScore;
  answer: KindScore;
}

function judge(
  point: PredictionPoint,
  predicted: string,
  sample: SampleScore,
): { right: boolean; rougeL?: number } {
  if (point.kind === 'decision') return { right: sample.planOk };
  if (point.kind === 'tool') return { right: sample.actionOk === true };
  const rougeL = sample.rougeL ?? 0;
  return { right: rougeL >= ANSWER_RIGHT_ROUGE || answerContained(predicted, point.actual), rougeL };
}

/**
 * Scores the student's predictions (by step index) on `points` with the static-evaluation
 * metrics. Only predicted points are scored: `total` counts them.
 */
export function scorePredictionPoints(
  points: readonly PredictionPoint[],
  predictions: Readonly<Record<number, string>>,
  toolNames: readonly string[],
): PredictScore {
  const tools = toolNames.map((Name) => ({ Name }));
  const results: PointResult[] = [];
  const byKind = (kind: PredictKind): KindScore => {
    // A turn the student did not predict is left out, not counted wrong (the page asks before each reveal).
    const mine = points.filter((p) => p.kind === kind && predictions[p.step] !== undefined);
    if (mine.length === 0) return { right: 0, total: 0, metric: null };
    const records: PredictionRecord[] = mine.map((p) => ({
      tools,
      reference: recordText(kind, p.actual),
      predictions: recordText(kind, predictions[p.step] ?? ''),
    }));
    const { metrics, samples } = scorePredictions(records);
    let right = 0;
    for (const [i, point] of mine.entries()) {
      const sample = samples[i] as SampleScore;
      const verdict = judge(point, predictions[point.step] ?? '', sample);
      if (verdict.right) right++;
      results.push({ point, predicted: predictions[point.step] ?? '', ...verdict });
    }
    const metric =
      kind === 'decision' ? metrics.plan_em : kind === 'tool' ? metrics.action_em : metrics.rouge;
    return { right, total: mine.length, metric };
  };
  const decision = byKind('decision');
  const tool = byKind('tool');
  const answer = byKind('answer');
  results.sort((a, b) => a.point.step - b.point.step);
  return { results, decision, tool, answer };
}

/** One point's verdict, for the reveal right after the student's prediction. */
export function judgePoint(
  point: PredictionPoint,
  predicted: string,
  toolNames: readonly string[],
): PointResult {
  const score = scorePredictionPoints([point], { [point.step]: predicted }, toolNames);
  return score.results[0] as PointResult;
}

/** What a role's turn asks the student to predict. */
export function kindOfRole(role: TraceStep['role']): PredictKind {
  return role === 'caller' ? 'tool' : role === 'summarizer' ? 'answer' : 'decision';
}

export interface PredictView {
  /** Steps with an index below this are shown; the rest are hidden until revealed. */
  shownBelow: number;
  /** The turn the student predicts now: its step, and its point once the model has finished it. */
  next?: { step: TraceStep; point?: PredictionPoint };
  /** Every point is revealed and the run has ended: time for the score card. */
  done: boolean;
}

/**
 * Which steps a "predict, then reveal" view shows. A step is hidden from the first one after
 * the revealed points that is still being written or is itself an unrevealed point; the run
 * (live or replayed) may go on behind it. Steps that are not points (a summarizer with no
 * sentence, steps kept from a fork) are shown once the point before them is revealed.
 */
export function predictView(trace: Trace, revealed: ReadonlySet<number>): PredictView {
  const points = new Map(predictionPoints(trace).map((p) => [p.step, p]));
  for (const step of trace.steps) {
    const point = points.get(step.index);
    if (point && revealed.has(step.index)) continue;
    if (point) return { shownBelow: step.index, next: { step, point }, done: false };
    if (step.status === 'running' && !step.carriedOver)
      return { shownBelow: step.index, next: { step }, done: false };
  }
  return { shownBelow: Number.POSITIVE_INFINITY, done: trace.status !== 'running' };
}
