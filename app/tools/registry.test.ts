import { describe, expect, it } from 'vitest';
import type { ToolDefinition } from '../agent/types';
import { ToolDefinitionError, UnknownToolError } from './errors';
import { type BuiltinTool, createDefaultRegistry, type SandboxTool, ToolRegistry } from './registry';

function definition(name: string, parameters: Record<string, unknown> = { type: 'object' }): ToolDefinition {
  return { name, description: `does ${name}`, parameters };
}

function builtin(name: string): BuiltinTool {
  return { definition: definition(name), run: async () => name };
}

describe('ToolRegistry', () => {
  it('registers, gets and lists tools in registration order', () => {
    const registry = new ToolRegistry();
    const a = builtin('alpha');
    registry.register(a);
    registry.register(builtin('beta'));
    expect(registry.has('alpha')).toBe(true);
    expect(registry.has('gamma')).toBe(false);
    expect(registry.get('alpha')).toBe(a);
    expect(registry.get('gamma')).toBeUndefined();
    expect(registry.list().map((t) => t.definition.name)).toEqual(['alpha', 'beta']);
    expect(registry.definitions()).toEqual([a.definition, definition('beta')]);
  });

  it('enables tools by default and can register them disabled', () => {
    const registry = new ToolRegistry();
    registry.register(builtin('alpha'));
    registry.register(builtin('beta'), { enabled: false });
    expect(registry.isEnabled('alpha')).toBe(true);
    expect(registry.isEnabled('beta')).toBe(false);
    expect(registry.definitions().map((d) => d.name)).toEqual(['alpha']);
  });

  it('enables and disables, keeping the listing order', () => {
    const registry = new ToolRegistry();
    for (const name of ['a', 'b', 'c']) registry.register(builtin(name));
    registry.disable('a');
    registry.disable('b');
    expect(registry.definitions().map((d) => d.name)).toEqual(['c']);
    registry.enable('a');
    registry.setEnabled('b', true);
    expect(registry.definitions().map((d) => d.name)).toEqual(['a', 'b', 'c']);
    registry.setEnabled('c', false);
    expect(registry.resolve('c')).toBeUndefined();
    expect(registry.resolve('a')?.definition.name).toBe('a');
    expect(registry.list()).toHaveLength(3);
  });

  it('throws UnknownToolError when enabling a tool that does not exist', () => {
    const registry = new ToolRegistry();
    expect(() => registry.enable('ghost')).toThrow(UnknownToolError);
    expect(() => registry.disable('ghost')).toThrow('No such function name: ghost');
  });

  it('refuses duplicates unless replacing', () => {
    const registry = new ToolRegistry();
    registry.register(builtin('alpha'));
    expect(() => registry.register(builtin('alpha'))).toThrow(ToolDefinitionError);
    const replacement = builtin('alpha');
    registry.register(replacement, { replace: true, enabled: false });
    expect(registry.get('alpha')).toBe(replacement);
    expect(registry.isEnabled('alpha')).toBe(false);
    expect(registry.list()).toHaveLength(1);
  });

  it('unregisters', () => {
    const registry = new ToolRegistry();
    registry.register(builtin('alpha'));
    expect(registry.unregister('alpha')).toBe(true);
    expect(registry.unregister('alpha')).toBe(false);
    expect(registry.has('alpha')).toBe(false);
    expect(registry.definitions()).toEqual([]);
  });

  it.each(['', 'has space', 'dot.name', 'x'.repeat(65), 'émoji'])('rejects the tool name %j', (name) => {
    expect(() => new ToolRegistry().register(builtin(name))).toThrow(ToolDefinitionError);
  });

  it('rejects parameters that are not an object schema', () => {
    const tool: BuiltinTool = { definition: definition('alpha', { type: 'string' }), run: async () => 1 };
    expect(() => new ToolRegistry().register(tool)).toThrow(/type "object"/);
  });

  it('holds sandbox tools next to builtins', () => {
    const registry = new ToolRegistry();
    const sandbox: SandboxTool = {
      kind: 'sandbox',
      definition: definition('js_tool'),
      source: 'export default () => 1',
    };
    registry.register(builtin('alpha'));
    registry.register(sandbox);
    expect(registry.get('js_tool')?.kind).toBe('sandbox');
    expect(registry.definitions().map((d) => d.name)).toEqual(['alpha', 'js_tool']);
  });
});

describe('createDefaultRegistry', () => {
  it('registers and enables the built-in tools', async () => {
    const registry = createDefaultRegistry();
    expect(registry.definitions().map((d) => d.name)).toEqual([
      'calculator',
      'date_calc',
      'country_facts',
      'text_stats',
    ]);
    const calculator = registry.resolve('calculator');
    expect(calculator?.kind).toBe('builtin');
    if (calculator?.kind === 'sandbox' || !calculator) throw new Error('expected a builtin');
    const signal = new AbortController().signal;
    expect(await calculator.run({ expression: '(3+4)*2' }, { signal, log: () => {} })).toBe('14');
  });

  it('returns independent registries', () => {
    const first = createDefaultRegistry();
    first.disable('calculator');
    expect(createDefaultRegistry().isEnabled('calculator')).toBe(true);
  });
});
