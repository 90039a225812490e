import { thinkingKind } from '../../agent/thinking';
import { type GenerateRequest, NEUTRAL_SAMPLING, type SamplingSettings } from '../../agent/types';
import { ALPHA_UMI_BOS, ALPHA_UMI_STOP } from '../webllm/protocol';
import { type ServerPreset, serverPreset } from './presets';
import type { ServerConfig } from './types';
import { endpointUrl, keyMayGoTo, publicUrl } from './url';

/**
 * The HTTP requests of the server engine, built from the agent's request. Pure functions:
 * request.test.ts checks every preset in both dialects without a server.
 */
export interface ServerHttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** The JSON body (POST), as an object so tests can read it; sent as `JSON.stringify(body)`. */
  body?: Record<string, unknown>;
  /** Which stream format the reply has: chat deltas or completion text. */
  endpoint: 'chat' | 'completions' | 'models';
}

export type GenerateBody = Omit<GenerateRequest, 'onDelta' | 'signal'>;

/**
 * Requests go to the base URL without `user:password@` or a query (fetch refuses URLs with
 * credentials; the contract says a base URL has neither).
 *
 * `Authorization: Bearer` only when a key is set and the request goes to the origin the key was
 * entered for (the base URL's): the one rule that keeps a key from leaving for anywhere else.
 */
export function requestHeaders(config: ServerConfig, url: string, json: boolean): Record<string, string> {
  const headers: Record<string, string> = json ? { 'Content-Type': 'application/json' } : {};
  const key = config.apiKey?.trim();
  if (key && keyMayGoTo(url, config.baseUrl)) headers.Authorization = `Bearer ${key}`;
  return headers;
}

/** The connection check: `GET {base}/models`. */
export function buildModelsRequest(config: ServerConfig): ServerHttpRequest {
  const url = endpointUrl(publicUrl(config.baseUrl), 'models');
  return { method: 'GET', url, headers: requestHeaders(config, url, false), endpoint: 'models' };
}

/**
 * Every sampling value, the neutral ones too: a value left out is filled by the server from the
 * model's own config or the server's defaults, which the user never sees (the WebLLM path does
 * the same). The repetition penalty goes only to servers that take one, under their name.
 */
function samplingFields(sampling: SamplingSettings, preset: ServerPreset): Record<string, unknown> {
  return {
    max_tokens: sampling.maxTokens, // always set: a constrained model can otherwise pad forever
    temperature: sampling.temperature,
    top_p: sampling.topP ?? NEUTRAL_SAMPLING.topP,
    frequency_penalty: sampling.frequencyPenalty ?? NEUTRAL_SAMPLING.frequencyPenalty,
    presence_penalty: sampling.presencePenalty ?? NEUTRAL_SAMPLING.presencePenalty,
    ...(preset.repetitionPenalty
      ? { [preset.repetitionPenalty]: sampling.repetitionPenalty ?? NEUTRAL_SAMPLING.repetitionPenalty }
      : {}),
    ...preset.neutral,
    ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
  };
}

/** The decoding constraint in the preset's own field; none where the server has no such field. */
function constraintFields(request: GenerateBody, preset: ServerPreset): Record<string, unknown> {
  const constraint = request.constraint;
  if (constraint?.type === 'json_schema' && preset.jsonSchema) {
    let schema: unknown;
    try {
      schema = JSON.parse(constraint.schema);
    } catch {
      return {}; // not a schema: unconstrained, the caller parser reports
    }
    return {
      response_format: { type: 'json_schema', json_schema: { name: 'tool_call', schema, strict: true } },
    };
  }
  if (constraint?.type === 'grammar') {
    if (preset.grammar === 'structured_outputs')
      return { structured_outputs: { grammar: constraint.grammar } };
    if (preset.grammar === 'grammar') return { grammar: constraint.grammar };
  }
  return {};
}

/** A model id's last path segment, with Ollama's `name:tag` read as `name-tag`, for thinkingKind. */
function modelBaseName(model: string): string {
  return (model.split('/').pop() ?? model).replace(':', '-');
}

/**
 * The request for one generation. `chat` messages go to `/chat/completions`; an `alpha-umi`
 * text prompt goes byte-exact to `/completions`, with `<s>` in front only where the server does
 * not add the BOS itself. Both stream, with usage in the last chunk.
 */
export function buildGenerateRequest(request: GenerateBody, config: ServerConfig): ServerHttpRequest {
  const preset = serverPreset(config.preset);
  const common = {
    model: config.model,
    stream: true,
    stream_options: { include_usage: true },
    ...samplingFields(request.sampling, preset),
  };
  if (request.prompt.kind === 'text') {
    const url = endpointUrl(publicUrl(config.baseUrl), 'completions');
    const prompt = preset.addsBos ? request.prompt.text : ALPHA_UMI_BOS + request.prompt.text;
    return {
      method: 'POST',
      url,
      headers: requestHeaders(config, url, true),
      body: { ...common, prompt, stop: request.stop ?? ALPHA_UMI_STOP, ...preset.completionExtras },
      endpoint: 'completions',
    };
  }
  const url = endpointUrl(publicUrl(config.baseUrl), 'chat/completions');
  const messages = request.prompt.messages.map((m) => ({ role: m.role, content: m.content }));
  return {
    method: 'POST',
    url,
    headers: requestHeaders(config, url, true),
    body: {
      ...common,
      messages,
      ...(request.stop ? { stop: request.stop } : {}),
      ...constraintFields(request, preset),
      // A hybrid reasoning model would spend the role's budget thinking (as on WebLLM).
      ...(preset.thinkingSwitch && thinkingKind(modelBaseName(config.model)) === 'switch'
        ? { chat_template_kwargs: { enable_thinking: false } }
        : {}),
    },
    endpoint: 'chat',
  };
}

/** What `fetch` takes for a built request. */
export function fetchInit(request: ServerHttpRequest, signal: AbortSignal): RequestInit {
  return {
    method: request.method,
    headers: request.headers,
    ...(request.body ? { body: JSON.stringify(request.body) } : {}),
    signal,
    // A key never follows a redirect: browsers drop it on a cross-origin one, but a same-origin
    // hop to another path is not what the user entered either.
    ...(request.headers.Authorization ? { redirect: 'error' as const } : {}),
    // The page's cookies are not the server's business.
    credentials: 'omit',
    cache: 'no-store',
  };
}
