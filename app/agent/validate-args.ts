import { type OutputUnit, type Schema, Validator } from '@cfworker/json-schema';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json' with { type: 'json' };
import type { JsonSchema, ToolDefinition } from './types';

/**
 * Validates tool arguments against the tool's JSON Schema. Tool schemas are data (built-in
 * tools, the user's own tools, tool packs), so they are validated at run time — with
 * @cfworker/json-schema, which interprets the schema instead of compiling it to JavaScript.
 * ajv compiles with `new Function`, which the page's Content-Security-Policy forbids (no
 * 'unsafe-eval'); fixed schemas (the trace file) are compiled by ajv at build time instead
 * (scripts/gen-validators.ts). Validators are cached per schema object.
 */
const cache = new WeakMap<JsonSchema, Validator | Error>();
const metaSchema = new Validator(draft07 as Schema, '7', false);

export type ArgsValidation = { ok: true } | { ok: false; message: string };

/** Why `schema` is not a usable JSON Schema (draft-07), or undefined when it is. */
export function schemaProblem(schema: JsonSchema): string | undefined {
  const result = metaSchema.validate(schema);
  if (result.valid) return undefined;
  const leaf = result.errors.filter((e) => !WRAPPERS.has(e.keyword)).at(-1) ?? result.errors[0];
  const where = leaf?.instanceLocation.replace(/^#\/?/, '').replaceAll('/', '.') || 'the schema';
  return `${where}: ${leaf?.error ?? 'does not follow JSON Schema'}`;
}

function compile(schema: JsonSchema): Validator | Error {
  const hit = cache.get(schema);
  if (hit) return hit;
  const problem = schemaProblem(schema);
  const compiled = problem
    ? new Error(`the tool's parameter schema is invalid: ${problem}`)
    : new Validator(schema as Schema, '7', false);
  cache.set(schema, compiled);
  return compiled;
}

/** Units that only say "something inside failed": their inner units say what. */
const WRAPPERS = new Set(['properties', 'items', 'prefixItems', 'allOf', '$ref', 'false', 'additionalItems']);

/** The schema value at a `#/a/b` keyword location. */
function at(schema: JsonSchema, location: string): unknown {
  let node: unknown = schema;
  for (const raw of location.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}

function quoted(error: string): string {
  return /"([^"]*)"/.exec(error)?.[1] ?? '?';
}

function sentence(unit: OutputUnit, schema: JsonSchema): string {
  const path = unit.instanceLocation.replace(/^#\/?/, '').replaceAll('/', '.');
  const where = path ? `argument "${path}"` : 'arguments';
  switch (unit.keyword) {
    case 'required':
      return `missing required argument "${path ? `${path}.` : ''}${quoted(unit.error)}"`;
    case 'additionalProperties':
      return `unknown argument "${path ? `${path}.` : ''}${quoted(unit.error)}"`;
    case 'enum': {
      const allowed = at(schema, unit.keywordLocation);
      const list = Array.isArray(allowed) ? allowed.map((v) => JSON.stringify(v)).join(', ') : '';
      return `${where} must be one of ${list}`;
    }
    case 'type': {
      const type = at(schema, unit.keywordLocation);
      return `${where} must be ${Array.isArray(type) ? type.join(' or ') : String(type)}`;
    }
    default:
      return `${where}: ${unit.error.replace(/^Instance /, '')}`;
  }
}

/** Checks `args` against `tool.parameters`; the message names the wrong argument. */
export function validateArguments(tool: ToolDefinition, args: unknown): ArgsValidation {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return { ok: false, message: `arguments for ${tool.name} must be a JSON object` };
  }
  const validator = compile(tool.parameters);
  if (validator instanceof Error) return { ok: false, message: validator.message };
  const result = validator.validate(args);
  if (result.valid) return { ok: true };
  const errors = result.errors
    .filter((unit) => !WRAPPERS.has(unit.keyword))
    .map((unit) => sentence(unit, tool.parameters));
  return { ok: false, message: `invalid arguments for ${tool.name}: ${[...new Set(errors)].join('; ')}` };
}
