/**
 * The GLPFT prompt format the released α-UMi models were trained on, byte for byte.
 * The typos ("assess", "Base on", "a following format") are part of the format.
 * Golden data: `shared/fixtures/alpha-umi/train_*.json` (see prompts.test.ts).
 */
import { pyJsonDumps } from '../../py-json';
import type { AlphaUmiToolDoc, ToolDefinition, ToolDocStyle } from '../../types';

/** One turn of the conversation, in the shape of the fixtures' `history` and `conversations`. */
export type HistoryRole = 'user' | 'assistant' | 'caller' | 'observation' | 'conclusion';
export type HistoryTurn = { from: HistoryRole; value: string };

export const PLANNER_TEMPLATE =
  "You have assess to the following apis:\n{doc}\nThe conversation history is:\n{history}\nYou are the assistant to plan what to do next and whether is caller's or conclusion's turn to answer.\nAnswer with a following format:\nThe thought of the next step, followed by Next: caller or conclusion or give up.";

export const CALLER_TEMPLATE =
  'You have assess to the following apis:\n{doc}\nThe conversation history is:\n{history}\nThe thought of this step is:\n{thought}\nBase on the thought make an api call in the following format:\nAction: the name of api that should be called in this step, should be exactly in [{tool_names}],\nAction Input: the api call request.';

export const SUMMARIZER_TEMPLATE = 'Make a conclusion based on the conversation history:\n{history}';

export const BACKBONE_TEMPLATE =
  'You have assess to the following apis:\n{doc}\nThe conversation history is:\n{history}\nYou should answer the action of next step in the following format:\nThe thought to solve the question,\nAction: the name of api that should be called in this step, should be exactly in [{tool_names}],\nAction Input: the api call request.\nOnce you think the question is finished, output conclusion: the final answer of the question or give up if you think you cannot answer this question.\n';

/** Appended after the filled template; the model's output follows directly. */
export const ROLE_CUES = {
  planner: ' assistant: ',
  caller: ' caller: ',
  summarizer: ' conclusion: ',
  backbone: ' assistant: ',
} as const;

/** The end-of-turn token the models were trained with (LLaMA-2's `</s>`). */
export const END_OF_TURN = '</s>';

/** `Next: caller.` and friends as the data writes them. */
export type PlannerMarkerDecision = 'caller' | 'conclusion' | 'give up';

/**
 * A planner turn as the data stores it: the thought, a newline, a space, the marker
 * (`thought\n Next: caller.`). An empty thought gives ` Next: caller.` (seen in the data).
 */
export function withPlannerMarker(thought: string, decision: PlannerMarkerDecision): string {
  const marker = ` Next: ${decision}.`;
  return thought === '' ? marker : `${thought}\n${marker}`;
}

const TRAILING_MARKER = /\s*Next: (caller|conclusion|give up)\.\s*$/;

/** Splits a stored planner turn into its thought (trailing whitespace removed) and final marker. */
export function splitPlannerMarker(value: string): { thought: string; decision?: PlannerMarkerDecision } {
  const match = TRAILING_MARKER.exec(value);
  if (!match) return { thought: value };
  return { thought: value.slice(0, match.index), decision: match[1] as PlannerMarkerDecision };
}

/** Python's `str.replace` chained in order: literal, every occurrence, no `$&` expansion. */
export function fillTemplate(template: string, values: readonly (readonly [string, string])[]): string {
  let text = template;
  for (const [key, value] of values) text = text.split(`{${key}}`).join(value);
  return text;
}

/** `{doc}`: Python `json.dumps(tool)` plus `\n` per tool. */
export function formatToolDocs(tools: readonly AlphaUmiToolDoc[]): string {
  return tools.map((tool) => `${pyJsonDumps(tool)}\n`).join('');
}

/** `{tool_names}`. */
export function formatToolNames(tools: readonly AlphaUmiToolDoc[]): string {
  return tools.map((tool) => tool.Name).join(', ');
}

/** One turn: `from: value</s>`, except observations, which carry no `</s>`. */
export function formatTurn(turn: HistoryTurn): string {
  const text = `${turn.from}: ${turn.value}`;
  return turn.from === 'observation' ? text : text + END_OF_TURN;
}

/** `{history}` for the planner, caller and summarizer: turns concatenated with no separator. */
export function formatHistory(history: readonly HistoryTurn[]): string {
  return history.map(formatTurn).join('');
}

/**
 * `{history}` for the backbone: each planner turn and the call after it become one turn,
 * `assistant: thought\nAction: ...\nAction Input: ...</s>` (marker and whitespace before it
 * removed; an empty thought leaves `assistant: \nAction: ...`, as in the data).
 *
 * Planner turns that end a run never appear in the golden histories; they are rendered
 * the way the backbone writes its own final turn (`thought\nconclusion: answer`, or
 * `thought\nconclusion: give up.`) so that a backbone history stored in planner shape
 * reads back as what the backbone wrote.
 */
export function formatBackboneHistory(history: readonly HistoryTurn[]): string {
  let text = '';
  for (let i = 0; i < history.length; i++) {
    const turn = history[i] as HistoryTurn;
    const next = history[i + 1];
    if (turn.from === 'assistant') {
      const { thought, decision } = splitPlannerMarker(turn.value);
      if (next?.from === 'caller' && (decision === 'caller' || decision === undefined)) {
        text += formatTurn({ from: 'assistant', value: `${thought}\n${next.value}` });
        i++;
        continue;
      }
      if (next?.from === 'conclusion' && decision === 'conclusion') {
        text += formatTurn({ from: 'assistant', value: `${thought}\nconclusion: ${next.value}` });
        i++;
        continue;
      }
      if (decision === 'give up') {
        text += formatTurn({ from: 'assistant', value: `${thought}\nconclusion: give up.` });
        continue;
      }
    }
    text += formatTurn(turn);
  }
  return text;
}

function toolValues(tools: readonly AlphaUmiToolDoc[]): [string, string][] {
  return [
    ['doc', formatToolDocs(tools)],
    ['tool_names', formatToolNames(tools)],
  ];
}

export function buildPlannerPrompt(
  tools: readonly AlphaUmiToolDoc[],
  history: readonly HistoryTurn[],
): string {
  const text = fillTemplate(PLANNER_TEMPLATE, [...toolValues(tools), ['history', formatHistory(history)]]);
  return text + ROLE_CUES.planner;
}

/** `history` already ends with this step's planner turn; `thought` is that turn's text. */
export function buildCallerPrompt(
  tools: readonly AlphaUmiToolDoc[],
  history: readonly HistoryTurn[],
  thought: string,
): string {
  const text = fillTemplate(CALLER_TEMPLATE, [
    ...toolValues(tools),
    ['history', formatHistory(history)],
    ['thought', thought],
  ]);
  return text + ROLE_CUES.caller;
}

/** `history` already ends with the planner turn that handed over to the conclusion. */
export function buildSummarizerPrompt(history: readonly HistoryTurn[]): string {
  return fillTemplate(SUMMARIZER_TEMPLATE, [['history', formatHistory(history)]]) + ROLE_CUES.summarizer;
}

/** `history` in planner shape (planner and caller turns apart); merged here. */
export function buildBackbonePrompt(
  tools: readonly AlphaUmiToolDoc[],
  history: readonly HistoryTurn[],
): string {
  const text = fillTemplate(BACKBONE_TEMPLATE, [
    ...toolValues(tools),
    ['history', formatBackboneHistory(history)],
  ]);
  return text + ROLE_CUES.backbone;
}

/**
 * A tool in the GLPFT listing: `input` maps each parameter (in schema order) to
 * `"type, description"`, as ToolBench writes `"string, "` for an undescribed string.
 * Required and optional parameters are not told apart: the format has no place for it.
 */
export function toAlphaUmiToolDoc(tool: ToolDefinition): AlphaUmiToolDoc {
  const properties = tool.parameters.properties;
  const input: Record<string, string> = {};
  if (isRecord(properties)) {
    for (const [name, schema] of Object.entries(properties)) {
      const property = isRecord(schema) ? schema : {};
      const description = typeof property.description === 'string' ? property.description : '';
      input[name] = `${schemaTypeName(property)}, ${description}`;
    }
  }
  return { Name: tool.name, function: tool.description, input };
}

/**
 * How `{doc}` lists the tools. `full` is the GLPFT format. `compact` is the named variant the
 * built-in tiny models were trained with: the same JSON shape with no description and the
 * parameter types only, which makes a planner prompt about 4× shorter at this vocabulary
 * (scripts/train/README.md measures it). The typos and the rest of every template stay.
 */
export type { ToolDocStyle };
export const TOOL_DOC_STYLES: readonly ToolDocStyle[] = ['full', 'compact'];

/** `toAlphaUmiToolDoc`, shortened when `style` is `compact`. */
export function toolDocFor(tool: ToolDefinition, style: ToolDocStyle = 'full'): AlphaUmiToolDoc {
  const doc = toAlphaUmiToolDoc(tool);
  if (style === 'full') return doc;
  const input: Record<string, string> = {};
  for (const [name, text] of Object.entries(doc.input)) input[name] = text.slice(0, text.indexOf(', '));
  return { Name: doc.Name, function: '', input };
}

/** ToolBench's type words are JSON Schema's (`string`, `integer`, `boolean`, ...). */
function schemaTypeName(schema: Record<string, unknown>): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const named = type.filter((t): t is string => typeof t === 'string' && t !== 'null');
    if (named.length > 0) return named.join(' or ');
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return 'string';
  if (isRecord(schema.properties)) return 'object';
  if (isRecord(schema.items)) return 'array';
  return 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
