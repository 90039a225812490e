import { describe, expect, it } from 'vitest';
import { ScriptedModel, type ScriptedOutput } from '../../llm/scripted/scripted-model';
import { ToolRegistry } from '../../tools/registry';
import { createToolRunner } from '../../tools/runner';
import { runAgent } from '../orchestrator';
import { type Trace, traceFromEvents } from '../trace';
import type { Role, RunEvent, RunMode } from '../types';
import { alignTraces, firstDivergence } from './align';
import { sideParts, textDiff } from './text-diff';

function tools() {
  const registry = new ToolRegistry();
  const schema = {
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' } },
    required: ['a', 'b'],
    additionalProperties: false,
  };
  registry.register({
    definition: { name: 'add', description: 'Adds two numbers', parameters: schema },
    run: async (args) => (args.a as number) + (args.b as number),
  });
  registry.register({
    definition: { name: 'multiply', description: 'Multiplies two numbers', parameters: schema },
    run: async (args) => (args.a as number) * (args.b as number),
  });
  return createToolRunner(registry, { defaultTimeoutMs: 2000 });
}

/** A real run of the orchestrator with scripted outputs (alpha-umi dialect). */
async function run(
  outputs: Partial<Record<Role, ScriptedOutput[]>>,
  mode: RunMode = 'multi',
): Promise<Trace> {
  const models =
    mode === 'single'
      ? { backbone: new ScriptedModel({ outputs }) }
      : {
          planner: new ScriptedModel({ outputs: { planner: outputs.planner ?? [] } }),
          caller: new ScriptedModel({ outputs: { caller: outputs.caller ?? [] } }),
          summarizer: new ScriptedModel({ outputs: { summarizer: outputs.summarizer ?? [] } }),
        };
  const events: RunEvent[] = [];
  for await (const e of runAgent({
    task: 'What is 2 + 3?',
    mode,
    dialect: 'alpha-umi',
    tools: tools(),
    models,
  }))
    events.push(e);
  return traceFromEvents(events);
}

const plan = (thought: string, next: 'caller' | 'conclusion') => `${thought}\nNext: ${next}.`;
const call = (name: string, args: Record<string, unknown>) =>
  `Action: ${name}\nAction Input: ${JSON.stringify(args)}`;

const oneCall = (a = 2, b = 3) => ({
  planner: [plan('Add them.', 'caller'), plan('Done.', 'conclusion')],
  caller: [call('add', { a, b })],
  summarizer: ['The sum is 5.'],
});

const shape = (trace: Trace, other: Trace) =>
  alignTraces(trace, other).rows.map((r) =>
    r.kind === 'pair' ? `${r.left.role}|${r.right.role}` : `gap-${r.missing}:${r.present.role}`,
  );

describe('alignTraces', () => {
  it('pairs every step of two identical runs, with nothing differing', async () => {
    const [a, b] = [await run(oneCall()), await run(oneCall())];
    const alignment = alignTraces(a, b);
    expect(shape(a, b)).toEqual([
      'planner|planner',
      'caller|caller',
      'planner|planner',
      'summarizer|summarizer',
    ]);
    expect(alignment.rows.every((r) => r.kind === 'pair' && r.differs.length === 0)).toBe(true);
    expect(firstDivergence(alignment)).toBeUndefined();
  });

  it('shows one extra tool call on one side as gaps, and names it as the first divergence', async () => {
    const a = await run(oneCall());
    const b = await run({
      planner: [plan('Add them.', 'caller'), plan('Check it.', 'caller'), plan('Done.', 'conclusion')],
      caller: [call('add', { a: 2, b: 3 }), call('add', { a: 3, b: 2 })],
      summarizer: ['The sum is 5.'],
    });
    expect(shape(a, b)).toEqual([
      'planner|planner',
      'caller|caller',
      'gap-left:planner',
      'gap-left:caller',
      'planner|planner',
      'summarizer|summarizer',
    ]);
    expect(firstDivergence(alignTraces(a, b))).toEqual({
      step: 3,
      kind: 'missing-step',
      missing: 'left',
      role: 'planner',
      turn: 2,
      decision: 'caller',
    });
    // The other way round, the gap is on the right.
    expect(firstDivergence(alignTraces(b, a))).toMatchObject({ step: 3, missing: 'right' });
  });

  it('finds the first divergence where the same steps have different arguments', async () => {
    const alignment = alignTraces(await run(oneCall(2, 3)), await run(oneCall(2, 4)));
    const divergence = firstDivergence(alignment);
    expect(divergence).toMatchObject({
      step: 2,
      kind: 'tool-args',
      role: 'caller',
      leftRole: 'caller',
      turn: 1,
      left: '{"a":2,"b":3}',
      right: '{"a":2,"b":4}',
    });
    expect(divergence?.kind === 'missing-step' ? [] : divergence?.kinds).toEqual([
      'tool-args',
      'observation',
      'output',
    ]);
    // The planner after it saw another observation: its prompt differs, and only that.
    expect(alignment.rows[2]).toMatchObject({ kind: 'pair', differs: ['prompt'] });
  });

  it('names another tool before its arguments', async () => {
    const other = { ...oneCall(), caller: [call('multiply', { a: 2, b: 3 })] };
    expect(firstDivergence(alignTraces(await run(oneCall()), await run(other)))).toMatchObject({
      step: 2,
      kind: 'tool',
      left: 'add',
      right: 'multiply',
    });
  });

  it('names a different planner decision at the step where it was made', async () => {
    const gaveUp = await run({ planner: ['I cannot do this.\nNext: give up.'] });
    expect(firstDivergence(alignTraces(await run(oneCall()), gaveUp))).toMatchObject({
      step: 1,
      kind: 'decision',
      role: 'planner',
      left: 'caller',
      right: 'give_up',
    });
  });

  it('pairs a single-model run with the caller and summarizer of a multi run', async () => {
    const multi = await run(oneCall());
    const single = await run(
      {
        backbone: [
          `Thought: Add them.\n${call('add', { a: 2, b: 3 })}`,
          'Thought: Done.\nFinal Answer: The sum is 5.',
        ],
      },
      'single',
    );
    expect(shape(multi, single)).toEqual([
      'gap-right:planner',
      'caller|backbone',
      'gap-right:planner',
      'summarizer|backbone',
    ]);
    const alignment = alignTraces(multi, single);
    // The backbone decides inside its own output: the planner's rows are gaps by design.
    expect(alignment.rows.filter((r) => r.kind === 'gap').every((r) => r.kind === 'gap' && r.folded)).toBe(
      true,
    );
    // Same tool, same arguments, same observation: a prompt of another role is not compared.
    expect(alignment.rows[1]).toMatchObject({ kind: 'pair', crossRole: true, differs: [] });
    expect(firstDivergence(alignment)).toBeUndefined();
  });

  it('says where a single-model run called the tool with other arguments', async () => {
    const single = await run(
      { backbone: [`Thought: Add.\n${call('add', { a: 2, b: 30 })}`, 'Thought: Done.\nFinal Answer: 32.'] },
      'single',
    );
    expect(firstDivergence(alignTraces(await run(oneCall()), single))).toMatchObject({
      step: 2,
      kind: 'tool-args',
      role: 'backbone',
      leftRole: 'caller',
      right: '{"a":2,"b":30}',
    });
  });
});

describe('textDiff', () => {
  it('marks words only one side has, and each side shows its own text', () => {
    const parts = textDiff('add 2 and 3', 'add 2 and 4');
    expect(
      sideParts(parts, 'left')
        .map((p) => p.text)
        .join(''),
    ).toBe('add 2 and 3');
    expect(sideParts(parts, 'right').filter((p) => p.change === 'added')).toEqual([
      { text: '4', change: 'added' },
    ]);
    expect(textDiff('same', 'same')).toEqual([{ text: 'same', change: 'same' }]);
  });
});
