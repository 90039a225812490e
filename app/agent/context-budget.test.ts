import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import {
  estimateMessageTokens,
  estimateTextTokens,
  fitHistory,
  fitMessages,
  SHORT_OBSERVATION,
} from './context-budget';
import { runAgent } from './orchestrator';
import { traceFromEvents } from './trace';
import type { ChatMessage, Dialect, Prompt, RunEvent, ToolRunner } from './types';

const obs = (n: number) => `Observation: {"result": "${String(n).repeat(1000)}"}`;

function conversation(turns: number): ChatMessage[] {
  const messages: ChatMessage[] = [
    { role: 'system', content: 'TOOLS: calculator(expression)' },
    { role: 'user', content: 'Task: the task' },
  ];
  for (let i = 1; i <= turns; i++) {
    messages.push({ role: 'assistant', content: `Thought ${i}.\nNext: caller` });
    messages.push({ role: 'user', content: obs(i % 10) });
  }
  return messages;
}

describe('fitMessages (issue 12 #5)', () => {
  it('leaves a conversation that fits alone', () => {
    const messages = conversation(2);
    expect(fitMessages(messages, 10_000)).toEqual({ messages });
  });

  it('shortens old observations first, oldest first, and keeps the newest whole', () => {
    const messages = conversation(4);
    const budget = estimateMessageTokens(messages) - 200;
    const { messages: out, cut } = fitMessages(messages, budget);
    expect(cut).toMatchObject({ observationsShortened: 1, turnsDropped: 0 });
    expect(out[3]?.content.length).toBeLessThan(SHORT_OBSERVATION + 60);
    expect(out[3]?.content).toContain('[cut to fit the context window]');
    expect(out.at(-1)).toEqual(messages.at(-1));
    expect(estimateMessageTokens(out)).toBeLessThanOrEqual(budget);
  });

  it('then drops the oldest turns, never the system message, the task or the last message', () => {
    const messages = conversation(10);
    const { messages: out, cut } = fitMessages(messages, 1200);
    expect(cut?.turnsDropped).toBeGreaterThan(0);
    expect(out[0]).toEqual(messages[0]);
    expect(out[1]).toEqual(messages[1]);
    expect(out.at(-1)).toEqual(messages.at(-1));
    expect(out.map((m) => m.role)).toEqual([
      'system',
      'user',
      ...out.slice(2).map((_, i) => (i % 2 ? 'user' : 'assistant')),
    ]);
    expect(estimateMessageTokens(out)).toBeLessThanOrEqual(1200);
  });

  it("shortens the summarizer's transcript lines but the last", () => {
    const transcript = [1, 2, 3].map(obs).join('\nPlan: next\n');
    const messages: ChatMessage[] = [
      { role: 'system', content: 'Write the answer.' },
      { role: 'user', content: `Task: t\n\nWhat the team did:\n${transcript}` },
    ];
    const { messages: out, cut } = fitMessages(messages, 600);
    expect(cut?.observationsShortened).toBe(2);
    expect(out[1]?.content.endsWith(obs(3))).toBe(true);
  });
});

/** The sent prompt's estimated size, in the estimate the budget uses. */
function promptEstimate(prompt: Prompt): number {
  return prompt.kind === 'messages'
    ? estimateMessageTokens(prompt.messages)
    : estimateTextTokens(prompt.text);
}

/**
 * A 10-step run with 1 000-character observations on models with a `window`-token context,
 * in `dialect`. A model given a prompt over its window throws, as WebLLM's
 * ContextWindowSizeExceededError does. Returns the trace and every prompt size sent.
 */
async function tenStepRun(dialect: Dialect, window: number) {
  const tools: ToolRunner = {
    list: () => [
      { name: 'lookup', description: 'Looks a thing up.', parameters: { type: 'object', properties: {} } },
    ],
    run: async () => ({ ok: true, value: 'x'.repeat(1000), logs: [], durationMs: 1 }),
  };
  const chat = dialect === 'chat';
  const outputs = {
    planner: [
      ...Array.from({ length: 9 }, (_, i) =>
        chat ? `Look up part ${i + 1}.\nNext: caller` : `Look up part ${i + 1}.\n Next: caller.`,
      ),
      chat ? 'Done.\nNext: conclusion' : 'Done.\n Next: conclusion.',
    ],
    caller: Array.from({ length: 9 }, () =>
      chat ? '{"name": "lookup", "arguments": {}}' : 'Action: lookup\nAction Input: {}',
    ),
    summarizer: [chat ? 'It is **x**.' : 'It is x.'],
  };
  class WindowedModel extends ScriptedModel {
    readonly contextWindow = window;
  }
  const seen: number[] = [];
  const model = () => {
    const m = new WindowedModel({ outputs, tokenDelayMs: 0 });
    const generate = m.generate.bind(m);
    m.generate = (request) => {
      const estimate = promptEstimate(request.prompt);
      seen.push(estimate);
      if (estimate + request.sampling.maxTokens > window) throw new Error('ContextWindowSizeExceededError');
      return generate(request);
    };
    return m;
  };
  const events: RunEvent[] = [];
  for await (const e of runAgent({
    task: 'Collect the ten parts.',
    mode: 'multi',
    dialect,
    tools,
    maxSteps: 10,
    models: { planner: model(), caller: model(), summarizer: model() },
  }))
    events.push(e);
  const trace = traceFromEvents(events);
  // Every run: it finishes, every prompt fits, and what was sent is what the step shows.
  expect(trace.error).toBeUndefined();
  expect(trace.outcome).toBe('answer');
  expect(trace.steps.filter((s) => s.role === 'planner')).toHaveLength(10);
  expect(seen.length).toBeGreaterThan(0);
  expect(Math.max(...seen)).toBeLessThanOrEqual(window);
  const cuts = trace.steps.filter((s) => s.contextCut);
  for (const s of cuts) {
    expect(promptEstimate(s.prompt)).toBe(s.contextCut?.estimatedAfter);
    expect(s.contextCut?.estimatedBefore).toBeGreaterThan(s.contextCut?.budgetTokens ?? 0);
  }
  return { trace, cuts };
}

describe('a 10-step chat run with 1 000-character observations', () => {
  it.each([4096, 2048])(
    'finishes on a %i-token window, every prompt inside it, each cut recorded',
    async (WINDOW) => {
      const { cuts } = await tenStepRun('chat', WINDOW);
      // At 2 048 the planner's and the summarizer's conversations no longer fit whole.
      if (WINDOW === 2048) {
        expect(cuts.some((s) => s.role === 'planner')).toBe(true);
        expect(
          cuts.some((s) => s.role === 'summarizer' && (s.contextCut?.observationsShortened ?? 0) > 0),
        ).toBe(true);
      }
    },
  );
});

describe('estimateTextTokens', () => {
  it('counts digits and characters outside ASCII one token each, other text three characters a token', () => {
    expect(estimateTextTokens('abcdef')).toBe(2);
    // Llama 2 and Qwen2 write 4821 * 37 as 4 8 2 1 ␠* ␠3 7: a third of the characters is far too few.
    expect(estimateTextTokens('4821 * 37')).toBe(6 + 1);
    expect(estimateTextTokens('北京是首都')).toBe(5);
    expect(estimateTextTokens('')).toBe(0);
  });

  it('cuts a number-heavy observation that a characters-only estimate would let overflow', () => {
    const digits = [
      { from: 'user', value: 'the task' },
      { from: 'assistant', value: 'Look it up.\n Next: caller.' },
      { from: 'caller', value: 'Action: lookup\nAction Input: {}' },
      { from: 'observation', value: '7'.repeat(900) },
      { from: 'assistant', value: 'Again.\n Next: caller.' },
      { from: 'caller', value: 'Action: lookup\nAction Input: {}' },
      { from: 'observation', value: '8'.repeat(900) },
    ];
    const render = (turns: readonly { from: string; value: string }[]) =>
      turns.map((t) => `${t.from}: ${t.value}`).join('');
    // 1 800 digits: 600 tokens by characters alone, 1 800 as the models count them.
    const { cut } = fitHistory(digits, render, 1200);
    expect(cut?.observationsShortened).toBe(1);
  });
});

describe('fitHistory: an alpha-umi history (issue 12 #5, text prompts)', () => {
  const history = (rounds: number) => {
    const turns = [{ from: 'user', value: 'the task' }];
    for (let i = 1; i <= rounds; i++) {
      turns.push({ from: 'assistant', value: `Thought ${i}.\n Next: caller.` });
      turns.push({ from: 'caller', value: 'Action: lookup\nAction Input: {}' });
      turns.push({ from: 'observation', value: String(i % 10).repeat(1000) });
    }
    return turns;
  };
  const render = (turns: readonly { from: string; value: string }[]) =>
    `TOOLS\n${turns.map((t) => `${t.from}: ${t.value}`).join('')} assistant: `;

  it('leaves a history that fits alone', () => {
    expect(fitHistory(history(1), render, 10_000).cut).toBeUndefined();
  });

  it('shortens old observations first, oldest first, and keeps the newest whole', () => {
    const turns = history(3);
    const budget = estimateTextTokens(render(turns)) - 200;
    const { turns: out, cut } = fitHistory(turns, render, budget);
    expect(cut?.observationsShortened).toBe(1);
    expect(cut?.turnsDropped).toBe(0);
    expect(out[3]?.value.length).toBeLessThan(SHORT_OBSERVATION + 50);
    expect(out[6]?.value).toBe(turns[6]?.value);
    expect(out[9]?.value).toBe(turns[9]?.value);
    expect(estimateTextTokens(render(out))).toBeLessThanOrEqual(budget);
  });

  it('then drops the oldest rounds, never the task or the round of the last observation', () => {
    const turns = history(4);
    const { turns: out, cut } = fitHistory(turns, render, 500);
    expect(out[0]).toEqual({ from: 'user', value: 'the task' });
    expect(out.at(-1)).toEqual(turns.at(-1));
    expect(out.at(-3)).toEqual(turns.at(-3));
    expect(cut?.turnsDropped).toBeGreaterThan(0);
    expect(out).toHaveLength(turns.length - 3 * (cut?.turnsDropped ?? 0));
    expect(cut?.estimatedAfter).toBe(estimateTextTokens(render(out)));
  });

  it('returns the protected turns as they are when even they do not fit', () => {
    const turns = history(1);
    const { turns: out, cut } = fitHistory(turns, render, 10);
    expect(out).toEqual(turns);
    expect(cut?.estimatedAfter).toBeGreaterThan(10);
  });
});

describe('a 10-step alpha-umi run with 1 000-character observations', () => {
  it.each([4096, 2048])(
    'finishes on a %i-token window, every text prompt inside it, each cut recorded',
    async (WINDOW) => {
      const { trace, cuts } = await tenStepRun('alpha-umi', WINDOW);
      // At 2 048 no role's prompt fits whole by the end.
      if (WINDOW === 2048)
        for (const role of ['planner', 'caller', 'summarizer'])
          expect(cuts.some((s) => s.role === role)).toBe(true);
      for (const s of cuts) {
        // The task and the tool list are never cut.
        const text = s.prompt.kind === 'text' ? s.prompt.text : '';
        expect(text).toContain('user: Collect the ten parts.');
        if (s.role !== 'summarizer') expect(text).toContain('{"Name": "lookup"');
      }
      // The caller of the last call saw its own planner turn.
      const lastCaller = trace.steps.filter((s) => s.role === 'caller').at(-1);
      expect(lastCaller?.prompt.kind === 'text' && lastCaller.prompt.text).toContain('Look up part 9.');
    },
  );
});
