import { describe, expect, it } from 'vitest';
import { callerSchemaString } from '../../agent/dialects/chat/caller-schema';
import { PLANNER_GRAMMAR } from '../../agent/dialects/chat/grammar';
import type { ToolDefinition } from '../../agent/types';
import { SERVER_PRESET_IDS, SERVER_PRESETS, startCommand } from './presets';
import { buildGenerateRequest, buildModelsRequest, fetchInit, requestHeaders } from './request';
import type { ServerConfig, ServerPresetId } from './types';
import { isMixedContent, publicUrl } from './url';

const TOOLS: ToolDefinition[] = [
  {
    name: 'calculator',
    description: 'Evaluates an expression.',
    parameters: { type: 'object', properties: { expression: { type: 'string' } }, required: ['expression'] },
  },
];

const context = {
  task: 't',
  mode: 'multi' as const,
  dialect: 'chat' as const,
  turn: 1,
  tools: ['calculator'],
};
const sampling = { temperature: 0.2, maxTokens: 256, seed: 7 };
const messages = [
  { role: 'system' as const, content: 'You plan.' },
  { role: 'user' as const, content: 'Task: 2+2' },
];
const ALPHA_PROMPT = 'You have assess to the following apis:\n{doc}\n... assistant: ';

function config(preset: ServerPresetId, extra: Partial<ServerConfig> = {}): ServerConfig {
  return { preset, baseUrl: SERVER_PRESETS[preset].defaultBaseUrl, model: 'm', ...extra };
}

/** What each preset must put in a request, beyond the fields every preset sends. */
const EXPECTED: Record<
  ServerPresetId,
  {
    sampling: Record<string, number>;
    plannerConstraint: Record<string, unknown>;
    completionExtras: Record<string, unknown>;
  }
> = {
  vllm: {
    sampling: { repetition_penalty: 1, top_k: -1, min_p: 0 },
    plannerConstraint: { structured_outputs: { grammar: PLANNER_GRAMMAR } },
    completionExtras: { add_special_tokens: true },
  },
  ollama: { sampling: {}, plannerConstraint: {}, completionExtras: {} },
  llamacpp: {
    sampling: { repeat_penalty: 1, top_k: 0, min_p: 0 },
    plannerConstraint: { grammar: PLANNER_GRAMMAR },
    completionExtras: {},
  },
  lmstudio: { sampling: { repeat_penalty: 1 }, plannerConstraint: {}, completionExtras: {} },
  custom: { sampling: {}, plannerConstraint: {}, completionExtras: {} },
};

const COMMON_SAMPLING = {
  max_tokens: 256,
  temperature: 0.2,
  top_p: 1,
  frequency_penalty: 0,
  presence_penalty: 0,
  seed: 7,
};

describe.each(SERVER_PRESET_IDS)('preset %s', (preset) => {
  const expected = EXPECTED[preset];

  it('chat planner: POST {base}/chat/completions, streaming with usage, every sampling value, its grammar field', () => {
    const req = buildGenerateRequest(
      {
        role: 'planner',
        sampling,
        context,
        prompt: { kind: 'messages', messages },
        constraint: { type: 'grammar', grammar: PLANNER_GRAMMAR },
      },
      config(preset),
    );
    expect(req.method).toBe('POST');
    expect(req.url).toBe(`${SERVER_PRESETS[preset].defaultBaseUrl}/chat/completions`);
    expect(req.endpoint).toBe('chat');
    expect(req.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(req.body).toEqual({
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      ...COMMON_SAMPLING,
      ...expected.sampling,
      messages,
      ...expected.plannerConstraint,
    });
  });

  it('chat caller: the JSON Schema as response_format json_schema (a parsed object, strict)', () => {
    const schema = callerSchemaString(TOOLS);
    const req = buildGenerateRequest(
      {
        role: 'caller',
        sampling: { temperature: 0, maxTokens: 128 },
        context,
        prompt: { kind: 'messages', messages },
        constraint: { type: 'json_schema', schema },
      },
      config(preset),
    );
    expect(req.body?.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'tool_call', schema: JSON.parse(schema), strict: true },
    });
    expect(req.body).not.toHaveProperty('seed');
    expect(req.body).not.toHaveProperty('grammar');
    expect(req.body).not.toHaveProperty('structured_outputs');
    expect(req.body?.max_tokens).toBe(128);
  });

  it('alpha-umi: POST {base}/completions with the byte-exact prompt, stop </s>, max_tokens', () => {
    const req = buildGenerateRequest(
      { role: 'planner', sampling, context, prompt: { kind: 'text', text: ALPHA_PROMPT } },
      config(preset),
    );
    expect(req.url).toBe(`${SERVER_PRESETS[preset].defaultBaseUrl}/completions`);
    expect(req.endpoint).toBe('completions');
    expect(req.body).toEqual({
      model: 'm',
      stream: true,
      stream_options: { include_usage: true },
      ...COMMON_SAMPLING,
      ...expected.sampling,
      // Every preset's server adds the BOS itself: a literal <s> would make two.
      prompt: SERVER_PRESETS[preset].addsBos ? ALPHA_PROMPT : `<s>${ALPHA_PROMPT}`,
      stop: ['</s>'],
      ...expected.completionExtras,
    });
    expect(String(req.body?.prompt).startsWith('<s>')).toBe(false);
  });

  it('the API key only as Authorization: Bearer, only when set', () => {
    const withKey = buildGenerateRequest(
      { role: 'caller', sampling, context, prompt: { kind: 'messages', messages } },
      config(preset, { apiKey: ' sk-123 ' }),
    );
    expect(withKey.headers).toEqual({ 'Content-Type': 'application/json', Authorization: 'Bearer sk-123' });
    const models = buildModelsRequest(config(preset, { apiKey: 'sk-123' }));
    expect(models).toMatchObject({ method: 'GET', headers: { Authorization: 'Bearer sk-123' } });
    expect(models.url).toBe(`${SERVER_PRESETS[preset].defaultBaseUrl}/models`);
    expect(buildModelsRequest(config(preset, { apiKey: '' })).headers).toEqual({});
  });

  it('has a start command naming its CORS setting, and sources', () => {
    const p = SERVER_PRESETS[preset];
    expect(p.sources.length).toBeGreaterThan(0);
    if (preset === 'custom') return expect(p.command).toBe('');
    const command = startCommand(preset, {
      model: 'Qwen/Qwen2.5-7B-Instruct',
      origin: 'https://umi.example',
    });
    expect(command).not.toContain('<model>');
    if (preset === 'vllm' || preset === 'ollama') expect(command).toContain('https://umi.example');
    if (preset !== 'llamacpp') expect(command).toContain(p.corsSetting);
  });
});

describe('request details', () => {
  it('start commands as the docs write them', () => {
    const fill = { model: 'meta/alpha-umi-planner-7b', origin: 'https://umi.example' };
    expect(startCommand('vllm', fill)).toBe(
      `vllm serve meta/alpha-umi-planner-7b --port 8000 --allowed-origins '["https://umi.example"]'`,
    );
    expect(startCommand('ollama', fill)).toBe('OLLAMA_ORIGINS=https://umi.example ollama serve');
    expect(startCommand('llamacpp', fill)).toBe(
      'llama-server -m <file>.gguf --alias meta/alpha-umi-planner-7b --port 8080',
    );
    expect(startCommand('lmstudio', fill)).toBe('lms server start --port 1234 --cors');
    // `$&` in a replacement is not a pattern here.
    expect(startCommand('ollama', { origin: 'http://a$&b' })).toBe('OLLAMA_ORIGINS=http://a$&b ollama serve');
    expect(startCommand('vllm')).toContain('<model>');
  });

  it('a base URL with a trailing slash gets one slash before the endpoint', () => {
    const req = buildModelsRequest({ preset: 'vllm', baseUrl: 'http://gpu-box:8000/v1/', model: 'm' });
    expect(req.url).toBe('http://gpu-box:8000/v1/models');
  });

  it('the key is never put on a request to another origin', () => {
    const c: ServerConfig = { preset: 'vllm', baseUrl: 'http://gpu-box:8000/v1', model: 'm', apiKey: 'sk' };
    expect(requestHeaders(c, 'http://gpu-box:8000/v1/models', false)).toEqual({ Authorization: 'Bearer sk' });
    expect(requestHeaders(c, 'http://gpu-box:8001/v1/models', false)).toEqual({});
    expect(requestHeaders(c, 'https://gpu-box:8000/v1/models', false)).toEqual({});
    expect(requestHeaders(c, 'http://evil.example/v1/models', false)).toEqual({});
  });

  it('a keyed request refuses redirects and sends no cookies', () => {
    const keyed = fetchInit(
      buildModelsRequest({ preset: 'vllm', baseUrl: 'http://h:1/v1', model: 'm', apiKey: 'k' }),
      new AbortController().signal,
    );
    expect(keyed).toMatchObject({ method: 'GET', redirect: 'error', credentials: 'omit' });
    const open = fetchInit(
      buildModelsRequest({ preset: 'vllm', baseUrl: 'http://h:1/v1', model: 'm' }),
      new AbortController().signal,
    );
    expect(open).not.toHaveProperty('redirect');
  });

  it('a Qwen3 hybrid model is told not to think where the server takes the switch', () => {
    const request = {
      role: 'planner' as const,
      sampling,
      context,
      prompt: { kind: 'messages' as const, messages },
    };
    for (const preset of ['vllm', 'llamacpp'] as const)
      expect(buildGenerateRequest(request, config(preset, { model: 'Qwen/Qwen3-8B' })).body).toMatchObject({
        chat_template_kwargs: { enable_thinking: false },
      });
    expect(buildGenerateRequest(request, config('ollama', { model: 'qwen3:8b' })).body).not.toHaveProperty(
      'chat_template_kwargs',
    );
    expect(
      buildGenerateRequest(request, config('vllm', { model: 'Qwen/Qwen2.5-7B' })).body,
    ).not.toHaveProperty('chat_template_kwargs');
  });

  it('an unparsable schema string leaves the caller unconstrained, and chat stop strings pass through', () => {
    const req = buildGenerateRequest(
      {
        role: 'caller',
        sampling,
        context,
        prompt: { kind: 'messages', messages },
        constraint: { type: 'json_schema', schema: '{not json' },
        stop: ['\nObservation:'],
      },
      config('vllm'),
    );
    expect(req.body).not.toHaveProperty('response_format');
    expect(req.body?.stop).toEqual(['\nObservation:']);
  });

  it('explicit sampling values win over the neutral ones', () => {
    const req = buildGenerateRequest(
      {
        role: 'summarizer',
        sampling: {
          temperature: 0.7,
          maxTokens: 64,
          topP: 0.9,
          repetitionPenalty: 1.1,
          frequencyPenalty: 0.5,
        },
        context,
        prompt: { kind: 'messages', messages },
      },
      config('llamacpp'),
    );
    expect(req.body).toMatchObject({
      top_p: 0.9,
      repeat_penalty: 1.1,
      frequency_penalty: 0.5,
      presence_penalty: 0,
    });
  });
});

describe('urls', () => {
  it('the trace URL has no credentials, query or fragment', () => {
    expect(publicUrl('http://user:pw@gpu-box:8000/v1?token=x#y')).toBe('http://gpu-box:8000/v1');
    expect(publicUrl('http://localhost:8000')).toBe('http://localhost:8000');
    expect(publicUrl('not a url?x=1')).toBe('not a url');
  });

  it('mixed content: an https page and an http server off this machine', () => {
    expect(isMixedContent('http://192.168.1.20:8000/v1', 'https://umi.example')).toBe(true);
    expect(isMixedContent('http://localhost:8000/v1', 'https://umi.example')).toBe(false);
    expect(isMixedContent('http://127.0.0.1:8000/v1', 'https://umi.example')).toBe(false);
    expect(isMixedContent('http://[::1]:8000/v1', 'https://umi.example')).toBe(false);
    expect(isMixedContent('https://gpu.example/v1', 'https://umi.example')).toBe(false);
    expect(isMixedContent('http://192.168.1.20:8000/v1', 'http://localhost:5173')).toBe(false);
    expect(isMixedContent('http://192.168.1.20:8000/v1', undefined)).toBe(false);
  });
});
