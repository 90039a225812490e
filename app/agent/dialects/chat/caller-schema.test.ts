import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../../types';
import { callerSchema, callerSchemaString } from './caller-schema';

const tools: ToolDefinition[] = [
  {
    name: 'calculator',
    description: 'Evaluates a math expression.',
    parameters: {
      type: 'object',
      properties: { expression: { type: 'string' } },
      required: ['expression'],
      additionalProperties: false,
    },
  },
  {
    name: 'date_diff',
    description: 'Days between two dates.',
    parameters: {
      type: 'object',
      properties: { from: { type: 'string' }, to: { type: 'string' }, inclusive: { type: 'boolean' } },
      required: ['from', 'to'],
      additionalProperties: false,
    },
  },
  { name: 'now', description: 'The time.', parameters: { type: 'object', properties: {} } },
];

describe('caller schema', () => {
  // Default ajv options: strict mode also checks the schema itself is well-formed.
  const validate = new Ajv().compile(callerSchema(tools));

  it.each([
    ['calculator', { expression: '2^10' }],
    ['date_diff', { from: '2024-01-01', to: '2024-02-01' }],
    ['date_diff', { from: '2024-01-01', to: '2024-02-01', inclusive: true }],
    ['now', {}],
  ])('admits a valid call of %s', (name, args) => {
    expect(validate({ name, arguments: args }), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['an unknown tool', { name: 'weather', arguments: {} }],
    ['an ill-typed argument', { name: 'calculator', arguments: { expression: 3 } }],
    ['a missing argument', { name: 'date_diff', arguments: { from: '2024-01-01' } }],
    ['missing arguments', { name: 'now' }],
    ['arguments that are not an object', { name: 'now', arguments: [] }],
    ['an extra key', { name: 'calculator', arguments: { expression: '1' }, why: 'x' }],
    ["one tool's arguments under another's name", { name: 'calculator', arguments: { from: 'a', to: 'b' } }],
    ['a bare string', 'calculator'],
  ])('rejects %s', (_label, value) => {
    expect(validate(value)).toBe(false);
  });

  it('has one branch per tool, in the order of the tools', () => {
    const branches = callerSchema(tools).anyOf as { properties: { name: { const: string } } }[];
    expect(branches.map((b) => b.properties.name.const)).toEqual(['calculator', 'date_diff', 'now']);
  });

  it('is the same string for the same tools, turn after turn', () => {
    const first = callerSchemaString(tools);
    expect(callerSchemaString(tools)).toBe(first);
    expect(callerSchemaString(structuredClone(tools))).toBe(first);
    expect(JSON.parse(first)).toEqual(callerSchema(tools));
    expect(callerSchemaString([...tools].reverse())).not.toBe(first);
  });
});
