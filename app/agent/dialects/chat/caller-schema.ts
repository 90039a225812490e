import type { JsonSchema, ToolDefinition } from '../../types';

/**
 * The caller's output schema: one `anyOf` branch per enabled tool, `name` a `const`, and
 * `arguments` that tool's own parameter schema. Under constrained decoding a hallucinated
 * tool name or an ill-typed argument cannot be generated.
 *
 * Checked against XGrammar 0.1.27, the compiler inside WebLLM 0.2.86 (see xgrammar.test.ts):
 * `anyOf` and `oneOf`, `const` and one-value `enum` all compile; properties are generated in
 * schema order, so the model commits to `name` before it writes `arguments`; WebLLM compiles in
 * strict mode, so keys a tool's schema does not list are refused even without
 * `additionalProperties: false`. Needs at least one tool: XGrammar compiles `anyOf: []` to a
 * grammar of the empty string.
 */
export function callerSchema(tools: readonly ToolDefinition[]): JsonSchema {
  return {
    anyOf: tools.map((tool) => ({
      type: 'object',
      properties: {
        name: { const: tool.name },
        arguments: tool.parameters,
      },
      required: ['name', 'arguments'],
      additionalProperties: false,
    })),
  };
}

const cache = new WeakMap<readonly ToolDefinition[], string>();

/**
 * The schema as the string WebLLM takes. The same tool list gives the same string (and the
 * same string object while the list is the same array), so WebLLM reuses its compiled grammar
 * across the turns of a run.
 */
export function callerSchemaString(tools: readonly ToolDefinition[]): string {
  const hit = cache.get(tools);
  if (hit !== undefined) return hit;
  const text = JSON.stringify(callerSchema(tools));
  cache.set(tools, text);
  return text;
}
