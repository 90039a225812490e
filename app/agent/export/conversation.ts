/**
 * Rebuilds the α-UMi conversation (GLPFT `history` shape) from a trace of any mode and
 * dialect. This is what the GLPFT export reads; it never looks at prompts, only at what the
 * models wrote and what the tools answered.
 *
 * Rules (each is tested in glpft.test.ts):
 * - `alpha-umi` traces give back the turns the alpha-umi session recorded: planner turns as
 *   `kept`, caller and summarizer outputs as `cleanOutput(raw)`, observations verbatim. So an
 *   exported `input` equals the prompt the model saw, byte for byte.
 * - `chat` traces are converted: planner → `thought\n Next: caller.` (`summarizer` →
 *   `conclusion`), caller JSON → `Action: name\nAction Input: <JSON.stringify(arguments, null, 2)>`
 *   (ToolBench's layout), summarizer → the parsed answer, observations re-rendered from the
 *   tool result as the alpha-umi dialect renders them (ToolBench's error wrapper, 1024 cut).
 * - `single` traces: a backbone step becomes a planner turn plus a caller (or conclusion)
 *   turn, as the alpha-umi session stores it.
 * - Unfinished tail: the conversation stops at the first step that did not finish (running,
 *   aborted, failed generation) and after a call whose observation never came.
 * - An empty planner output (a step error) is dropped with its error observation: GLPFT has no
 *   `assistant` → `observation` transition and there is nothing to learn from it.
 * - A malformed call (a step error) stays in the history as the caller's text, followed by the
 *   error observation the planner then read; it is no training target (`target: false`), nor
 *   is a call to a tool that does not exist, a planner turn without a decision marker, or an
 *   empty answer.
 */

import {
  type HistoryTurn,
  type PlannerMarkerDecision,
  withPlannerMarker,
} from '../dialects/alpha-umi/prompts';
import { backboneTurns, cleanOutput, createAlphaUmiSession } from '../dialects/alpha-umi/session';
import { truncateObservation } from '../orchestrator';
import type { Trace, TraceStep } from '../trace';
import type { BackboneParse, CallerParse, DialectSession, PlannerDecision, ToolCall } from '../types';

/** A history turn, and whether it may be the `target` of a training record. */
export interface ExportTurn extends HistoryTurn {
  target: boolean;
}

export function markerDecision(decision: PlannerDecision): PlannerMarkerDecision {
  return decision === 'give_up' ? 'give up' : decision;
}

/** The conversation of a trace in the GLPFT shape (see the rules above). */
export function traceToHistory(trace: Trace): HistoryTurn[] {
  return traceToTurns(trace).map(({ from, value }) => ({ from, value }));
}

/** `traceToHistory`, with each turn marked as usable as a training target or not. */
export function traceToTurns(trace: Trace): ExportTurn[] {
  const turns: ExportTurn[] = [{ from: 'user', value: trace.task, target: false }];
  const extra = [...(trace.extraUserTurns ?? [])].sort((a, b) => a.beforeStep - b.beforeStep);
  const pushUsers = (upTo: number) => {
    for (let next = extra[0]; next && next.beforeStep <= upTo; next = extra[0]) {
      extra.shift();
      turns.push({ from: 'user', value: next.text, target: false });
    }
  };
  const observations = observationSource(trace);

  for (const step of trace.steps) {
    pushUsers(step.index);
    if (!isFinished(step)) return turns;
    const parsed = step.parsed;
    if (!parsed) return turns;
    switch (parsed.role) {
      case 'planner': {
        if (step.status === 'error') continue; // empty output: dropped with its error observation
        const plan = parsed.result;
        const value =
          trace.dialect === 'chat'
            ? withPlannerMarker(plan.thought, markerDecision(plan.decision))
            : plan.kept;
        turns.push({ from: 'assistant', value, target: plan.markerCount > 0 });
        continue;
      }
      case 'caller': {
        const value = trace.dialect === 'chat' ? chatCallText(parsed.result) : cleanOutput(step.raw);
        turns.push({ from: 'caller', value, target: isUsableCall(step, parsed.result) });
        const observation = observations(step, parsed.result);
        if (observation === undefined) return turns;
        turns.push({ from: 'observation', value: observation, target: false });
        continue;
      }
      case 'summarizer': {
        const value = trace.dialect === 'chat' ? parsed.result.answer : cleanOutput(step.raw);
        turns.push({ from: 'conclusion', value, target: value.trim() !== '' });
        continue;
      }
      case 'backbone': {
        turns.push(...backboneExportTurns(step, parsed.result));
        if (parsed.result.kind !== 'call') continue;
        const observation = observations(step, parsed.result.caller);
        if (observation === undefined) return turns;
        turns.push({ from: 'observation', value: observation, target: false });
        continue;
      }
    }
  }
  pushUsers(Number.POSITIVE_INFINITY);
  return turns;
}

/** Done, or stopped by a step error (the output is complete, only unusable). */
function isFinished(step: TraceStep): boolean {
  return step.status === 'done' || (step.status === 'error' && step.error !== undefined);
}

/** A call is a target when it ran without a step error against a tool that exists. */
function isUsableCall(step: TraceStep, call: CallerParse): boolean {
  return step.status !== 'error' && (call.ok || call.kind !== 'unknown_tool');
}

function chatCallText(call: CallerParse): string {
  if (call.ok) return actionText(call.call.name, JSON.stringify(call.call.arguments, null, 2));
  return actionText(call.name ?? 'none', call.rawArguments ?? '{}');
}

function actionText(name: string, args: string): string {
  return `Action: ${name}\nAction Input: ${args}`;
}

/**
 * A backbone turn as the alpha-umi session stores it (a planner turn, then the call or the
 * answer), with which parts may be training targets.
 */
function backboneExportTurns(step: TraceStep, parsed: BackboneParse): ExportTurn[] {
  const usable =
    parsed.kind === 'call'
      ? isUsableCall(step, parsed.caller)
      : parsed.kind === 'conclusion' && parsed.answer.trim() !== '';
  return backboneTurns(parsed).map((turn, i) => ({ ...turn, target: i === 0 || usable }));
}

type ObservationOf = (step: TraceStep, call: CallerParse) => string | undefined;

/**
 * Where a step's observation comes from: recorded verbatim for `alpha-umi` traces; for `chat`
 * traces re-rendered from the tool result (or the step error) the way the alpha-umi dialect
 * would have shown it, since chat observations are in another format.
 */
function observationSource(trace: Trace): ObservationOf {
  if (trace.dialect !== 'chat') return (step) => step.tool?.observation ?? step.error?.observation;
  let session: DialectSession | undefined;
  const render: DialectSession['formatObservation'] = (result, call) => {
    session ??= createAlphaUmiSession({ task: trace.task, tools: trace.tools });
    return truncateObservation(session.formatObservation(result, call));
  };
  return (step, parsed) => {
    const tool = step.tool;
    if (tool?.result) return render(tool.result, tool.call);
    if (tool || !step.error) return undefined; // the call never answered
    const call: ToolCall = { name: parsed.ok ? parsed.call.name : (parsed.name ?? 'none'), arguments: {} };
    const error = { name: step.error.name, message: step.error.message };
    return render({ ok: false, error, logs: [], durationMs: 0 }, call);
  };
}
