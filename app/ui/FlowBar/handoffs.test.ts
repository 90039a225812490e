import { describe, expect, it } from 'vitest';
import { carriedNodes, flowSequence, MAX_BACKLOG, nextShown } from './handoffs';

const call = { call: { name: 'calculator', arguments: {} }, status: 'done' as const, startedAt: 0 };

describe('flow hand-offs', () => {
  it('orders the α-UMi loop: planner → caller → tool → planner → summarizer', () => {
    const steps = [
      { role: 'planner' as const },
      { role: 'caller' as const, tool: call },
      { role: 'planner' as const },
      { role: 'summarizer' as const },
    ];
    expect(flowSequence(steps)).toEqual(['planner', 'caller', 'tool', 'planner', 'summarizer']);
  });

  it('puts the tool after the single model in single mode', () => {
    expect(flowSequence([{ role: 'backbone', tool: call }, { role: 'backbone' }])).toEqual([
      'backbone',
      'tool',
      'backbone',
    ]);
  });

  it('counts the boxes of carried-over steps only at the start', () => {
    const steps = [
      { role: 'planner' as const, carriedOver: true },
      { role: 'caller' as const, tool: call, carriedOver: true },
      { role: 'planner' as const },
    ];
    expect(carriedNodes(steps)).toBe(3);
    expect(carriedNodes([{ role: 'planner' }])).toBe(0);
  });

  it('plays hand-offs one at a time, and catches up on a long backlog or reduced motion', () => {
    expect(nextShown(-1, 1, false)).toBe(0);
    expect(nextShown(1, 4, false)).toBe(2);
    expect(nextShown(3, 4, false)).toBe(3);
    expect(nextShown(0, MAX_BACKLOG + 2, false)).toBe(MAX_BACKLOG + 1);
    expect(nextShown(0, 3, true)).toBe(2);
  });
});
