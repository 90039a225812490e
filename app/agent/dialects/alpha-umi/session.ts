/**
 * The `alpha-umi` dialect session: one GLPFT history shared by all roles, rebuilt into a
 * full text prompt for every request (the format has no chat turns to append to).
 */
import { fitHistory } from '../../context-budget';
import { pyJsonDumps } from '../../py-json';
import type {
  AlphaUmiToolDoc,
  BackboneParse,
  DialectSession,
  DialectSessionOptions,
  Role,
  RoleRequest,
  SessionEntry,
  ToolCall,
  ToolResult,
} from '../../types';
import {
  buildBackbonePrompt,
  buildCallerPrompt,
  buildPlannerPrompt,
  buildSummarizerPrompt,
  END_OF_TURN,
  type HistoryTurn,
  toAlphaUmiToolDoc,
  toolDocFor,
  withPlannerMarker,
} from './prompts';

export interface AlphaUmiSessionOptions extends DialectSessionOptions {
  /**
   * Turns to start from instead of `[{ from: 'user', value: task }]`: resuming a saved run,
   * or a ToolBench trajectory with several user turns. Copied, never mutated.
   */
  initialHistory?: readonly HistoryTurn[];
}

export interface AlphaUmiSession extends DialectSession {
  readonly dialect: 'alpha-umi';
  /** The tool list in the full GLPFT style (a role may be shown the compact one: `toolDocs`). */
  readonly toolDocs: readonly AlphaUmiToolDoc[];
  /** A copy of the history, in the fixtures' shape (planner and caller turns apart). */
  history(): HistoryTurn[];
}

const STOP = [END_OF_TURN];

export function createAlphaUmiSession(options: AlphaUmiSessionOptions): AlphaUmiSession {
  const toolDocs = options.tools.map(toAlphaUmiToolDoc);
  const compactDocs = options.tools.map((tool) => toolDocFor(tool, 'compact'));
  const docsFor = (role: Role) => (options.toolDocs?.[role] === 'compact' ? compactDocs : toolDocs);
  const toolNames = new Set(options.tools.map((tool) => tool.name));
  const turns: HistoryTurn[] = options.initialHistory
    ? options.initialHistory.map((turn) => ({ ...turn }))
    : [{ from: 'user', value: options.task }];

  const text = (prompt: string): RoleRequest => ({ prompt: { kind: 'text', text: prompt }, stop: [...STOP] });
  const promptFor = (role: Role, history: readonly HistoryTurn[]): string => {
    switch (role) {
      case 'planner':
        return buildPlannerPrompt(docsFor(role), history);
      case 'caller':
        // The planner turn of this step is already the last turn; it is also {thought}.
        return buildCallerPrompt(docsFor(role), history, lastPlannerTurn(history));
      case 'summarizer':
        return buildSummarizerPrompt(history);
      case 'backbone':
        return buildBackbonePrompt(docsFor(role), history);
    }
  };

  return {
    dialect: 'alpha-umi',
    toolDocs,
    history: () => turns.map((turn) => ({ ...turn })),

    request: (role: Role) => text(promptFor(role, turns)),

    requestWithin(role: Role, budgetTokens: number) {
      const fitted = fitHistory(turns, (history) => promptFor(role, history), budgetTokens);
      const request = text(promptFor(role, fitted.turns));
      return fitted.cut ? { request, cut: fitted.cut } : { request };
    },

    record(entry: SessionEntry): void {
      switch (entry.kind) {
        case 'planner':
          turns.push({ from: 'assistant', value: entry.parsed.kept });
          return;
        case 'caller':
          turns.push({ from: 'caller', value: cleanOutput(entry.raw) });
          return;
        case 'observation':
          turns.push({ from: 'observation', value: entry.text });
          return;
        case 'summarizer':
          turns.push({ from: 'conclusion', value: cleanOutput(entry.raw) });
          return;
        case 'backbone':
          turns.push(...backboneTurns(entry.parsed));
          return;
      }
    },

    formatObservation(result: ToolResult, call: ToolCall): string {
      const unknown = result.ok ? !toolNames.has(call.name) : result.error.name === 'UnknownToolError';
      if (unknown) return toolBenchObservation(`No such function name: ${call.name}`, '');
      if (!result.ok) return toolBenchObservation(`${result.error.name}: ${result.error.message}`, '');
      // The α-UMi training data shows a successful call as the bare `response` value (the
      // ToolBench wrapper was stripped); failures keep the wrapper so the error is visible.
      return responseText(result.value);
    },
  };
}

/** Model output as a history turn: trailing whitespace and end-of-turn tokens removed. */
export function cleanOutput(raw: string): string {
  let text = raw.trimEnd();
  while (text.endsWith(END_OF_TURN)) text = text.slice(0, -END_OF_TURN.length).trimEnd();
  return text;
}

function lastPlannerTurn(turns: readonly HistoryTurn[]): string {
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i];
    if (turn?.from === 'assistant') return turn.value;
  }
  return '';
}

/**
 * A backbone turn stored in planner shape, as the fixtures' `history` holds it:
 * `thought\n Next: caller.` then `Action: name\nAction Input: args`. The backbone prompt
 * merges the two back into `thought\nAction: ...`, which is what the backbone wrote.
 */
export function backboneTurns(parsed: BackboneParse): HistoryTurn[] {
  switch (parsed.kind) {
    case 'call': {
      const call = parsed.caller;
      const name = call.ok ? call.call.name : (call.name ?? 'none');
      const args = (call.ok ? call.rawArguments : (call.rawArguments ?? '{}')).trimEnd();
      return [
        { from: 'assistant', value: withPlannerMarker(parsed.thought, 'caller') },
        { from: 'caller', value: `Action: ${name}\nAction Input: ${args}` },
      ];
    }
    case 'conclusion':
      return [
        { from: 'assistant', value: withPlannerMarker(parsed.thought, 'conclusion') },
        { from: 'conclusion', value: parsed.answer },
      ];
    case 'give_up':
      return [{ from: 'assistant', value: withPlannerMarker(parsed.thought, 'give up') }];
  }
}

/** ToolBench's observation: `json.dumps({"error": ..., "response": ...})`, Python defaults. */
function toolBenchObservation(error: string, response: string): string {
  return pyJsonDumps({ error, response });
}

/** Strings verbatim; anything else as Python-style JSON; nothing as the empty string. */
function responseText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return pyJsonDumps(value);
  } catch {
    return String(value);
  }
}
