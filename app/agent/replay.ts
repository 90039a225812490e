import type { Trace, TraceStep } from './trace';
import type { RunEvent } from './types';

/**
 * Replay: a saved trace turned back into the run events that built it, so the page can
 * animate it through the same `applyEvent` path as a live run, without any model.
 *
 * `traceFromEvents(traceToEvents(t))` equals `t` for every trace folded from real run
 * events, with two documented exceptions:
 * - an `interrupted` trace comes back `running` (no event means "the page went away"):
 *   `markInterrupted(result, t.updatedAt)` gives back the original;
 * - `extraUserTurns` (imported ToolBench trajectories only) have no event and are dropped.
 */

/** Word-sized chunks whose concatenation is `text`: a replay streams like a live run. */
export function chunkWords(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}

/**
 * A step whose status is `error` but that has no `error` of its own was failed by a
 * `run_error` (a model crash) rather than closed by `run_finished`: the latter stamps
 * `endedAt` on a step that never finished, the former does not.
 */
function failedByRunError(step: TraceStep): boolean {
  return step.status === 'error' && !step.error && (step.usage !== undefined || step.endedAt === undefined);
}

function stepEvents(step: TraceStep): RunEvent[] {
  const events: RunEvent[] = [
    {
      type: 'role_started',
      step: step.index,
      turn: step.turn,
      role: step.role,
      model: step.model,
      prompt: step.prompt,
      ...(step.constraint ? { constraint: step.constraint } : {}),
      ...(step.carriedOver ? { carriedOver: true as const } : {}),
      at: step.startedAt,
    },
  ];
  // An edited step streams what the model wrote, then the edit is applied as it was live.
  const modelRaw = step.edit?.originalRaw ?? step.raw;
  for (const text of chunkWords(modelRaw)) events.push({ type: 'token_delta', step: step.index, text });
  // Only role_finished sets usage, parsed and finishReason; a step without them never finished
  // and is left open for run_finished (or markInterrupted) to close, as in the live run.
  if (step.usage && step.parsed && step.finishReason) {
    events.push({
      type: 'role_finished',
      step: step.index,
      raw: modelRaw,
      usage: step.usage,
      finishReason: step.finishReason,
      parsed: step.edit?.originalParsed ?? step.parsed,
      at: step.endedAt ?? step.startedAt,
    });
  }
  if (step.edit && step.parsed) {
    events.push({
      type: 'review_finished',
      step: step.index,
      edited: { raw: step.raw, parsed: step.parsed, originalRaw: step.edit.originalRaw },
      at: step.edit.at,
    });
  } else if (step.reviewing) {
    events.push({ type: 'review_started', step: step.index, at: step.endedAt ?? step.startedAt });
  }
  const { tool } = step;
  if (tool) {
    events.push({ type: 'tool_call', step: step.index, call: tool.call, at: tool.startedAt });
    if (tool.result) {
      events.push({
        type: 'tool_result',
        step: step.index,
        result: tool.result,
        observation: tool.observation ?? '',
        at: tool.endedAt ?? tool.startedAt,
      });
    }
  }
  if (step.error) {
    const { observation, ...error } = step.error;
    events.push({
      type: 'step_error',
      step: step.index,
      error,
      observation: observation ?? '',
      at: step.endedAt ?? step.startedAt,
    });
  }
  return events;
}

/** The run events that rebuild `trace`, token deltas split into word-sized chunks. */
export function traceToEvents(trace: Trace): RunEvent[] {
  const events: RunEvent[] = [
    {
      type: 'run_started',
      runId: trace.id,
      task: trace.task,
      mode: trace.mode,
      dialect: trace.dialect,
      tools: trace.tools,
      models: trace.models,
      sampling: trace.sampling,
      maxSteps: trace.maxSteps,
      at: trace.createdAt,
    },
  ];
  for (const step of trace.steps) events.push(...stepEvents(step));
  // The trace does not keep when the run-level events happened; they all happened at the end.
  const at = trace.updatedAt;
  const last = trace.steps.at(-1);
  if (trace.answer !== undefined) {
    events.push({ type: 'answer', step: last?.index ?? 0, text: trace.answer, at });
  }
  if (trace.giveUpReason) events.push({ type: 'give_up', reason: trace.giveUpReason, at });
  if (trace.error) {
    const failed = trace.steps.findLast(failedByRunError);
    events.push({ type: 'run_error', ...(failed ? { step: failed.index } : {}), error: trace.error, at });
  }
  if (trace.status === 'finished' && trace.outcome) {
    events.push({ type: 'run_finished', outcome: trace.outcome, at });
  }
  return events;
}

// ---------------------------------------------------------------------------
// Timing

export const MIN_REPLAY_SPEED = 0.25;
export const MAX_REPLAY_SPEED = 16;
/** No single pause of a 1× replay is longer than this: a slow tool or model is not worth waiting for. */
export const MAX_PAUSE_MS = 1500;
/** Token pace of a step whose end was never recorded (an interrupted run). */
const FALLBACK_TOKEN_MS = 30;

const stampOf = (event: RunEvent): number | undefined => ('at' in event ? event.at : undefined);

/** Per token delta: the step's recorded generation time spread evenly over its deltas. */
function tokenGaps(events: readonly RunEvent[]): Map<number, number> {
  const gaps = new Map<number, number>();
  for (const [i, event] of events.entries()) {
    if (event.type !== 'role_started') continue;
    // A step's deltas follow its role_started; the next stamped event ends its generation.
    let j = i + 1;
    while (events[j]?.type === 'token_delta') j++;
    const count = j - i - 1;
    if (count === 0) continue;
    const next = events[j];
    const end = next ? stampOf(next) : undefined;
    // n deltas and the closing event share the time: n + 1 equal pauses.
    const gap = end === undefined ? FALLBACK_TOKEN_MS : Math.max(0, end - event.at) / (count + 1);
    for (let k = i + 1; k < j; k++) gaps.set(k, gap);
  }
  return gaps;
}

/**
 * The pause (ms) before each event of a replay at `speed`× (clamped to 0.25–16): the
 * recorded gaps between the events' `at` stamps, token deltas spread over their step's
 * generation time, each pause capped at 1.5 s before scaling.
 */
export function replayDelays(events: readonly RunEvent[], speed: number): number[] {
  const factor = Number.isFinite(speed) ? Math.min(MAX_REPLAY_SPEED, Math.max(MIN_REPLAY_SPEED, speed)) : 1;
  const gaps = tokenGaps(events);
  let clock: number | undefined;
  return events.map((event, i) => {
    let pause = 0;
    const gap = gaps.get(i);
    const at = stampOf(event);
    if (gap !== undefined) {
      pause = gap;
      if (clock !== undefined) clock += gap;
    } else if (at !== undefined) {
      pause = clock === undefined ? 0 : Math.max(0, at - clock);
      clock = clock === undefined ? at : Math.max(clock, at);
    }
    return Math.min(pause, MAX_PAUSE_MS) / factor;
  });
}
