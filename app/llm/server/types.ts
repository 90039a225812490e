/**
 * The "Server (OpenAI-compatible)" engine: a role served by a server the user already runs
 * (vLLM, Ollama, llama.cpp's llama-server, LM Studio). This file is the contract between the
 * engine (app/llm/server/*), the store and UI, and the page's security policy.
 */
import type { RoleModelServer } from '../../agent/types';

export type ServerPresetId = 'vllm' | 'ollama' | 'llamacpp' | 'lmstudio' | 'custom';

/** What the user set for one role. */
export interface ServerConfig {
  preset: ServerPresetId;
  /** The API base, `/v1` included, no credentials and no query: `http://localhost:8000/v1`. */
  baseUrl: string;
  /** The model name the server knows (`GET /v1/models`). */
  model: string;
  /**
   * Sent as `Authorization: Bearer …`, only to `baseUrl`'s origin. Never written into a trace,
   * an export or a lesson link; kept on the device only when the user asks (store's job).
   */
  apiKey?: string;
}

/**
 * What the trace records about the server (the agent's `RoleModelServer`, with the preset
 * typed): no key, no credentials in the URL (`baseUrl` with user:password and query removed).
 */
export interface ServerInfo extends RoleModelServer {
  preset: ServerPresetId;
}

/** Why a request to a server failed, as a code; the page writes the sentence (messages.ts). */
export type ServerProblem =
  /** fetch() rejected: the server is down, the address is wrong, or it refused the page's origin (CORS). */
  | { code: 'unreachable'; url: string }
  /** An https page cannot call an http server (other than localhost). */
  | { code: 'mixed-content'; url: string }
  /** The page's Content-Security-Policy does not admit the origin yet: save it, then reload. */
  | { code: 'not-admitted'; origin: string }
  /** 401 or 403: the key is missing or wrong. */
  | { code: 'unauthorized'; status: number; detail?: string }
  /** The server does not serve this model. */
  | { code: 'model-missing'; model: string; available: string[] }
  /** 404 on the endpoint: the base URL is probably missing `/v1`, or the server has no such route. */
  | { code: 'not-found'; url: string }
  /** Any other HTTP error, with the server's own message when it gave one. */
  | { code: 'http'; status: number; detail?: string }
  /** No response, or no chunk, within the time limit. */
  | { code: 'timeout'; seconds: number }
  /** The stream ended before the reply did (no finish reason, no `[DONE]`), after the retry. */
  | { code: 'dropped' }
  /** The body was not the OpenAI wire format. */
  | { code: 'bad-response'; detail: string };

export class ServerError extends Error {
  override name = 'ServerError';
  constructor(
    readonly problem: ServerProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The page's Content-Security-Policy admits the server origins saved under this localStorage
 * key (a JSON array of origins such as `"http://localhost:8000"`), read when the page loads
 * (public/csp-boot.js). A server added while the page runs is admitted after a reload.
 */
export const ADMITTED_ORIGINS_KEY = 'umi-lab:server-origins';
