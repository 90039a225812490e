/**
 * A STAND-IN for an OpenAI-compatible server, written for the tests. It is not vLLM, Ollama,
 * llama.cpp or LM Studio, runs no model and answers from a script. No real server can run in CI
 * (no weights, no server binaries), so the engine's tests run against this.
 *
 * What it follows, on the wire:
 * - OpenAI's Chat Completions and Completions APIs (platform.openai.com/docs/api-reference):
 *   SSE framing `data: {json}\n\n` ended by `data: [DONE]`, usage in a last chunk with
 *   `choices: []` when `stream_options.include_usage` is set, `{error: {message, type, code}}`
 *   error bodies, a 401 for a missing or wrong `Authorization: Bearer` key.
 * - vLLM's OpenAI server (v0.12 and later, vllm/entrypoints/openai): the first chat chunk carries
 *   `delta: {role: "assistant", content: ""}`, the finish reason comes in a chunk of its own,
 *   an unknown model is a 404 "The model `x` does not exist.", an unknown route FastAPI's
 *   `{"detail": "Not Found"}`, and `GET /v1/models` lists `max_model_len` (when configured).
 * - CORS as a browser sees it: an admitted origin gets `Access-Control-Allow-Origin` and the
 *   preflight allows `Authorization, Content-Type`; a refused one gets a 403 with no CORS
 *   headers (as Ollama answers a foreign origin), which the browser reports as a network error.
 * What it does not do: tokenize (a "token" is `chunkChars` characters), apply a chat template,
 * or constrain decoding (grammar and schema fields are recorded, not obeyed).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * - `normal`: answers. `slow`: every chunk waits `slowDelayMs`.
 * - `drop`: a generation stream is cut (socket destroyed) after `dropAfterChunks` text chunks, no `[DONE]`.
 * - `die`: every open connection is destroyed and new ones are refused.
 * - `error500`: generations answer HTTP 500 with an OpenAI-style error body.
 */
export type StandInMode = 'normal' | 'slow' | 'drop' | 'die' | 'error500';

export type StandInEndpoint = 'chat' | 'completions';

export interface StandInOptions {
  /** The model ids `GET /v1/models` lists; generations for others get a 404. Default `['stand-in-model']`. */
  models?: readonly string[];
  /** `owned_by` of every listed model. Default `stand-in`. */
  ownedBy?: string;
  /** The reply text for a request body; cut at `stop` and `max_tokens` as a server would. */
  reply?: (body: Record<string, unknown>, endpoint: StandInEndpoint) => string;
  /** Characters per streamed chunk (one "token"). Default 4. */
  chunkChars?: number;
  /** Delay before each chunk in `normal` mode. Default 0. */
  chunkDelayMs?: number;
  /** Delay before each chunk in `slow` mode. Default 300. */
  slowDelayMs?: number;
  /** Origins that get CORS headers; `'*'` admits any. Default `'*'`. */
  allowedOrigins?: readonly string[] | '*';
  /** When set, `/v1/*` needs `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  mode?: StandInMode;
  /** Text chunks sent before a `drop` cuts the stream. Default 1. */
  dropAfterChunks?: number;
  /** Send usage when asked (false: ignore `stream_options`, as LM Studio 0.3.x does). Default true. */
  reportUsage?: boolean;
  /** Reported as `usage.prompt_tokens_details.cached_tokens` when set. */
  cachedTokens?: number;
  /** Listed as `max_model_len` (vLLM's field) when set. */
  maxModelLen?: number;
  /** The `Server` header. Default `openai-stand-in`. */
  serverHeader?: string;
  host?: string;
  port?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (the raw text when it was not JSON; undefined without one). */
  body: unknown;
  /** The client closed the connection before the reply was complete (a Stop). */
  clientClosed: boolean;
}

export interface StandIn {
  /** The API base, `/v1` included. */
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: RecordedRequest[];
  /** Switches the mode; with `times`, back to `normal` after that many generations in it. */
  setMode(mode: StandInMode, options?: { times?: number; dropAfterChunks?: number }): void;
  close(): Promise<void>;
}

const DEFAULT_REPLY = 'This is the stand-in answering.';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function openAiError(message: string, type: string, code: string | number) {
  return { error: { message, type, param: null, code } };
}

/** A reply cut as a server cuts it: at the first stop string (not included), then at `max_tokens`. */
function cutReply(
  full: string,
  body: Record<string, unknown>,
  chunkChars: number,
): { pieces: string[]; finish: 'stop' | 'length' } {
  let text = full;
  const stops = typeof body.stop === 'string' ? [body.stop] : Array.isArray(body.stop) ? body.stop : [];
  for (const stop of stops) {
    if (typeof stop !== 'string' || stop === '') continue;
    const at = text.indexOf(stop);
    if (at >= 0) text = text.slice(0, at);
  }
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += chunkChars) pieces.push(text.slice(i, i + chunkChars));
  const max = typeof body.max_tokens === 'number' ? body.max_tokens : Number.POSITIVE_INFINITY;
  return pieces.length > max
    ? { pieces: pieces.slice(0, max), finish: 'length' }
    : { pieces, finish: 'stop' };
}

function promptChars(body: Record<string, unknown>): number {
  if (typeof body.prompt === 'string') return body.prompt.length;
  if (!Array.isArray(body.messages)) return 0;
  return body.messages.reduce(
    (n: number, m: { content?: unknown }) => n + (typeof m?.content === 'string' ? m.content.length : 0),
    0,
  );
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const models = options.models ?? ['stand-in-model'];
  const chunkChars = Math.max(1, options.chunkChars ?? 4);
  const allowed = options.allowedOrigins ?? '*';
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let mode: StandInMode = options.mode ?? 'normal';
  let modeTimes = Number.POSITIVE_INFINITY;
  let dropAfter = options.dropAfterChunks ?? 1;
  let counter = 0;
  /** Responses the stand-in itself cut (drop, die): their close is not the client's doing. */
  const cutByServer = new WeakSet<ServerResponse>();

  /** CORS headers for an admitted origin, {} without an Origin (not a browser), undefined when refused. */
  const cors = (req: IncomingMessage): Record<string, string> | undefined => {
    const origin = req.headers.origin;
    if (!origin) return {};
    if (allowed !== '*' && !allowed.includes(origin)) return undefined;
    return { 'Access-Control-Allow-Origin': allowed === '*' ? '*' : origin, Vary: 'Origin' };
  };

  const send = (res: ServerResponse, status: number, headers: Record<string, string>, body: unknown) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  /** Counts a generation against `setMode(…, {times})`. */
  const modeForGeneration = (): StandInMode => {
    const current = mode;
    if (current !== 'normal' && --modeTimes <= 0) {
      mode = 'normal';
      modeTimes = Number.POSITIVE_INFINITY;
    }
    return current;
  };

  const generate = async (
    res: ServerResponse,
    headers: Record<string, string>,
    body: Record<string, unknown>,
    endpoint: StandInEndpoint,
  ) => {
    const model = typeof body.model === 'string' ? body.model : '';
    if (!models.includes(model))
      return send(
        res,
        404,
        headers,
        openAiError(`The model \`${model}\` does not exist.`, 'NotFoundError', 404),
      );
    const current = modeForGeneration();
    if (current === 'error500')
      return send(
        res,
        500,
        headers,
        openAiError('The stand-in was told to fail (mode error500).', 'server_error', 500),
      );
    const full = options.reply ? options.reply(body, endpoint) : DEFAULT_REPLY;
    const { pieces, finish } = cutReply(full, body, chunkChars);
    const id = `${endpoint === 'chat' ? 'chatcmpl' : 'cmpl'}-standin-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = {
      prompt_tokens: Math.ceil(promptChars(body) / 4),
      completion_tokens: pieces.length,
      total_tokens: Math.ceil(promptChars(body) / 4) + pieces.length,
      ...(options.cachedTokens !== undefined
        ? { prompt_tokens_details: { cached_tokens: options.cachedTokens } }
        : {}),
    };
    const wantsUsage =
      (options.reportUsage ?? true) &&
      (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;

    if (body.stream !== true) {
      const text = pieces.join('');
      const choice =
        endpoint === 'chat'
          ? { index: 0, message: { role: 'assistant', content: text }, logprobs: null, finish_reason: finish }
          : { index: 0, text, logprobs: null, finish_reason: finish };
      const object = endpoint === 'chat' ? 'chat.completion' : 'text_completion';
      return send(res, 200, headers, {
        id,
        object,
        created,
        model,
        choices: [choice],
        ...((options.reportUsage ?? true) ? { usage } : {}),
      });
    }

    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
    const object = endpoint === 'chat' ? 'chat.completion.chunk' : 'text_completion';
    const choice = (text: string, finishReason: string | null, first = false) =>
      endpoint === 'chat'
        ? {
            index: 0,
            delta: finishReason ? {} : first ? { role: 'assistant', content: '' } : { content: text },
            logprobs: null,
            finish_reason: finishReason,
          }
        : { index: 0, text, logprobs: null, finish_reason: finishReason };
    // Each chunk is on the wire before the next step, so a drop cuts after what was sent.
    const write = (data: unknown) =>
      new Promise<void>((resolve) => {
        if (res.destroyed) return resolve();
        res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`, () => resolve());
      });
    const delay = current === 'slow' ? (options.slowDelayMs ?? 300) : (options.chunkDelayMs ?? 0);
    const pause = async () => {
      if (delay > 0) await sleep(delay);
    };

    await pause();
    if (endpoint === 'chat') await write({ id, object, created, model, choices: [choice('', null, true)] });
    for (const [i, piece] of pieces.entries()) {
      if (current === 'drop' && i >= dropAfter) {
        cutByServer.add(res);
        res.socket?.destroy(); // cut mid-stream: no finish reason, no [DONE]
        return;
      }
      await pause();
      if (res.destroyed) return;
      await write({ id, object, created, model, choices: [choice(piece, null)] });
    }
    if (current === 'drop') {
      cutByServer.add(res);
      res.socket?.destroy();
      return;
    }
    await pause();
    await write({ id, object, created, model, choices: [choice('', finish)] });
    if (wantsUsage) await write({ id, object, created, model, choices: [], usage });
    await write('[DONE]');
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: req.headers,
      body,
      clientClosed: false,
    };
    requests.push(recorded);
    res.on('close', () => {
      if (!res.writableEnded && !cutByServer.has(res) && mode !== 'die') recorded.clientClosed = true;
    });

    const baseHeaders = { Server: options.serverHeader ?? 'openai-stand-in' };
    const corsHeaders = cors(req);
    if (!corsHeaders) {
      res.writeHead(403, { ...baseHeaders, 'Content-Type': 'text/plain' });
      return res.end('Origin not allowed');
    }
    const headers = { ...baseHeaders, ...corsHeaders };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...headers,
        ...(req.headers.origin
          ? {
              'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
              'Access-Control-Allow-Headers': 'Authorization, Content-Type',
              'Access-Control-Max-Age': '600',
            }
          : {}),
      });
      return res.end();
    }
    if (options.apiKey !== undefined && path.startsWith('/v1/')) {
      if (req.headers.authorization !== `Bearer ${options.apiKey}`)
        return send(
          res,
          401,
          headers,
          openAiError(
            'Incorrect API key provided. Send it as "Authorization: Bearer <key>".',
            'invalid_request_error',
            'invalid_api_key',
          ),
        );
    }
    if (req.method === 'GET' && path === '/v1/models') {
      return send(res, 200, headers, {
        object: 'list',
        data: models.map((id) => ({
          id,
          object: 'model',
          created: 0,
          owned_by: options.ownedBy ?? 'stand-in',
          ...(options.maxModelLen !== undefined ? { max_model_len: options.maxModelLen } : {}),
        })),
      });
    }
    const endpoint: StandInEndpoint | undefined =
      path === '/v1/chat/completions' ? 'chat' : path === '/v1/completions' ? 'completions' : undefined;
    if (req.method === 'POST' && endpoint) {
      if (typeof body !== 'object' || body === null)
        return send(
          res,
          400,
          headers,
          openAiError('The body is not a JSON object.', 'invalid_request_error', 400),
        );
      return generate(res, headers, body as Record<string, unknown>, endpoint);
    }
    return send(res, 404, headers, { detail: 'Not Found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    if (mode === 'die') {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/v1`,
    port,
    requests,
    setMode(next, { times, dropAfterChunks } = {}) {
      mode = next;
      modeTimes = times ?? Number.POSITIVE_INFINITY;
      if (dropAfterChunks !== undefined) dropAfter = dropAfterChunks;
      if (next === 'die') for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
