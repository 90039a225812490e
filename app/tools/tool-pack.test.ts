import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_CHARS, parseToolPack, TOOL_PACK_FORMAT, toolPack, type UserToolData } from './tool-pack';
import { type ToolProblem, toolProblemText } from './tool-pack-messages';

/** The problems as the English page shows them. */
const english = (errors: readonly ToolProblem[]) => errors.map((e) => toolProblemText('en', e));

const slugify: UserToolData = {
  name: 'slugify',
  description: 'Turns a title into a URL slug.',
  parameters: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
  source: 'function run(args) { return args.title.toLowerCase().replace(/[^a-z0-9]+/g, "-"); }',
};

const packText = (tools: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: TOOL_PACK_FORMAT, version: 1, exportedAt: 'x', tools, ...extra });

describe('tool packs', () => {
  it('round-trips: an exported pack imports to the same tools', () => {
    const text = JSON.stringify(toolPack([slugify], new Date('2026-01-01T00:00:00Z')));
    expect(parseToolPack(text)).toEqual({ ok: true, tools: [slugify] });
  });

  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['another kind of file', JSON.stringify({ hello: 1 }), /not a umi-lab tool pack/],
    ['a future version', packText([slugify], { version: 2 }), /version 2.*Update the page/],
    ['no tools', packText([]), /no tools/],
    ['a bad name', packText([{ ...slugify, name: 'has space' }]), /Tool 1 \(has space\): the name/],
    ['no description', packText([{ ...slugify, description: '' }]), /description is missing/],
    ['a non-object schema', packText([{ ...slugify, parameters: { type: 'string' } }]), /type "object"/],
    [
      'an invalid schema',
      packText([{ ...slugify, parameters: { type: 'object', properties: { a: { type: 'nope' } } } }]),
      /not a valid JSON Schema/,
    ],
    ['no run function', packText([{ ...slugify, source: 'return 1' }]), /function run/],
    [
      'a huge source',
      packText([{ ...slugify, source: `function run(){}//${'x'.repeat(MAX_SOURCE_CHARS)}` }]),
      /limit/,
    ],
    ['a duplicate name', packText([slugify, slugify]), /used twice/],
  ])('rejects %s with a clear message', (_label, text, message) => {
    const result = parseToolPack(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.errors).join('\n')).toMatch(message);
  });

  it('refuses to shadow a built-in tool', () => {
    const result = parseToolPack(packText([{ ...slugify, name: 'calculator' }]), new Set(['calculator']));
    expect(!result.ok && result.errors[0]).toEqual({
      code: 'builtinInPack',
      values: { label: { code: 'numberedNamed', values: { n: 1, name: 'calculator' } }, name: 'calculator' },
    });
    expect(!result.ok && english(result.errors)[0]).toBe(
      'Tool 1 (calculator): "calculator" is a built-in tool; rename it.',
    );
  });

  it('reports every problem of every tool at once', () => {
    const result = parseToolPack(
      packText([
        { ...slugify, name: '' },
        { ...slugify, source: '' },
      ]),
    );
    expect(!result.ok && result.errors.length).toBeGreaterThanOrEqual(2);
  });
});
