import { afterEach, describe, expect, it, vi } from 'vitest';
import { type StandIn, type StandInOptions, startStandIn } from '../../../e2e/support/openai-stand-in';
import { isAbortError } from '../../agent/errors';
import type { GenerateRequest } from '../../agent/types';
import { checkServer, ServerRoleModel } from './server-model';
import { type ServerConfig, ServerError, type ServerProblem } from './types';

/*
 * The real ServerRoleModel against the stand-in server (e2e/support/openai-stand-in.ts) over
 * real HTTP on 127.0.0.1: Node's fetch, real sockets, real SSE framing.
 */

const PAGE = 'http://localhost:5173';
const servers: StandIn[] = [];

async function standIn(options: StandInOptions = {}): Promise<StandIn> {
  const server = await startStandIn(options);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function model(server: StandIn, extra: Partial<ServerConfig> = {}, timeouts = {}) {
  const config: ServerConfig = { preset: 'vllm', baseUrl: server.url, model: 'stand-in-model', ...extra };
  return new ServerRoleModel(config, { pageOrigin: PAGE, timeouts });
}

const context = { task: 't', mode: 'multi' as const, dialect: 'chat' as const, turn: 1, tools: [] };

function chat(extra: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    role: 'summarizer',
    sampling: { temperature: 0, maxTokens: 64 },
    context,
    prompt: {
      kind: 'messages',
      messages: [
        { role: 'system', content: 'You summarise.' },
        { role: 'user', content: 'Task: 2+2' },
      ],
    },
    ...extra,
  };
}

async function problemOf(promise: Promise<unknown>): Promise<ServerProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServerError);
  return (error as ServerError).problem;
}

const generations = (server: StandIn) => server.requests.filter((r) => r.method === 'POST');

describe('ServerRoleModel on the stand-in', () => {
  it('streams a chat reply: deltas in order, the whole text, the server usage, client timings', async () => {
    const server = await standIn({ reply: () => 'The answer is 4.', chunkChars: 3 });
    const m = model(server);
    expect(m).toMatchObject({
      kind: 'server',
      id: `server:stand-in-model@127.0.0.1:${server.port}`,
      label: `stand-in-model on 127.0.0.1:${server.port} (server)`,
    });
    const deltas: string[] = [];
    const result = await m.generate(chat({ onDelta: (d) => deltas.push(d) }));
    expect(result.text).toBe('The answer is 4.');
    expect(deltas.join('')).toBe(result.text);
    expect(deltas.length).toBe(6);
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({
      promptTokens: Math.ceil('You summarise.Task: 2+2'.length / 4),
      completionTokens: 6,
      simulated: false,
      reuseUnknown: true,
    });
    expect(result.usage.unknown).toBeUndefined();
    expect(result.usage.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    expect(result.usage.wallMs).toBeGreaterThanOrEqual(result.usage.timeToFirstTokenMs);
    const [request] = generations(server);
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.body).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 64,
    });
  });

  it('cached prompt tokens count as reused, not as prefilled', async () => {
    const server = await standIn({ reply: () => 'ok', cachedTokens: 4 });
    const result = await model(server).generate(chat());
    const prompt = Math.ceil('You summarise.Task: 2+2'.length / 4);
    expect(result.usage).toMatchObject({ promptTokens: prompt - 4, promptTokensReused: 4 });
    expect(result.usage.reuseUnknown).toBeUndefined();
  });

  it('alpha-umi: /v1/completions with the exact prompt (the server adds the BOS), stop </s>', async () => {
    const server = await standIn({
      reply: () => 'I should call the calculator. Next: caller.</s>caller: Action: calculator',
    });
    const text = 'You have assess to the following apis:\n{"Name": "calculator"}\n... assistant: ';
    const result = await model(server).generate({
      role: 'planner',
      sampling: { temperature: 0, maxTokens: 128 },
      context: { ...context, dialect: 'alpha-umi' },
      prompt: { kind: 'text', text },
    });
    expect(result.text).toBe('I should call the calculator. Next: caller.');
    expect(result.finishReason).toBe('stop');
    const [request] = generations(server);
    expect(request?.path).toBe('/v1/completions');
    expect(request?.body).toMatchObject({
      prompt: text,
      stop: ['</s>'],
      max_tokens: 128,
      add_special_tokens: true,
    });
  });

  it('max_tokens reached: finish reason length', async () => {
    const server = await standIn({ reply: () => 'a'.repeat(100), chunkChars: 1 });
    const result = await model(server).generate(chat({ sampling: { temperature: 0, maxTokens: 5 } }));
    expect(result).toMatchObject({ text: 'aaaaa', finishReason: 'length' });
  });

  it('a server that sends no usage: the counts are marked unknown, not invented', async () => {
    const server = await standIn({ reply: () => 'ok', reportUsage: false });
    const result = await model(server).generate(chat());
    expect(result.text).toBe('ok');
    expect(result.usage).toMatchObject({
      unknown: true,
      promptTokens: 0,
      completionTokens: 0,
      decodeTokensPerSecond: 0,
      simulated: false,
    });
  });

  it('Stop mid-stream aborts the HTTP request: AbortError, and the server sees the connection closed', async () => {
    const server = await standIn({ reply: () => 'word '.repeat(40), mode: 'slow', slowDelayMs: 30 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const promise = model(server).generate(
      chat({
        signal: controller.signal,
        onDelta: (d) => {
          deltas.push(d);
          if (deltas.length === 2) controller.abort();
        },
      }),
    );
    const error = await promise.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    await vi.waitFor(() => expect(generations(server)[0]?.clientClosed).toBe(true));
    expect(generations(server)).toHaveLength(1); // a Stop is not retried
  });

  it('interrupt() aborts the current request too', async () => {
    const server = await standIn({ reply: () => 'word '.repeat(40), mode: 'slow', slowDelayMs: 30 });
    const m = model(server);
    const promise = m.generate(chat({ onDelta: () => void m.interrupt() }));
    expect(isAbortError(await promise.catch((e: unknown) => e))).toBe(true);
    await vi.waitFor(() => expect(generations(server)[0]?.clientClosed).toBe(true));
  });

  it('an aborted signal before the call sends nothing', async () => {
    const server = await standIn();
    const controller = new AbortController();
    controller.abort();
    expect(
      isAbortError(
        await model(server)
          .generate(chat({ signal: controller.signal }))
          .catch((e) => e),
      ),
    ).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it('a stream dropped before any delta is sent again once, and the retry answers', async () => {
    const server = await standIn({ reply: () => 'Recovered.' });
    server.setMode('drop', { times: 1, dropAfterChunks: 0 });
    const deltas: string[] = [];
    const result = await model(server).generate(chat({ onDelta: (d) => deltas.push(d) }));
    expect(result.text).toBe('Recovered.');
    expect(deltas.join('')).toBe('Recovered.');
    expect(generations(server)).toHaveLength(2);
    expect(generations(server)[1]?.body).toEqual(generations(server)[0]?.body);
  });

  it('a stream dropped after deltas fails as dropped: no silent half answer, no second reply', async () => {
    const server = await standIn({ reply: () => 'This will be cut off somewhere.' });
    server.setMode('drop', { dropAfterChunks: 2 });
    const deltas: string[] = [];
    const problem = await problemOf(model(server).generate(chat({ onDelta: (d) => deltas.push(d) })));
    expect(problem).toEqual({ code: 'dropped' });
    expect(deltas.join('')).toBe('This wil');
    expect(generations(server)).toHaveLength(1);
  });

  it('a stream that drops twice before any delta fails as dropped', async () => {
    const server = await standIn();
    server.setMode('drop', { dropAfterChunks: 0 });
    expect(await problemOf(model(server).generate(chat()))).toEqual({ code: 'dropped' });
    expect(generations(server)).toHaveLength(2);
  });

  it('a wrong or missing key: unauthorized with the server message', async () => {
    const server = await standIn({ apiKey: 'sk-right' });
    const wrong = model(server, { apiKey: 'sk-wrong' });
    const problem = await problemOf(wrong.load());
    expect(problem).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(problem.code === 'unauthorized' && problem.detail).toContain('Incorrect API key');
    expect(await problemOf(model(server).generate(chat()))).toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
    const right = model(server, { apiKey: 'sk-right' });
    await right.load();
    expect((await right.generate(chat())).text).toBe('This is the stand-in answering.');
  });

  it('a server that died: unreachable, for the check and for a generation', async () => {
    const server = await standIn();
    const m = model(server);
    await m.load();
    server.setMode('die');
    expect(await problemOf(m.generate(chat()))).toEqual({ code: 'unreachable', url: server.url });
    const config: ServerConfig = { preset: 'vllm', baseUrl: server.url, model: 'stand-in-model' };
    expect(await checkServer(config, { pageOrigin: PAGE })).toEqual({
      ok: false,
      problem: { code: 'unreachable', url: server.url },
    });
  });

  it('a server that dies mid-stream after deltas: dropped', async () => {
    const server = await standIn({ reply: () => 'word '.repeat(40), mode: 'slow', slowDelayMs: 20 });
    let n = 0;
    const promise = model(server).generate(chat({ onDelta: () => ++n === 2 && server.setMode('die') }));
    expect(await problemOf(promise)).toEqual({ code: 'dropped' });
  });

  it('a model the server does not list: model-missing with the list', async () => {
    const server = await standIn({ models: ['qwen2.5:7b', 'llama3.2:latest'] });
    const problem = await problemOf(model(server, { model: 'alpha-umi-planner' }).load());
    expect(problem).toEqual({
      code: 'model-missing',
      model: 'alpha-umi-planner',
      available: ['qwen2.5:7b', 'llama3.2:latest'],
    });
    const check = await checkServer(
      { preset: 'ollama', baseUrl: server.url, model: 'llama3.2' },
      { pageOrigin: PAGE },
    );
    expect(check).toMatchObject({ ok: true, models: ['qwen2.5:7b', 'llama3.2:latest'] });
  });

  it('a generation for a model the server does not serve (404 naming it): model-missing', async () => {
    const server = await standIn();
    const problem = await problemOf(model(server, { model: 'other' }).generate(chat()));
    expect(problem).toEqual({ code: 'model-missing', model: 'other', available: [] });
  });

  it('a base URL without /v1: not-found', async () => {
    const server = await standIn();
    const problem = await problemOf(model(server, { baseUrl: server.url.replace(/\/v1$/, '') }).load());
    expect(problem).toEqual({ code: 'not-found', url: `http://127.0.0.1:${server.port}/models` });
  });

  it('HTTP 500: http with the server message', async () => {
    const server = await standIn({ mode: 'error500' });
    expect(await problemOf(model(server).generate(chat()))).toEqual({
      code: 'http',
      status: 500,
      detail: 'The stand-in was told to fail (mode error500).',
    });
  });

  it('silence longer than the idle limit: timeout', async () => {
    const server = await standIn({ mode: 'slow', slowDelayMs: 400 });
    expect(await problemOf(model(server, {}, { idleMs: 100 }).generate(chat()))).toEqual({
      code: 'timeout',
      seconds: 1,
    });
    await vi.waitFor(() => expect(generations(server)[0]?.clientClosed).toBe(true));
  });

  it('https page and an http server on the LAN: mixed-content, and no request is made', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const m = new ServerRoleModel(
      { preset: 'vllm', baseUrl: 'http://192.168.1.20:8000/v1', model: 'm' },
      { fetch, pageOrigin: 'https://umi.example' },
    );
    expect(await problemOf(m.generate(chat()))).toEqual({
      code: 'mixed-content',
      url: 'http://192.168.1.20:8000/v1',
    });
    expect(await problemOf(m.load())).toMatchObject({ code: 'mixed-content' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("an origin the page's policy does not admit yet: not-admitted, no request", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const m = new ServerRoleModel(
      { preset: 'vllm', baseUrl: 'http://gpu-box:8000/v1', model: 'm' },
      { fetch, pageOrigin: PAGE, isAdmitted: (origin) => origin === 'http://localhost:8000' },
    );
    expect(await problemOf(m.generate(chat()))).toEqual({
      code: 'not-admitted',
      origin: 'http://gpu-box:8000',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('the API key goes only to the origin it was entered for, and never into info()', async () => {
    const keyed = await standIn({ apiKey: 'sk-secret' });
    const open = await standIn();
    const a = model(keyed, { apiKey: 'sk-secret' });
    const b = model(open);
    await a.load();
    await b.load();
    await a.generate(chat());
    await b.generate(chat());
    expect(keyed.requests.every((r) => r.headers.authorization === 'Bearer sk-secret')).toBe(true);
    expect(open.requests.length).toBe(2);
    expect(open.requests.some((r) => r.headers.authorization !== undefined)).toBe(false);
    expect(JSON.stringify(a.info())).not.toContain('sk-secret');
  });

  it('the check fills what the server said about itself; its max_model_len becomes the context window', async () => {
    const server = await standIn({ ownedBy: 'vllm', maxModelLen: 4096, serverHeader: 'uvicorn' });
    const m = model(server, { baseUrl: `http://user:pw@127.0.0.1:${server.port}/v1?x=1` });
    expect(m.contextWindow).toBeUndefined();
    const check = await m.check();
    expect(check).toEqual({
      ok: true,
      models: ['stand-in-model'],
      info: {
        preset: 'vllm',
        url: server.url,
        model: 'stand-in-model',
        reported: { ownedBy: 'vllm', serverHeader: 'uvicorn', maxModelLen: 4096 },
      },
    });
    expect(m.contextWindow).toBe(4096);
  });
});
