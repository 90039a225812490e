import type { JsonSchema, ToolDefinition } from '../agent/types';
import { schemaProblem } from '../agent/validate-args';
import type { ToolLabel, ToolProblem } from './tool-pack-messages';

/**
 * A tool pack: user tools as a JSON file, for sharing and backup. Import validates the whole
 * file before anything is stored, so a bad file changes nothing.
 */
export const TOOL_PACK_FORMAT = 'umi-lab.tool-pack';
export const TOOL_PACK_VERSION = 1;
export const MAX_SOURCE_CHARS = 64 * 1024;
const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** A tool written by the user: a definition plus JavaScript source run in the sandbox. */
export interface UserToolData {
  name: string;
  description: string;
  parameters: JsonSchema;
  /** Defines `function run(args) { ... }`; its return value is the tool's result. */
  source: string;
  examples?: string[];
}

export interface ToolPack {
  format: typeof TOOL_PACK_FORMAT;
  version: typeof TOOL_PACK_VERSION;
  exportedAt: string;
  tools: UserToolData[];
}

/** The problems are coded messages (tool-pack-messages.ts), shown in the interface language. */
export type PackValidation = { ok: true; tools: UserToolData[] } | { ok: false; errors: ToolProblem[] };

/** Checks one user tool; returns what is wrong (empty when it is fine). */
export function checkUserTool(tool: unknown, label: ToolLabel = { code: 'theTool' }): ToolProblem[] {
  if (typeof tool !== 'object' || tool === null || Array.isArray(tool))
    return [{ code: 'notObject', values: { label } }];
  const t = tool as Record<string, unknown>;
  const errors: ToolProblem[] = [];
  if (typeof t.name !== 'string' || !TOOL_NAME.test(t.name)) {
    errors.push({ code: 'badName', values: { label, got: String(JSON.stringify(t.name)) } });
  }
  if (typeof t.description !== 'string' || t.description.trim() === '') {
    errors.push({ code: 'noDescription', values: { label } });
  }
  const params = t.parameters;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    errors.push({ code: 'paramsNotObject', values: { label } });
  } else if ((params as JsonSchema).type !== 'object') {
    errors.push({ code: 'paramsNotObjectType', values: { label } });
  } else {
    const problem = schemaProblem(params as JsonSchema);
    if (problem) errors.push({ code: 'paramsInvalid', values: { label, error: problem } });
  }
  if (typeof t.source !== 'string' || t.source.trim() === '') {
    errors.push({ code: 'emptySource', values: { label } });
  } else if (t.source.length > MAX_SOURCE_CHARS) {
    errors.push({ code: 'longSource', values: { label, n: t.source.length, max: MAX_SOURCE_CHARS } });
  } else if (!/\bfunction\s+run\s*\(|\brun\s*=/.test(t.source)) {
    errors.push({ code: 'noRun', values: { label } });
  }
  if (
    t.examples !== undefined &&
    (!Array.isArray(t.examples) || t.examples.some((e) => typeof e !== 'string'))
  ) {
    errors.push({ code: 'examples', values: { label } });
  }
  return errors;
}

/**
 * Validates a pack file's text. `reserved` are names the pack may not use (the built-in
 * tools). Every problem is reported, with the tool's position and name.
 */
export function parseToolPack(text: string, reserved: ReadonlySet<string> = new Set()): PackValidation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ code: 'notJson', values: { error: (error as Error).message } }] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ code: 'notPack' }] };
  }
  const pack = data as Record<string, unknown>;
  if (pack.format !== TOOL_PACK_FORMAT) {
    return { ok: false, errors: [{ code: 'notUmiPack', values: { format: TOOL_PACK_FORMAT } }] };
  }
  if (typeof pack.version !== 'number' || pack.version > TOOL_PACK_VERSION) {
    return {
      ok: false,
      errors: [{ code: 'newer', values: { version: String(pack.version), current: TOOL_PACK_VERSION } }],
    };
  }
  if (!Array.isArray(pack.tools) || pack.tools.length === 0) {
    return { ok: false, errors: [{ code: 'noTools' }] };
  }
  const errors: ToolProblem[] = [];
  const seen = new Set<string>();
  pack.tools.forEach((tool, i) => {
    const name = (tool as { name?: unknown } | null)?.name;
    const label: ToolLabel =
      typeof name === 'string'
        ? { code: 'numberedNamed', values: { n: i + 1, name } }
        : { code: 'numbered', values: { n: i + 1 } };
    errors.push(...checkUserTool(tool, label));
    if (typeof name === 'string') {
      if (seen.has(name)) errors.push({ code: 'twice', values: { label } });
      if (reserved.has(name)) errors.push({ code: 'builtinInPack', values: { label, name } });
      seen.add(name);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  const tools = (pack.tools as UserToolData[]).map((t) => ({
    name: t.name,
    description: t.description,
    parameters: t.parameters,
    source: t.source,
    ...(t.examples ? { examples: t.examples } : {}),
  }));
  return { ok: true, tools };
}

export function toolPack(tools: readonly UserToolData[], now = new Date()): ToolPack {
  return {
    format: TOOL_PACK_FORMAT,
    version: TOOL_PACK_VERSION,
    exportedAt: now.toISOString(),
    tools: [...tools],
  };
}

export function definitionOf(tool: UserToolData): ToolDefinition {
  return { name: tool.name, description: tool.description, parameters: tool.parameters };
}
