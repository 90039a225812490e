import type { CallerParse, ToolDefinition } from '../types';
import {
  cleanToolName,
  findJsonSpan,
  isPlainObject,
  parseArgumentValue,
  parseJsonText,
  resolveCall,
  stripCodeFences,
  stripEos,
} from './json';

const ACTION = 'Action:';
const ACTION_INPUT = 'Action Input:';

/**
 * Parses an α-UMi caller output `Action: <name>\nAction Input: <json>` the way the reference
 * code splits it: arguments are the text after the LAST `Action Input:` (default `{}`), the
 * name is the text after the LAST `Action:` up to `Action Input:` (default: none). So with
 * several Action blocks the last one wins. The name is then cleaned (first non-empty line,
 * quotes, backticks, bold) and matched exactly, or case-insensitively when that is unique.
 */
export function parseCallerAlphaUmi(text: string, tools: readonly ToolDefinition[]): CallerParse {
  const body = stripEos(text);
  if (body.trim() === '') {
    return { ok: false, kind: 'empty', message: 'The caller produced no output.' };
  }
  const inputAt = body.lastIndexOf(ACTION_INPUT);
  const rawArguments = inputAt >= 0 ? body.slice(inputAt + ACTION_INPUT.length).trim() : '{}';
  const actionAt = body.lastIndexOf(ACTION);
  if (actionAt < 0) {
    return {
      ok: false,
      kind: 'no_action',
      message: 'The caller output has no "Action:" line naming the tool to call.',
      rawArguments,
    };
  }
  let segment = body.slice(actionAt + ACTION.length);
  const cut = segment.indexOf(ACTION_INPUT);
  if (cut >= 0) segment = segment.slice(0, cut);
  const name = cleanToolName(segment);
  if (name === '') {
    return {
      ok: false,
      kind: 'no_action',
      message: 'The caller output has an empty "Action:" line: no tool name.',
      rawArguments,
    };
  }
  return resolveCall(name, { text: rawArguments }, rawArguments, tools);
}

const CHAT_SHAPE = 'expected one JSON object {"name": <tool>, "arguments": {...}}';

/** Accepts `{name, arguments}`, `parameters` for `arguments`, and OpenAI's `{function: {name, arguments}}`. */
function callFields(object: Record<string, unknown>): { name: unknown; args: unknown } {
  const fn = object.function;
  const source = object.name === undefined && isPlainObject(fn) ? fn : object;
  const args = source.arguments !== undefined ? source.arguments : source.parameters;
  return { name: source.name, args };
}

/**
 * Parses a chat-dialect caller output: one JSON object `{"name": <tool>, "arguments": {...}}`,
 * possibly fenced or wrapped in prose; `arguments` may be an object or a JSON string, and
 * `parameters` is accepted as its alias. A one-element array is unwrapped. Same error kinds
 * and repair/validation pipeline as the α-UMi caller.
 */
export function parseCallerChat(text: string, tools: readonly ToolDefinition[]): CallerParse {
  const body = stripCodeFences(stripEos(text));
  if (body === '') return { ok: false, kind: 'empty', message: 'The caller produced no output.' };
  if (!findJsonSpan(body)) {
    return { ok: false, kind: 'no_action', message: `The caller output has no JSON object: ${CHAT_SHAPE}.` };
  }
  const parsed = parseJsonText(body);
  if (!parsed.ok)
    return {
      ok: false,
      kind: 'invalid_json',
      message: `The caller output is not valid JSON: ${CHAT_SHAPE}.`,
    };
  let value = parsed.value;
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (!isPlainObject(value)) {
    return {
      ok: false,
      kind: 'invalid_json',
      message: `The caller output is not a JSON object: ${CHAT_SHAPE}.`,
    };
  }
  const { name, args } = callFields(value);
  const rawArguments = typeof args === 'string' ? args : args === undefined ? '{}' : JSON.stringify(args);
  const toolName = typeof name === 'string' ? cleanToolName(name) : '';
  if (toolName === '') {
    const problem = name === undefined ? 'has no "name"' : 'has a "name" that is not a tool name';
    return {
      ok: false,
      kind: 'no_action',
      message: `The caller output ${problem}: ${CHAT_SHAPE}.`,
      rawArguments,
    };
  }
  const argValue = parseArgumentValue(args, parsed.repaired);
  if (!argValue.ok) {
    // Only a string `arguments` can fail here; resolveCall re-parses it to report it with the tool name.
    return resolveCall(toolName, { text: rawArguments }, rawArguments, tools);
  }
  return resolveCall(toolName, argValue, rawArguments, tools);
}
