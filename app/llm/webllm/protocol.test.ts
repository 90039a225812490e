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
        prompt: '<s>You have assess to... caller: ',
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

  it('tells a hybrid reasoning model not to think, and only that kind (issue 12 #4)', () => {
    const chat = {
      ...base,
      prompt: { kind: 'messages' as const, messages: [{ role: 'user' as const, content: 'u' }] },
    };
    expect(buildWorkerRequest(chat, 'Qwen3-0.6B-q4f16_1-MLC').body).toMatchObject({
      extra_body: { enable_thinking: false },
    });
    expect(buildWorkerRequest(chat, 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC').body).not.toHaveProperty(
      'extra_body',
    );
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

describe('toUsage (issue 12 #3)', () => {
  const extra = {
    e2e_latency_s: 1,
    prefill_tokens_per_s: 500,
    decode_tokens_per_s: 20,
    time_to_first_token_s: 0.2,
    time_per_output_token_s: 0.05,
  };
  const usage = (prompt: number, completion: number) => ({
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    extra,
  });

  it('marks the counts unknown when WebLLM sent no usage, never estimating them', () => {
    expect(toUsage({ text: 'x', finishReason: 'stop', usage: null, wallMs: 3 })).toEqual({
      promptTokens: 0,
      completionTokens: 0,
      timeToFirstTokenMs: 0,
      decodeTokensPerSecond: 0,
      wallMs: 3,
      simulated: false,
      unknown: true,
    });
  });

  it('under reuse: new from prompt_tokens, reused from the cache length, the stop token not counted', () => {
    // Turn 2 of a role: 1 480 tokens were in the cache, 40 new ones prefilled, 12 sampled of
    // which the last was the stop token; the cache then holds 1 480 + 40 + 11.
    const result = {
      text: 'r',
      finishReason: 'stop' as const,
      usage: usage(40, 12),
      wallMs: 9,
      kvTokens: 1531,
    };
    expect(toUsage(result)).toMatchObject({
      promptTokens: 40,
      promptTokensReused: 1480,
      completionTokens: 11,
    });
    // After a reset (text completion, or a conversation that did not match) nothing is reused.
    expect(toUsage({ ...result, usage: usage(1520, 12), kvTokens: 1531 })).toMatchObject({
      promptTokens: 1520,
      promptTokensReused: 0,
      completionTokens: 11,
    });
    // Cut at max_tokens: every sampled token is output; the last is not in the cache.
    expect(toUsage({ ...result, finishReason: 'length', usage: usage(40, 12) })).toMatchObject({
      completionTokens: 12,
      promptTokensReused: 1480,
    });
  });

  it('says the reused count is unknown when the cache length could not be read', () => {
    const u = toUsage({ text: 'r', finishReason: 'stop', usage: usage(40, 12), wallMs: 9 });
    expect(u).toMatchObject({ promptTokens: 40, reuseUnknown: true });
    expect(u).not.toHaveProperty('promptTokensReused');
  });
});
