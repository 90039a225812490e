/**
 * GLPFT training data from traces: the `{tools, history, input, target}` records of the
 * α-UMi release (`train_planner.json`, `train_caller.json`, `train_summarizer.json`,
 * `train_backbone.json`), one list per role, and JSONL to save them. Pure: the page and a
 * Node script both use it.
 *
 * Records come from the conversation `traceToHistory` rebuilds (see conversation.ts for what
 * is kept, converted and skipped), walking its turns in order:
 * - planner: one per planner turn with a decision marker; history before the turn.
 * - caller: one per usable call; history up to and including its planner turn, which is also
 *   the `{thought}`.
 * - summarizer: one per non-empty conclusion; history up to its planner turn.
 * - backbone: one per planner turn whose outcome is known, in the merged single-model format:
 *   history before the turn (kept in planner shape, as the release stores it; the prompt merges
 *   it), target `thought\nAction: ...\nAction Input: ...` for a call, `thought\nconclusion: answer`
 *   for a conclusion, `thought\nconclusion: give up.` for a give-up (thought = the planner turn
 *   without its marker). A turn whose call or answer is unusable or missing gives none.
 */
import {
  buildBackbonePrompt,
  buildCallerPrompt,
  buildPlannerPrompt,
  buildSummarizerPrompt,
  type HistoryTurn,
  splitPlannerMarker,
  type ToolDocStyle,
  toolDocFor,
} from '../dialects/alpha-umi/prompts';
import type { Trace } from '../trace';
import type { AlphaUmiToolDoc } from '../types';
import { type ExportTurn, traceToTurns } from './conversation';

export { traceToHistory } from './conversation';

export interface GlpftRecord {
  tools: AlphaUmiToolDoc[];
  history: HistoryTurn[];
  input: string;
  target: string;
}

export const GLPFT_ROLES = ['planner', 'caller', 'summarizer', 'backbone'] as const;
export type GlpftRole = (typeof GLPFT_ROLES)[number];
export type GlpftExport = Record<GlpftRole, GlpftRecord[]>;

export interface GlpftExportOptions {
  /** How prompts list the tools (default `full`, the GLPFT format; `compact` for the tiny models). */
  toolDocs?: ToolDocStyle;
}

/** The four record lists for a set of traces, in trace order, then turn order. */
export function exportGlpft(traces: readonly Trace[], options: GlpftExportOptions = {}): GlpftExport {
  const out: GlpftExport = { planner: [], caller: [], summarizer: [], backbone: [] };
  for (const trace of traces) {
    const tools = trace.tools.map((tool) => toolDocFor(tool, options.toolDocs));
    const turns = traceToTurns(trace);
    const history = turns.map(({ from, value }): HistoryTurn => ({ from, value }));
    const record = (k: number, input: (before: HistoryTurn[]) => string, target: string): GlpftRecord => {
      const before = history.slice(0, k);
      return { tools, history: before, input: input(before), target };
    };

    turns.forEach((turn, k) => {
      switch (turn.from) {
        case 'assistant': {
          if (turn.target) out.planner.push(record(k, (h) => buildPlannerPrompt(tools, h), turn.value));
          const target = backboneTarget(turn, turns[k + 1]);
          if (target !== undefined)
            out.backbone.push(record(k, (h) => buildBackbonePrompt(tools, h), target));
          return;
        }
        case 'caller': {
          if (!turn.target) return;
          const thought = lastPlannerTurn(history, k);
          out.caller.push(record(k, (h) => buildCallerPrompt(tools, h, thought), turn.value));
          return;
        }
        case 'conclusion':
          if (turn.target) out.summarizer.push(record(k, buildSummarizerPrompt, turn.value));
          return;
        default:
          return;
      }
    });
  }
  return out;
}

/** What a backbone writes for this planner turn, or undefined when the turn has no usable outcome. */
function backboneTarget(turn: ExportTurn, next: ExportTurn | undefined): string | undefined {
  const { thought, decision } = splitPlannerMarker(turn.value);
  if (decision === 'give up') return `${thought}\nconclusion: give up.`;
  if (!next?.target) return undefined;
  if (decision === 'conclusion' && next.from === 'conclusion') return `${thought}\nconclusion: ${next.value}`;
  // No marker routes to the caller, as the planner parser and the backbone history do.
  if ((decision === 'caller' || decision === undefined) && next.from === 'caller') {
    return `${thought}\n${next.value}`;
  }
  return undefined;
}

function lastPlannerTurn(history: readonly HistoryTurn[], before: number): string {
  for (let i = before - 1; i >= 0; i--) {
    const turn = history[i];
    if (turn?.from === 'assistant') return turn.value;
  }
  return '';
}

/** One JSON object per line, `\n` after each (also the last); empty for no records. */
export function toJsonl(records: readonly unknown[]): string {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}
