import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../agent/types';
import { ServerRoleModel } from './server-model';
import { readChunkStream, StreamDroppedError, type StreamPiece, StreamProblemError } from './sse';
import { ServerError } from './types';

/** A body that delivers `parts` as separate network chunks, optionally breaking at the end. */
function body(parts: string[], breakAtEnd = false): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      if (breakAtEnd) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
}

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;

async function read(parts: string[], endpoint: 'chat' | 'completions' = 'chat', breakAtEnd = false) {
  const pieces: StreamPiece[] = [];
  const outcome = await readChunkStream(body(parts, breakAtEnd), {
    endpoint,
    idleMs: 1000,
    onPiece: (p) => pieces.push(p),
  });
  return { outcome, text: pieces.map((p) => p.content).join('') };
}

describe('readChunkStream', () => {
  it("reads llama-server's mid-stream `error:` field as the server's error, not a dropped stream", async () => {
    const err =
      'error: {"code":400,"message":"the request exceeds the available context size","type":"invalid_request_error"}\n\n';
    const failure = await read([chunk('Hel'), err]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StreamProblemError);
    expect((failure as StreamProblemError).problem).toMatchObject({
      code: 'http',
      status: 400,
      detail: expect.stringContaining('context size'),
    });
  });

  it('a connection lost after the finish reason keeps the complete reply', async () => {
    const parts = [chunk('Hi'), chunk('', 'stop')];
    const encoder = new TextEncoder();
    // Each read gets one part, then the network fails (a queued error would drop the parts).
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = parts.shift();
        if (part) controller.enqueue(encoder.encode(part));
        else controller.error(new TypeError('terminated'));
      },
    });
    const pieces: StreamPiece[] = [];
    const outcome = await readChunkStream(stream, {
      endpoint: 'chat',
      idleMs: 1000,
      onPiece: (p) => pieces.push(p),
    });
    expect(pieces.map((p) => p.content).join('')).toBe('Hi');
    expect(outcome.finishReason).toBe('stop');
  });

  it('keeps a last event that has no blank line after it', async () => {
    const last = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1 } })}`;
    const { outcome, text } = await read([chunk('Hi'), last]);
    expect(text).toBe('Hi');
    expect(outcome.finishReason).toBe('stop');
    expect(outcome.usage?.completion_tokens).toBe(1);
  });

  it('reads chunks split anywhere across network reads, comments and CRLF included', async () => {
    const all = `: ping\r\n\r\n${chunk('Hel')}${chunk('lo')}${chunk('', 'stop')}data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}\n\ndata: [DONE]\n\n`;
    const parts = all.match(/[\s\S]{1,7}/g) ?? [];
    const { outcome, text } = await read(parts);
    expect(text).toBe('Hello');
    expect(outcome).toEqual({
      done: true,
      finishReason: 'stop',
      usage: { prompt_tokens: 3, completion_tokens: 2 },
    });
  });

  it('completions: the text of choices[0]', async () => {
    const line = (text: string, finish: string | null = null) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, text, finish_reason: finish }] })}\n\n`;
    const { outcome, text } = await read(
      [line('Next: '), line('caller.'), line('', 'length'), 'data: [DONE]\n\n'],
      'completions',
    );
    expect(text).toBe('Next: caller.');
    expect(outcome.finishReason).toBe('length');
  });

  it('a body that ends after a finish reason but before [DONE] is complete', async () => {
    const { outcome, text } = await read([chunk('ok'), chunk('', 'stop')]);
    expect(text).toBe('ok');
    expect(outcome).toEqual({ done: false, finishReason: 'stop' });
  });

  it('a body that ends with neither finish reason nor [DONE] was dropped', async () => {
    await expect(read([chunk('half')])).rejects.toBeInstanceOf(StreamDroppedError);
  });

  it('a network error mid-stream is a drop', async () => {
    await expect(read([chunk('half')], 'chat', true)).rejects.toBeInstanceOf(StreamDroppedError);
  });

  it('an error chunk is the server error, with its code and message', async () => {
    const error = `data: ${JSON.stringify({ error: { object: 'error', message: 'CUDA out of memory', type: 'InternalServerError', code: 500 } })}\n\n`;
    const failure = await read([chunk('a'), error]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StreamProblemError);
    expect((failure as StreamProblemError).problem).toEqual({
      code: 'http',
      status: 500,
      detail: 'CUDA out of memory',
    });
  });

  it('a chunk that is not JSON is a bad response', async () => {
    const failure = await read(['data: <html>oops</html>\n\n']).catch((e: unknown) => e);
    expect((failure as StreamProblemError).problem).toMatchObject({ code: 'bad-response' });
  });

  it('silence past idleMs is a timeout', async () => {
    const silent = new ReadableStream<Uint8Array>({ start() {} });
    const failure = await readChunkStream(silent, { endpoint: 'chat', idleMs: 50, onPiece: () => {} }).catch(
      (e: unknown) => e,
    );
    expect((failure as StreamProblemError).problem).toEqual({ code: 'timeout', seconds: 1 });
  });
});

/** A fetch that answers every request with one fixed response. */
function fixedFetch(make: () => Response): typeof fetch {
  return async () => make();
}

const request: GenerateRequest = {
  role: 'planner',
  sampling: { temperature: 0, maxTokens: 64 },
  context: { task: 't', mode: 'multi', dialect: 'chat', turn: 1, tools: [] },
  prompt: { kind: 'messages', messages: [{ role: 'user', content: 'Task: t' }] },
};

function serverModel(fetch: typeof globalThis.fetch) {
  return new ServerRoleModel(
    { preset: 'vllm', baseUrl: 'http://localhost:8000/v1', model: 'Qwen/Qwen3-8B' },
    { fetch, pageOrigin: 'http://localhost:5173' },
  );
}

describe('ServerRoleModel reply shapes', () => {
  it('thinking a server split off (delta.reasoning / reasoning_content) comes back as a think block', async () => {
    const sse = (delta: Record<string, string>) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
    const m = serverModel(
      fixedFetch(
        () =>
          new Response(
            body([
              sse({ reasoning: 'Two plus ' }),
              sse({ reasoning_content: 'two.' }),
              sse({ content: 'It is 4.\nNext: summarizer' }),
              chunk('', 'stop'),
              'data: [DONE]\n\n',
            ]),
            { headers: { 'Content-Type': 'text/event-stream' } },
          ),
      ),
    );
    const deltas: string[] = [];
    const result = await m.generate({ ...request, onDelta: (d) => deltas.push(d) });
    expect(result.text).toBe('<think>\nTwo plus two.\n</think>\n\nIt is 4.\nNext: summarizer');
    expect(deltas.join('')).toBe(result.text);
  });

  it('a server that ignored stream: true answers with one JSON completion', async () => {
    const m = serverModel(
      fixedFetch(() =>
        Response.json({
          choices: [{ index: 0, message: { role: 'assistant', content: 'Whole.' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 5, completion_tokens: 2 },
        }),
      ),
    );
    const deltas: string[] = [];
    const result = await m.generate({ ...request, onDelta: (d) => deltas.push(d) });
    expect(result).toMatchObject({ text: 'Whole.', finishReason: 'stop' });
    expect(result.usage).toMatchObject({ promptTokens: 5, completionTokens: 2, reuseUnknown: true });
    expect(deltas).toEqual(['Whole.']);
  });

  it('an error body without the OpenAI shape: the status and the text detail', async () => {
    const m = serverModel(fixedFetch(() => Response.json({ detail: 'Bad gateway' }, { status: 502 })));
    const error = await m.generate(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).problem).toEqual({ code: 'http', status: 502, detail: 'Bad gateway' });
    expect((error as ServerError).message).toContain('HTTP 502: Bad gateway');
  });

  it('GET /models that is not a model list: bad-response', async () => {
    const m = serverModel(fixedFetch(() => new Response('<html>nginx</html>', { status: 200 })));
    const result = await m.check();
    expect(result).toMatchObject({ ok: false, problem: { code: 'bad-response' } });
  });
});
