import { jsonrepair } from 'jsonrepair';
import type { CallerParse, ToolDefinition } from '../types';
import { validateArguments } from '../validate-args';

/**
 * Shared pieces of the caller parsers of both dialects: cleaning model text, finding the
 * JSON value in it, parsing with a jsonrepair fallback, resolving the tool and validating
 * the arguments. Nothing here throws on model text.
 */

/**
 * Removes a trailing `</s>` (the LLaMA end-of-sequence token when it is decoded as text), and
 * repeats of it. Text without one comes back unchanged. (Loops instead of a regex: a pattern
 * like `\s*<\/s>$` backtracks quadratically over long runs of whitespace.)
 */
export function stripEos(text: string): string {
  let current = text;
  for (;;) {
    const trimmed = current.trimEnd();
    if (!trimmed.endsWith('</s>')) return current;
    current = trimmed.slice(0, -'</s>'.length);
  }
}

const LEADING_FENCE = /^```[A-Za-z0-9_+-]*/;

/** Removes Markdown code fences around the whole text, nested ones included. */
export function stripCodeFences(text: string): string {
  let current = text.trim();
  for (;;) {
    let next = current.replace(LEADING_FENCE, '').trim();
    if (next.endsWith('```')) next = next.slice(0, -3).trim();
    if (next === current) return current;
    current = next;
  }
}

export interface JsonSpan {
  start: number;
  end: number;
  /** False when the text ended before the value closed (truncated output). */
  complete: boolean;
}

function scanValue(text: string, start: number): JsonSpan {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) {
        quote = '';
        if (depth === 0) return { start, end: i + 1, complete: true };
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return { start, end: i + 1, complete: true };
    }
  }
  return { start, end: text.length, complete: false };
}

/**
 * Finds the JSON value in `text`: from the first `{` to its balanced closing brace, skipping
 * brackets inside strings. Exceptions: a text that starts with `[` is an array, and a text
 * that is exactly one JSON string is that string (arguments double-encoded as a string).
 * Single-quoted strings count as strings too, so Python-style dicts balance. Returns null
 * when there is no `{` to start from.
 */
export function findJsonSpan(text: string): JsonSpan | null {
  const lead = text.search(/\S/);
  if (lead < 0) return null;
  if (text.charAt(lead) === '[') return scanValue(text, lead);
  if (text.charAt(lead) === '"') {
    const string = scanValue(text, lead);
    if (string.complete && text.slice(string.end).trim() === '') return string;
  }
  const brace = text.indexOf('{');
  return brace < 0 ? null : scanValue(text, brace);
}

export type JsonParse = { ok: true; value: unknown; repaired: boolean } | { ok: false; message: string };

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

/**
 * Parses the JSON value in model text: strips fences, cuts prose around the value, tries
 * `JSON.parse`, then jsonrepair. Empty text parses as `{}`. A non-JSON text that jsonrepair
 * can only turn into a bare string or number is a failure, not a value.
 */
export function parseJsonText(text: string): JsonParse {
  const cleaned = stripCodeFences(stripEos(text));
  if (cleaned === '') return { ok: true, value: {}, repaired: false };
  const span = findJsonSpan(cleaned);
  const candidate = span ? cleaned.slice(span.start, span.end) : cleaned;
  try {
    return { ok: true, value: JSON.parse(candidate), repaired: false };
  } catch {
    // fall through to repair
  }
  try {
    const value: unknown = JSON.parse(jsonrepair(candidate));
    if (span || typeof value === 'object') return { ok: true, value, repaired: true };
  } catch {
    // fall through to the failure below
  }
  return { ok: false, message: `the arguments are not valid JSON: ${snippet(cleaned)}` };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Arguments as the models write them: `null` means no arguments, and a JSON string that
 * holds an object (`"{\"q\": 1}"`, double-encoded) is unwrapped once.
 */
export function parseArgumentValue(value: unknown, repaired: boolean): JsonParse {
  if (value === null || value === undefined) return { ok: true, value: {}, repaired };
  if (typeof value === 'string' && /^\s*(?:```|\{)/.test(value)) {
    const inner = parseJsonText(value);
    if (!inner.ok) return inner;
    return { ok: true, value: inner.value ?? {}, repaired: repaired || inner.repaired };
  }
  return { ok: true, value, repaired };
}

const NAME_DECORATION = new Set(['*', '`', "'", '"', ' ', '\t', '\r']);

function trimDecoration(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && NAME_DECORATION.has(text.charAt(start))) start++;
  while (end > start && NAME_DECORATION.has(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Cleans a tool name as models decorate it: quotes, backticks, Markdown bold, a final period. */
export function cleanToolName(raw: string): string {
  const line = raw.split('\n').find((l) => l.trim() !== '') ?? '';
  const name = trimDecoration(line);
  return name.endsWith('.') ? trimDecoration(name.slice(0, -1)) : name;
}

/**
 * Finds the tool: exact name first, then a case-insensitive match if it is unique
 * (a 7B model writing `Get_Weather` for `get_weather` still means that tool).
 */
export function findTool(name: string, tools: readonly ToolDefinition[]): ToolDefinition | undefined {
  const exact = tools.find((t) => t.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  const loose = tools.filter((t) => t.name.toLowerCase() === lower);
  return loose.length === 1 ? loose[0] : undefined;
}

export function unknownToolMessage(name: string, tools: readonly ToolDefinition[]): string {
  const available = tools.length > 0 ? tools.map((t) => t.name).join(', ') : '(none)';
  // A runaway "name" can be kilobytes long; the message only needs to recognise it.
  const shown = name.length > 100 ? `${name.slice(0, 100)}…` : name;
  return `No such tool "${shown}". Available tools: ${available}.`;
}

/**
 * The tail of both caller pipelines: tool lookup, argument parsing and validation.
 * `args` is either the raw argument text or an already parsed value.
 */
export function resolveCall(
  name: string,
  args: { text: string } | { value: unknown; repaired: boolean },
  rawArguments: string,
  tools: readonly ToolDefinition[],
): CallerParse {
  const tool = findTool(name, tools);
  if (!tool)
    return { ok: false, kind: 'unknown_tool', message: unknownToolMessage(name, tools), name, rawArguments };
  const first = 'text' in args ? parseJsonText(args.text) : { ok: true as const, ...args };
  const parsed = first.ok ? parseArgumentValue(first.value, first.repaired) : first;
  if (!parsed.ok) {
    return {
      ok: false,
      kind: 'invalid_json',
      message: `${tool.name}: ${parsed.message}`,
      name: tool.name,
      rawArguments,
    };
  }
  const validation = validateArguments(tool, parsed.value);
  if (!validation.ok) {
    return {
      ok: false,
      kind: 'invalid_arguments',
      message: validation.message,
      name: tool.name,
      rawArguments,
    };
  }
  return {
    ok: true,
    call: { name: tool.name, arguments: parsed.value as Record<string, unknown> },
    rawArguments,
    repaired: parsed.repaired,
  };
}
