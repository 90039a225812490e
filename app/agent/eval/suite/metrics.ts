import { type Trace, traceTotals } from '../../trace';
import type { CallerParse, NamedErrorData, RunOutcome } from '../../types';
import { check } from './checkers';
import type { Checker, CheckResult } from './types';

/** What one finished run scores: the answer's verdict and how the run got there. */
export interface RunMetrics {
  outcome: RunOutcome | undefined;
  answer: string | undefined;
  /** The run ended with an explicit give-up decision (planner or single model). */
  gaveUp: boolean;
  /** The checker's verdict; undefined when the task has no checker. */
  check: CheckResult | undefined;
  /** Tool calls the caller (or the single model) wrote, usable or not. */
  toolCalls: number;
  /** Calls naming an available tool with JSON arguments that fit its schema (jsonrepair fixes count). */
  validToolCalls: number;
  /** Calls naming a tool that does not exist (or is not enabled). */
  hallucinatedCalls: number;
  /** The made-up tool names, each once, in order of first use. */
  hallucinatedTools: string[];
  /** Model turns (planner, caller, summarizer or single-model steps). */
  steps: number;
  promptTokens: number;
  completionTokens: number;
  /** From the run's first event to its last, in ms. */
  wallMs: number;
  /** The token counts and times come from the scripted engine: made up, not measured. */
  simulated: boolean;
}

/**
 * The caller parses of a trace: one per attempted call. A step that was stopped before it
 * finished has no parse and is not a call. Edited steps (step-through) count as edited.
 */
export function callAttempts(trace: Trace): CallerParse[] {
  const calls: CallerParse[] = [];
  for (const step of trace.steps) {
    const parsed = step.parsed;
    if (!parsed || step.carriedOver) continue;
    if (parsed.role === 'caller') calls.push(parsed.result);
    else if (parsed.role === 'backbone' && parsed.result.kind === 'call') calls.push(parsed.result.caller);
  }
  return calls;
}

/** The run gave up by decision — not by running out of steps or writing an empty answer. */
export function gaveUp(trace: Trace): boolean {
  return trace.outcome === 'give_up' && trace.giveUpReason === 'planner';
}

/** Scores a finished trace; `checker` undefined for a task without one (typed into the task box). */
export function runMetrics(trace: Trace, checker: Checker | undefined): RunMetrics {
  const calls = callAttempts(trace);
  const hallucinated = calls.filter((c) => !c.ok && c.kind === 'unknown_tool');
  const hallucinatedTools = [
    ...new Set(hallucinated.map((c) => (!c.ok && c.name !== undefined ? c.name : '?'))),
  ];
  const totals = traceTotals(trace);
  const answer = trace.outcome === 'answer' ? trace.answer : undefined;
  const didGiveUp = gaveUp(trace);
  return {
    outcome: trace.outcome,
    answer,
    gaveUp: didGiveUp,
    check: checker ? check(checker, { answer, gaveUp: didGiveUp, task: trace.task }) : undefined,
    toolCalls: calls.length,
    validToolCalls: calls.filter((c) => c.ok).length,
    hallucinatedCalls: hallucinated.length,
    hallucinatedTools,
    steps: trace.steps.filter((s) => !s.carriedOver).length,
    promptTokens: totals.promptTokens,
    completionTokens: totals.completionTokens,
    wallMs: Math.max(0, trace.updatedAt - trace.createdAt),
    simulated: totals.simulated,
  };
}

/**
 * Run-level errors that are the model's own doing, scored like a wrong answer: the
 * conversation grew past the model's context window.
 */
const MODEL_RUN_ERRORS = new Set(['ContextWindowError']);

/**
 * The infrastructure failure a run ended with, or undefined. The model's bad outputs (an
 * unparsable call, an empty plan) are step errors and the run goes on; a run-level error
 * (`trace.error`) means the run could not go on — no model for a role (MissingModelError), a
 * crashed worker (WorkerCrashedError), a lost GPU device (DeviceLostError), out of GPU memory,
 * an engine fault. Such a run says nothing about the model and is not scored.
 */
export function infrastructureFailure(trace: Trace): NamedErrorData | undefined {
  if (trace.outcome !== 'error') return undefined;
  const error = trace.error ?? { name: 'Error', message: 'The run ended with an error.' };
  return MODEL_RUN_ERRORS.has(error.name) ? undefined : error;
}
