import type { JsonSchema, ToolDefinition } from '../../types';

/**
 * The caller's output schema: one `anyOf` branch per enabled tool, `name` a `const`, and
 * `arguments` that tool's own parameter schema. Under constrained decoding a hallucinated
 * tool name or an ill-typed argument cannot be generated. (Checked against XGrammar, the
 * compiler WebLLM uses: `anyOf` with `const` compiles and rejects unknown names, wrong
 * types and extra keys.)
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
