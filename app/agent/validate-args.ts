import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { JsonSchema, ToolDefinition } from './types';

/**
 * Validates tool arguments against the tool's JSON Schema (ajv). Compiled validators are
 * cached per schema object, so validating every call of a run compiles each schema once.
 */
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
const cache = new WeakMap<JsonSchema, ValidateFunction | Error>();

export type ArgsValidation = { ok: true } | { ok: false; message: string };

function compile(schema: JsonSchema): ValidateFunction | Error {
  const hit = cache.get(schema);
  if (hit) return hit;
  let compiled: ValidateFunction | Error;
  try {
    compiled = ajv.compile(schema);
  } catch (error) {
    compiled = new Error(`the tool's parameter schema is invalid: ${(error as Error).message}`);
  }
  cache.set(schema, compiled);
  return compiled;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath
    ? `argument "${error.instancePath.slice(1).replaceAll('/', '.')}"`
    : 'arguments';
  if (error.keyword === 'required') {
    return `missing required argument "${String(error.params.missingProperty)}"`;
  }
  if (error.keyword === 'additionalProperties') {
    return `unknown argument "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[] | undefined) ?? [];
    return `${where} must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** Checks `args` against `tool.parameters`; the message names the wrong argument. */
export function validateArguments(tool: ToolDefinition, args: unknown): ArgsValidation {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) {
    return { ok: false, message: `arguments for ${tool.name} must be a JSON object` };
  }
  const validate = compile(tool.parameters);
  if (validate instanceof Error) return { ok: false, message: validate.message };
  if (validate(args)) return { ok: true };
  const errors = (validate.errors ?? []).map(describe);
  return { ok: false, message: `invalid arguments for ${tool.name}: ${[...new Set(errors)].join('; ')}` };
}
