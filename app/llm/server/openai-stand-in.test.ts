import { afterEach, describe, expect, it } from 'vitest';
import { type StandIn, type StandInOptions, startStandIn } from '../../../e2e/support/openai-stand-in';

/*
 * The stand-in's own wire format, checked with raw requests: what the engine tests (and the
 * e2e tests) rely on it to do as the real servers do.
 */

const servers: StandIn[] = [];
async function standIn(options: StandInOptions = {}) {
  const server = await startStandIn(options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const post = (server: StandIn, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('openai stand-in', () => {
  it('streams SSE: a role chunk, text chunks, a finish chunk, usage with choices [], then [DONE]', async () => {
    const server = await standIn({ reply: () => 'abcdef', chunkChars: 3 });
    const response = await post(server, '/chat/completions', {
      model: 'stand-in-model',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.every((e) => e.startsWith('data: '))).toBe(true);
    const data = events.map((e) => e.slice(6));
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.slice(1, 3).map((c) => c.choices[0].delta.content)).toEqual(['abc', 'def']);
    expect(chunks[3].choices[0].finish_reason).toBe('stop');
    expect(chunks[4]).toMatchObject({
      choices: [],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
  });

  it('no usage chunk unless asked; non-streaming answers one JSON completion', async () => {
    const server = await standIn({ reply: () => 'ok' });
    const streamed = await (
      await post(server, '/completions', { model: 'stand-in-model', prompt: 'p', stream: true })
    ).text();
    expect(streamed).not.toContain('usage');
    const whole = await (await post(server, '/completions', { model: 'stand-in-model', prompt: 'p' })).json();
    expect(whole).toMatchObject({
      object: 'text_completion',
      choices: [{ text: 'ok', finish_reason: 'stop' }],
    });
  });

  it('CORS: an admitted origin gets the headers and a preflight allowing Authorization', async () => {
    const server = await standIn({ allowedOrigins: ['http://localhost:5173'] });
    const preflight = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    const models = await fetch(`${server.url}/models`, { headers: { Origin: 'http://localhost:5173' } });
    expect(models.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('CORS: a refused origin gets no CORS headers at all', async () => {
    const server = await standIn({ allowedOrigins: ['http://localhost:5173'] });
    for (const method of ['OPTIONS', 'GET']) {
      const response = await fetch(`${server.url}/models`, {
        method,
        headers: { Origin: 'https://evil.example' },
      });
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('a missing or wrong key: 401 with an OpenAI error body; the preflight needs no key', async () => {
    const server = await standIn({ apiKey: 'sk-1' });
    const missing = await fetch(`${server.url}/models`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      error: {
        message: expect.stringContaining('API key'),
        type: 'invalid_request_error',
        code: 'invalid_api_key',
      },
    });
    expect((await fetch(`${server.url}/models`, { headers: { Authorization: 'Bearer sk-2' } })).status).toBe(
      401,
    );
    expect((await fetch(`${server.url}/models`, { headers: { Authorization: 'Bearer sk-1' } })).status).toBe(
      200,
    );
    expect(
      (await fetch(`${server.url}/models`, { method: 'OPTIONS', headers: { Origin: 'http://x' } })).status,
    ).toBe(204);
  });

  it('records every request; error500 and unknown routes answer as servers do', async () => {
    const server = await standIn({ mode: 'error500' });
    const failed = await post(server, '/chat/completions', { model: 'stand-in-model', messages: [] });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: { type: 'server_error', code: 500 } });
    const missing = await fetch(`${server.url}/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ detail: 'Not Found' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/chat/completions',
      'GET /v1/nothing',
    ]);
    expect(server.requests[0]?.body).toEqual({ model: 'stand-in-model', messages: [] });
  });
});
