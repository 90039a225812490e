import { AbortError } from '../../agent/errors';
import type { GenerateRequest, GenerateResult, LoadProgress, RoleModel } from '../../agent/types';
import { serverError } from './messages';
import {
  finishReason,
  listedModels,
  ReplyText,
  readWholeReply,
  sameModel,
  type Timing,
  toUsage,
} from './reply';
import { buildGenerateRequest, buildModelsRequest, fetchInit, type ServerHttpRequest } from './request';
import {
  errorMessage,
  readChunkStream,
  StreamDroppedError,
  type StreamOutcome,
  type StreamPiece,
  StreamProblemError,
} from './sse';
import { type ServerConfig, ServerError, type ServerInfo, type ServerProblem } from './types';
import { hostOf, isMixedContent, parseBaseUrl, publicUrl } from './url';

export interface ServerTimeouts {
  /** The connection check (`GET /models`): a server that answers at all answers fast. */
  checkMs: number;
  /** Until the response headers: Ollama and LM Studio load the model on the first request. */
  responseMs: number;
  /** Between two chunks of a reply; covers the prefill before the first one. */
  idleMs: number;
}

export const DEFAULT_SERVER_TIMEOUTS: Readonly<ServerTimeouts> = {
  checkMs: 15_000,
  responseMs: 300_000,
  idleMs: 120_000,
};

export interface ServerModelOptions {
  /** The fetch to use (tests: a spy). Default the global one. */
  fetch?: typeof fetch;
  now?: () => number;
  timeouts?: Partial<ServerTimeouts>;
  /** This page's origin, for the mixed-content rule. Default `globalThis.location.origin`. */
  pageOrigin?: string;
  /**
   * Whether the page's Content-Security-Policy admits an origin (types.ts ADMITTED_ORIGINS_KEY).
   * An origin it does not is refused as `not-admitted` before any request; unset, no check.
   */
  isAdmitted?: (origin: string) => boolean;
}

export type ServerCheckResult =
  | { ok: true; models: string[]; info: ServerInfo }
  | { ok: false; problem: ServerProblem };

/** Why an attempt's controller was aborted: the user, or a time limit. */
const STOPPED = Object.freeze({ why: 'stopped' });
const TIMED_OUT = Object.freeze({ why: 'timed out' });

/**
 * A role on a server the user runs (vLLM, Ollama, llama.cpp, LM Studio, another
 * OpenAI-compatible one). `load()` is the connection check; `generate()` streams one reply. Stop
 * (the request's signal, or `interrupt()`) aborts the HTTP request. A stream that breaks before
 * its first delta is sent again once; after a delta it fails as `dropped`, never as half an
 * answer.
 */
export class ServerRoleModel implements RoleModel {
  readonly kind = 'server' as const;
  readonly id: string;
  readonly label: string;
  private readonly fetcher: typeof fetch;
  private readonly now: () => number;
  private readonly timeouts: ServerTimeouts;
  private readonly pageOrigin: string | undefined;
  private reported: ServerInfo['reported'];
  /** The request in flight, for interrupt(). */
  private current: AbortController | undefined;

  constructor(
    private readonly config: ServerConfig,
    private readonly options: ServerModelOptions = {},
  ) {
    const host = hostOf(config.baseUrl);
    this.id = `server:${config.model}@${host}`;
    this.label = `${config.model} on ${host} (server)`;
    this.fetcher = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? (() => performance.now());
    this.timeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts };
    this.pageOrigin =
      options.pageOrigin ?? (globalThis as { location?: { origin?: string } }).location?.origin;
  }

  /** The model's window, when the server said (vLLM's `max_model_len`): chat prompts are cut to fit. */
  get contextWindow(): number | undefined {
    return this.reported?.maxModelLen;
  }

  /** What the trace records: no key, the URL without credentials, what the server said about itself. */
  info(): ServerInfo {
    return {
      preset: this.config.preset,
      url: publicUrl(this.config.baseUrl),
      model: this.config.model,
      ...(this.reported ? { reported: { ...this.reported } } : {}),
    };
  }

  /** The connection check: is the server there, does it serve this model. */
  async load(options: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}): Promise<void> {
    options.onProgress?.({ progress: 0, text: `Checking ${publicUrl(this.config.baseUrl)}` });
    const result = await this.check(options.signal);
    if (!result.ok) throw this.error(result.problem);
    options.onProgress?.({ progress: 1, text: `${this.config.model} is served` });
  }

  /** `GET {base}/models`: the models listed, or the problem. Fills `info().reported`. */
  async check(signal?: AbortSignal): Promise<ServerCheckResult> {
    try {
      const problem = this.preflight();
      if (problem) return { ok: false, problem };
      const request = buildModelsRequest(this.config);
      const listed = await this.withController(signal, async (controller) => {
        const response = await this.open(request, controller, this.timeouts.checkMs);
        const body = await this.readJson(response, controller, this.timeouts.checkMs);
        const models = listedModels(body);
        if (!models) throw this.error({ code: 'bad-response', detail: 'GET /models has no "data" list' });
        const serverHeader = response.headers.get('server'); // readable cross-origin only when exposed
        return { models, serverHeader };
      });
      const ids = listed.models.map((m) => m.id);
      // No model typed yet: the check is how the user finds the names.
      if (!this.config.model) return { ok: true, models: ids, info: this.info() };
      const entry = listed.models.find((m) => sameModel(m.id, this.config.model));
      if (!entry)
        return { ok: false, problem: { code: 'model-missing', model: this.config.model, available: ids } };
      const reported: NonNullable<ServerInfo['reported']> = {
        ...(entry.ownedBy ? { ownedBy: entry.ownedBy } : {}),
        ...(listed.serverHeader ? { serverHeader: listed.serverHeader } : {}),
        ...(entry.maxModelLen ? { maxModelLen: entry.maxModelLen } : {}),
      };
      this.reported = Object.keys(reported).length > 0 ? reported : undefined;
      return { ok: true, models: ids, info: this.info() };
    } catch (error) {
      if (error instanceof ServerError) return { ok: false, problem: error.problem };
      throw error;
    }
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { signal, onDelta, ...rest } = request;
    if (signal?.aborted) throw new AbortError();
    const problem = this.preflight();
    if (problem) throw this.error(problem);
    const http = buildGenerateRequest(rest, this.config);
    const started = this.now();
    for (let attempt = 0; ; attempt++) {
      const reply = new ReplyText();
      const timing: Timing = { started, attemptStarted: this.now(), firstDeltaAt: undefined, ended: 0 };
      try {
        const outcome = await this.withController(signal, (controller) =>
          this.stream(http, controller, (piece) => {
            const delta = reply.add(piece);
            if (!delta) return;
            timing.firstDeltaAt ??= this.now();
            onDelta?.(delta);
          }),
        );
        timing.ended = this.now();
        return {
          text: reply.text,
          usage: toUsage(outcome.usage, timing),
          finishReason: finishReason(outcome.finishReason),
        };
      } catch (error) {
        if (!(error instanceof StreamDroppedError)) throw error;
        // Nothing shown yet: the same request again, once. After a delta the user has seen
        // part of an answer, and a second one would not continue it.
        if (attempt === 0 && reply.text === '') continue;
        throw this.error({ code: 'dropped' });
      }
    }
  }

  async interrupt(): Promise<void> {
    this.current?.abort(STOPPED);
  }

  private error(problem: ServerProblem) {
    return serverError(problem, this.config.preset, {
      model: this.config.model,
      ...(this.pageOrigin ? { pageOrigin: this.pageOrigin } : {}),
    });
  }

  /** Problems known before any request: a URL that is not http(s), mixed content, the page's CSP. */
  private preflight(): ServerProblem | undefined {
    const url = parseBaseUrl(this.config.baseUrl);
    if (!url) return { code: 'unreachable', url: publicUrl(this.config.baseUrl) };
    if (isMixedContent(this.config.baseUrl, this.pageOrigin))
      return { code: 'mixed-content', url: publicUrl(this.config.baseUrl) };
    if (this.options.isAdmitted && !this.options.isAdmitted(url.origin))
      return { code: 'not-admitted', origin: url.origin };
    return undefined;
  }

  /**
   * Runs `work` with a controller that the caller's signal and interrupt() abort; an abort by
   * either becomes an AbortError, whatever the fetch or the reader threw.
   */
  private async withController<T>(
    signal: AbortSignal | undefined,
    work: (controller: AbortController) => Promise<T>,
  ): Promise<T> {
    if (signal?.aborted) throw new AbortError();
    const controller = new AbortController();
    const onAbort = () => controller.abort(STOPPED);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.current = controller;
    try {
      return await work(controller);
    } catch (error) {
      if (controller.signal.reason === STOPPED) throw new AbortError();
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (this.current === controller) this.current = undefined;
      // Whatever ended the attempt, its connection is closed (a no-op after a complete reply).
      if (!controller.signal.aborted) controller.abort(STOPPED);
    }
  }

  /** Sends `request`; resolves with a 2xx response, or throws the ServerError for what went wrong. */
  private async open(
    request: ServerHttpRequest,
    controller: AbortController,
    timeoutMs: number,
  ): Promise<Response> {
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    let response: Response;
    try {
      response = await this.fetcher(request.url, fetchInit(request, controller.signal));
    } catch (error) {
      if (controller.signal.reason === STOPPED) throw error;
      if (controller.signal.reason === TIMED_OUT)
        throw this.error({ code: 'timeout', seconds: Math.ceil(timeoutMs / 1000) });
      // The browser gives one TypeError for a server that is down, a wrong address and a CORS
      // refusal alike: the message names all three.
      throw this.error({ code: 'unreachable', url: publicUrl(this.config.baseUrl) });
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw this.error(await this.httpProblem(response, request.url, controller, timeoutMs));
    return response;
  }

  private async httpProblem(
    response: Response,
    url: string,
    controller: AbortController,
    timeoutMs: number,
  ): Promise<ServerProblem> {
    const body = await this.readJson(response, controller, timeoutMs).catch(() => undefined);
    const detail = errorMessage(body)?.slice(0, 300);
    const status = response.status;
    if (status === 401 || status === 403)
      return { code: 'unauthorized', status, ...(detail ? { detail } : {}) };
    if (status === 404) {
      // vLLM and Ollama answer 404 for a model they do not serve, naming it.
      if (detail && /model/i.test(detail) && detail.includes(this.config.model))
        return { code: 'model-missing', model: this.config.model, available: [] };
      return { code: 'not-found', url: publicUrl(url) };
    }
    return { code: 'http', status, ...(detail ? { detail } : {}) };
  }

  /** A whole JSON body within the time limit; a body that is not JSON is a bad response. */
  private async readJson(
    response: Response,
    controller: AbortController,
    timeoutMs: number,
  ): Promise<unknown> {
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (controller.signal.reason === TIMED_OUT)
        throw this.error({ code: 'timeout', seconds: Math.ceil(timeoutMs / 1000) });
      throw error;
    } finally {
      clearTimeout(timer);
    }
    try {
      return JSON.parse(text);
    } catch {
      throw this.error({ code: 'bad-response', detail: `not JSON: ${text.slice(0, 120)}` });
    }
  }

  /** One attempt: the request, then its stream (or, from a server that does not stream, its JSON). */
  private async stream(
    request: ServerHttpRequest,
    controller: AbortController,
    onPiece: (piece: StreamPiece) => void,
  ): Promise<StreamOutcome> {
    const endpoint = request.endpoint === 'completions' ? 'completions' : 'chat';
    const response = await this.open(request, controller, this.timeouts.responseMs);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream')) return this.wholeReply(response, controller, endpoint, onPiece);
    if (!response.body) throw this.error({ code: 'bad-response', detail: 'an empty body' });
    try {
      return await readChunkStream(response.body, { endpoint, idleMs: this.timeouts.idleMs, onPiece });
    } catch (error) {
      if (controller.signal.reason === STOPPED) throw error;
      if (error instanceof StreamProblemError) throw this.error(error.problem);
      throw error;
    }
  }

  /** A server that ignored `stream: true` answers with one JSON completion. */
  private async wholeReply(
    response: Response,
    controller: AbortController,
    endpoint: 'chat' | 'completions',
    onPiece: (piece: StreamPiece) => void,
  ): Promise<StreamOutcome> {
    const body = await this.readJson(response, controller, this.timeouts.idleMs);
    const detail = errorMessage(body);
    if (detail) throw this.error({ code: 'http', status: response.status, detail });
    const whole = readWholeReply(body, endpoint);
    if (!whole) throw this.error({ code: 'bad-response', detail: 'no choices in the reply' });
    onPiece(whole.piece);
    return whole.outcome;
  }
}

/** The "Check connection" button: the models the server lists, or why it cannot be used. */
export function checkServer(
  config: ServerConfig,
  options: ServerModelOptions = {},
): Promise<ServerCheckResult> {
  return new ServerRoleModel(config, options).check();
}
