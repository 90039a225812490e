import { describe, expect, it } from 'vitest';
import { buildWorkerRequest, toUsage } from './protocol';

const base = {
  role: 'caller' as const,
  sampling: { temperature: 0, maxTokens: 128, seed: 7 },
  context: { task: 't', mode: 'multi' as const, dialect: 'chat' as const, turn: 1, tools: ['calculator'] },
};

describe('buildWorkerRequest', () => {
  it('alpha-umi: the raw completion API with the exact prompt and </s> as stop', () => {
    const req = buildWorkerRequest({
      ...base,
      prompt: { kind: 'text', text: 'You have assess to... caller: ' },
    });
    expect(req).toEqual({
      kind: 'completion',
      body: {
        prompt: 'You have assess to... caller: ',
        stop: ['</s>'],
        max_tokens: 128,
        temperature: 0,
        top_p: 1,
        repetition_penalty: 1,
        frequency_penalty: 0,
        presence_penalty: 0,
        seed: 7,
      },
    });
  });

  it("sets every sampling value, so the model's config never adds a penalty (issue 12 #12)", () => {
    const req = buildWorkerRequest({
      ...base,
      prompt: { kind: 'messages', messages: [{ role: 'user', content: 'u' }] },
      sampling: { temperature: 0.5, maxTokens: 9, topP: 0.9, repetitionPenalty: 1.2, presencePenalty: -1 },
    });
    expect(req.body).toMatchObject({
      temperature: 0.5,
      max_tokens: 9,
      top_p: 0.9,
      repetition_penalty: 1.2,
      frequency_penalty: 0,
      presence_penalty: -1,
    });
    expect(req.body).not.toHaveProperty('seed');
  });

  it('chat caller: json_object with the schema string, max_tokens always set', () => {
    const schema = '{"anyOf":[]}';
    const req = buildWorkerRequest({
      ...base,
      prompt: {
        kind: 'messages',
        messages: [
          { role: 'system', content: 's' },
          { role: 'user', content: 'u' },
        ],
      },
      constraint: { type: 'json_schema', schema },
    });
    expect(req.kind).toBe('chat');
    expect(req.body).toMatchObject({ response_format: { type: 'json_object', schema }, max_tokens: 128 });
    // The same string object goes through, so WebLLM can reuse its compiled grammar.
    expect(req.kind === 'chat' && req.body.response_format?.schema).toBe(schema);
  });

  it('chat planner: an EBNF grammar', () => {
    const req = buildWorkerRequest({
      ...base,
      role: 'planner',
      prompt: { kind: 'messages', messages: [{ role: 'user', content: 'u' }] },
      constraint: { type: 'grammar', grammar: 'root ::= "a"' },
    });
    expect(req.body).toMatchObject({ response_format: { type: 'grammar', grammar: 'root ::= "a"' } });
  });

  it('summarizer: no response_format', () => {
    const req = buildWorkerRequest({
      ...base,
      role: 'summarizer',
      prompt: { kind: 'messages', messages: [] },
    });
    expect(req.kind === 'chat' && 'response_format' in req.body).toBe(false);
  });
});

describe('toUsage', () => {
  it('falls back to an estimate, not simulated, when WebLLM sent no usage', () => {
    expect(toUsage({ text: '', finishReason: 'stop', usage: null, wallMs: 3 }, 40)).toMatchObject({
      promptTokens: 10,
      simulated: false,
    });
  });
});
