/**
 * How the α-UMi reference inference (`infer_pipeline.py`) turns model outputs into the
 * `predictions` string of a sample, as pure functions shared by real runs and the replay:
 *
 * 1. each decoded output: a leading `": "` is dropped, and an output that is empty, `.` or `,`
 *    once stripped becomes `none`;
 * 2. the planner output is cut after the first `Next: give up.`, else `Next: conclusion.`, else
 *    `Next: caller.`; with no marker, `Next: caller.` is appended (no separator) and the caller runs;
 * 3. give up: the prediction is the cut planner text; otherwise
 *    `assistant: <planner></s>caller: <caller output></s>` or `...</s>conclusion: <answer></s>`.
 *
 * Two deliberate differences from that script, neither visible to the scorer: it writes the
 * prefix as `asssitant: ` (a typo; `parse_output` never reads the prefix) and no final `</s>`
 * (the release's predictions files, like `static-eval/predictions.json`, end with one).
 * And it shows the caller and summarizer the planner turn as `planner: ...</s>`, while the
 * models were trained on `assistant: ...</s>` (train_caller.json): the prompts here are the
 * trained format (`buildCallerPrompt`, `buildSummarizerPrompt`).
 */
import { pyStrip } from './py-text';

export type Handover = 'give up' | 'conclusion' | 'caller';

export interface PlannerRoute {
  next: Handover;
  /** The planner turn as recorded: cut after the marker, or with `Next: caller.` appended. */
  planner: string;
}

const EOS = '</s>';
const MARKERS: readonly (readonly [string, Handover])[] = [
  ['Next: give up.', 'give up'],
  ['Next: conclusion.', 'conclusion'],
  ['Next: caller.', 'caller'],
];

/** Step 1, for text an engine returned (anything from an end-of-turn token on is dropped). */
export function cleanCandidate(text: string): string {
  const eos = text.indexOf(EOS);
  let candidate = eos >= 0 ? text.slice(0, eos) : text;
  if (candidate.startsWith(': ')) candidate = candidate.slice(2);
  const stripped = pyStrip(candidate);
  return stripped === '' || stripped === '.' || stripped === ',' ? 'none' : candidate;
}

/** Step 2. */
export function routePlanner(candidate: string): PlannerRoute {
  for (const [marker, next] of MARKERS) {
    const at = candidate.indexOf(marker);
    if (at >= 0) return { next, planner: candidate.slice(0, at + marker.length) };
  }
  return { next: 'caller', planner: `${candidate}Next: caller.` };
}

/** Step 3. `second` is the cleaned caller or summarizer output (unused for a give-up). */
export function assemblePrediction(route: PlannerRoute, second = ''): string {
  if (route.next === 'give up') return route.planner;
  return `assistant: ${route.planner}${EOS}${route.next}: ${second}${EOS}`;
}

/** What each role wrote for one recorded prediction, for a scripted replay. */
export interface ReplayOutputs {
  planner: string;
  second?: { role: 'caller' | 'summarizer'; text: string };
}

/**
 * Splits a recorded prediction into the outputs that make the pipeline write it again, or
 * `undefined` when no outputs can (it was not written by this pipeline). A prediction that
 * lacks only the final `</s>` is accepted: the scorer reads it the same.
 */
export function replayOutputs(prediction: string): ReplayOutputs | undefined {
  if (!prediction.startsWith('assistant: ')) {
    const route = routePlanner(cleanCandidate(prediction));
    return route.next === 'give up' && route.planner === prediction ? { planner: prediction } : undefined;
  }
  const eos = prediction.indexOf(EOS);
  if (eos < 0) return undefined;
  const planner = prediction.slice('assistant: '.length, eos);
  const route = routePlanner(cleanCandidate(planner));
  if (route.next === 'give up') return undefined;
  let rest = prediction.slice(eos + EOS.length);
  const prefix = `${route.next}: `;
  if (!rest.startsWith(prefix)) return undefined;
  rest = rest.slice(prefix.length);
  const text = rest.endsWith(EOS) ? rest.slice(0, -EOS.length) : rest;
  const full = text === rest ? prediction + EOS : prediction;
  if (assemblePrediction(route, cleanCandidate(text)) !== full) return undefined;
  return { planner, second: { role: route.next === 'caller' ? 'caller' : 'summarizer', text } };
}
