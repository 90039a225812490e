import { describe, expect, it } from 'vitest';
import type { ToolDefinition, ToolResult } from '../../types';
import { createChatSession } from './session';

const tools: ToolDefinition[] = [
  { name: 'calculator', description: 'Math.', parameters: { type: 'object', properties: {} } },
  { name: 'date_diff', description: 'Dates.', parameters: { type: 'object', properties: {} } },
];
const ok = (value: unknown): ToolResult => ({ ok: true, value, logs: [], durationMs: 1 });
const failed = (name: string, message: string): ToolResult => ({
  ok: false,
  error: { name, message },
  logs: [],
  durationMs: 0,
});

describe('formatObservation', () => {
  const session = createChatSession({ task: 't', tools });
  const anyCall = { name: 'calculator', arguments: {} };

  it.each([
    ['a string, non-ASCII kept', ok('11.04672 km — ça'), '{"result":"11.04672 km — ça"}'],
    ['an object', ok({ a: [1, 2] }), '{"result":{"a":[1,2]}}'],
    ['no value', ok(undefined), '{"result":null}'],
    ['a BigInt', ok(10n ** 20n), '{"result":"100000000000000000000"}'],
    [
      'a failure',
      failed('ToolRuntimeError', 'Undefined symbol x'),
      '{"error":"ToolRuntimeError: Undefined symbol x"}',
    ],
  ])('%s', (_label, result, expected) => {
    expect(session.formatObservation(result, anyCall)).toBe(expected);
  });

  it('does not throw on a cyclic value', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(session.formatObservation(ok(cyclic), anyCall)).toBe('{"result":"[object Object]"}');
  });

  it('names an unknown tool and lists the available ones', () => {
    const unknown = failed('UnknownToolError', 'No such function name: weather');
    expect(session.formatObservation(unknown, { name: 'weather', arguments: {} })).toBe(
      '{"error":"No such tool: weather. Available tools: calculator, date_diff."}',
    );
  });
});
