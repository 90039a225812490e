import type { JsonSchema, ToolDefinition } from '../agent/types';
import { schemaProblem } from '../agent/validate-args';

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

export type PackValidation = { ok: true; tools: UserToolData[] } | { ok: false; errors: string[] };

/** Checks one user tool; returns sentences naming what is wrong (empty when it is fine). */
export function checkUserTool(tool: unknown, label = 'The tool'): string[] {
  if (typeof tool !== 'object' || tool === null || Array.isArray(tool)) return [`${label} is not an object.`];
  const t = tool as Record<string, unknown>;
  const errors: string[] = [];
  if (typeof t.name !== 'string' || !TOOL_NAME.test(t.name)) {
    errors.push(
      `${label}: the name must be 1–64 letters, digits, "_" or "-" (got ${JSON.stringify(t.name)}).`,
    );
  }
  if (typeof t.description !== 'string' || t.description.trim() === '') {
    errors.push(`${label}: the description is missing (the models read it to choose the tool).`);
  }
  const params = t.parameters;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    errors.push(`${label}: "parameters" must be a JSON Schema object.`);
  } else if ((params as JsonSchema).type !== 'object') {
    errors.push(`${label}: "parameters" must be a JSON Schema of type "object".`);
  } else {
    const problem = schemaProblem(params as JsonSchema);
    if (problem) errors.push(`${label}: "parameters" is not a valid JSON Schema (${problem}).`);
  }
  if (typeof t.source !== 'string' || t.source.trim() === '') {
    errors.push(`${label}: the JavaScript source is empty.`);
  } else if (t.source.length > MAX_SOURCE_CHARS) {
    errors.push(`${label}: the source is ${t.source.length} characters; the limit is ${MAX_SOURCE_CHARS}.`);
  } else if (!/\bfunction\s+run\s*\(|\brun\s*=/.test(t.source)) {
    errors.push(`${label}: the source must define \`function run(args) { ... }\`.`);
  }
  if (
    t.examples !== undefined &&
    (!Array.isArray(t.examples) || t.examples.some((e) => typeof e !== 'string'))
  ) {
    errors.push(`${label}: "examples" must be a list of strings.`);
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
    return { ok: false, errors: [`The file is not JSON: ${(error as Error).message}.`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['The file is not a tool pack (expected a JSON object).'] };
  }
  const pack = data as Record<string, unknown>;
  if (pack.format !== TOOL_PACK_FORMAT) {
    return {
      ok: false,
      errors: [`The file is not a umi-lab tool pack ("format" should be "${TOOL_PACK_FORMAT}").`],
    };
  }
  if (typeof pack.version !== 'number' || pack.version > TOOL_PACK_VERSION) {
    return {
      ok: false,
      errors: [
        `The tool pack is version ${String(pack.version)}; this version of umi-lab reads version ${TOOL_PACK_VERSION}. Update the page to import it.`,
      ],
    };
  }
  if (!Array.isArray(pack.tools) || pack.tools.length === 0) {
    return { ok: false, errors: ['The tool pack has no tools.'] };
  }
  const errors: string[] = [];
  const seen = new Set<string>();
  pack.tools.forEach((tool, i) => {
    const name = (tool as { name?: unknown } | null)?.name;
    const label = `Tool ${i + 1}${typeof name === 'string' ? ` (${name})` : ''}`;
    errors.push(...checkUserTool(tool, label));
    if (typeof name === 'string') {
      if (seen.has(name)) errors.push(`${label}: the name is used twice in the pack.`);
      if (reserved.has(name)) errors.push(`${label}: "${name}" is a built-in tool; rename it.`);
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
