import { describe, expect, it } from 'vitest';
import { splitThinking, thinkingKind } from './thinking';

describe('thinking blocks (issue 12 #4)', () => {
  it('takes the think block off the answer and keeps it apart', () => {
    expect(
      splitThinking('<think>\nThe user wants 2+2.\n</think>\n\nI will compute it.\nNext: caller'),
    ).toEqual({
      thinking: 'The user wants 2+2.',
      answer: 'I will compute it.\nNext: caller',
    });
  });

  it('drops the empty block WebLLM writes when thinking is off', () => {
    expect(splitThinking('<think>\n\n</think>\n\nAction: calculator')).toEqual({
      answer: 'Action: calculator',
    });
  });

  it('a reply cut off while thinking has no answer', () => {
    expect(splitThinking('<think>\nLet me think about the units')).toEqual({
      thinking: 'Let me think about the units',
      answer: '',
    });
  });

  it('leaves other text alone, a later "<think>" included', () => {
    expect(splitThinking('Answer: use <think> tags')).toEqual({ answer: 'Answer: use <think> tags' });
  });

  it('knows which models can be told not to think', () => {
    expect(thinkingKind('Qwen3-0.6B-q4f16_1-MLC')).toBe('switch');
    expect(thinkingKind('DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC')).toBe('always');
    expect(thinkingKind('Qwen2.5-0.5B-Instruct-q4f16_1-MLC')).toBe('none');
  });
});

describe('a run with a reasoning model', () => {
  it('parses the answer, keeps the think block in the step, and never passes it to the next role', async () => {
    const { ScriptedModel } = await import('../llm/scripted/scripted-model');
    const { createDefaultRegistry } = await import('../tools/registry');
    const { createToolRunner } = await import('../tools/runner');
    const { runAgent } = await import('./orchestrator');
    const { traceFromEvents } = await import('./trace');
    const outputs = {
      planner: [
        '<think>\nSECRET reasoning about 6*7.\n</think>\n\nI will compute 6 * 7.\nNext: caller.',
        'The result is 42.\nNext: conclusion.',
      ],
      caller: ['Action: calculator\nAction Input: {"expression": "6 * 7"}'],
      summarizer: ['6 * 7 is **42**.'],
    };
    const model = () => new ScriptedModel({ outputs, tokenDelayMs: 0 });
    const events = [];
    for await (const e of runAgent({
      task: 'What is 6 * 7?',
      mode: 'multi',
      dialect: 'alpha-umi',
      tools: createToolRunner(createDefaultRegistry()),
      models: { planner: model(), caller: model(), summarizer: model() },
    }))
      events.push(e);
    const trace = traceFromEvents(events);
    expect(trace.outcome).toBe('answer');
    const first = trace.steps[0];
    expect(first?.thinking).toBe('SECRET reasoning about 6*7.');
    expect(first?.raw).toBe('I will compute 6 * 7.\nNext: caller.');
    const later = trace.steps.slice(1).map((s) => JSON.stringify(s.prompt));
    expect(later.some((p) => p.includes('I will compute 6 * 7.'))).toBe(true);
    expect(later.some((p) => p.includes('SECRET'))).toBe(false);
  });
});
