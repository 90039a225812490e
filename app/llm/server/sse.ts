import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ServerProblem } from './types';

/**
 * Reads an OpenAI-style streamed reply: Server-Sent Events whose `data:` is a JSON chunk, ended
 * by `data: [DONE]`. eventsource-parser does the SSE framing (lines split across network
 * chunks, comments such as llama-server's keep-alive pings); this file reads the chunks.
 */

/** `usage` as servers send it in the last chunk (`stream_options.include_usage`). */
export interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
}

/** One chunk's text: the answer, and the thinking of a server that splits it off (vLLM, llama.cpp). */
export interface StreamPiece {
  content: string;
  reasoning: string;
}

export interface StreamOutcome {
  /** The server's `finish_reason` (`stop`, `length`, …), when it sent one. */
  finishReason?: string;
  usage?: WireUsage;
  /** `data: [DONE]` arrived. */
  done: boolean;
}

/** The stream broke before the reply was complete: a network error, or an end with no finish and no `[DONE]`. */
export class StreamDroppedError extends Error {
  override name = 'StreamDroppedError';
}

/** The stream said something went wrong (an error chunk, a body that is not the wire format, silence). */
export class StreamProblemError extends Error {
  override name = 'StreamProblemError';
  constructor(readonly problem: ServerProblem) {
    super(problem.code);
  }
}

/** Wire chunks are untrusted: read fields only after checking their types. */
function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The server's error message from an error body: OpenAI's `{error: {message}}`, vLLM's older
 * `{object: "error", message}`, FastAPI's `{detail}`, or `{error: "…"}`.
 */
export function errorMessage(body: unknown): string | undefined {
  const object = record(body);
  if (!object) return undefined;
  const error = object.error;
  if (typeof error === 'string') return error;
  const nested = record(error);
  if (nested && typeof nested.message === 'string') return nested.message;
  if (typeof object.message === 'string') return object.message;
  if (typeof object.detail === 'string') return object.detail;
  return undefined;
}

/** An error chunk (`{error: …}` or `{object: "error"}`) as a problem; undefined for a normal chunk. */
function streamError(chunk: Record<string, unknown>): ServerProblem | undefined {
  if (chunk.error === undefined && chunk.object !== 'error') return undefined;
  const code = record(chunk.error)?.code ?? chunk.code;
  const detail = errorMessage(chunk);
  return {
    code: 'http',
    status: typeof code === 'number' ? code : 500,
    ...(detail ? { detail } : {}),
  };
}

/** The text and finish reason of a chunk's first choice: `delta.content` (chat) or `text` (completions). */
function readChoice(
  chunk: Record<string, unknown>,
  endpoint: 'chat' | 'completions',
): { piece: StreamPiece; finishReason?: string } {
  const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
  const choice = record(choices[0]);
  if (!choice) return { piece: { content: '', reasoning: '' } };
  const finish = typeof choice.finish_reason === 'string' ? { finishReason: choice.finish_reason } : {};
  if (endpoint === 'completions') return { piece: { content: text(choice.text), reasoning: '' }, ...finish };
  const delta = record(choice.delta) ?? {};
  // vLLM's reasoning parsers write `reasoning` (older releases `reasoning_content`, as llama.cpp).
  const reasoning = text(delta.reasoning_content) || text(delta.reasoning);
  return { piece: { content: text(delta.content), reasoning }, ...finish };
}

export interface ReadStreamOptions {
  endpoint: 'chat' | 'completions';
  /** Longest silence between two network chunks (keep-alive comments count as chunks). */
  idleMs: number;
  onPiece: (piece: StreamPiece) => void;
}

/**
 * Reads `body` to the end, calling `onPiece` for every chunk with text. Resolves at `[DONE]`, or
 * at the end of a body whose last choice had a finish reason. Rejects with StreamDroppedError
 * when the body breaks or ends early, StreamProblemError for an error chunk, a malformed chunk
 * or `idleMs` of silence, and with the reader's own error when the request is aborted.
 */
export async function readChunkStream(
  body: ReadableStream<Uint8Array>,
  options: ReadStreamOptions,
): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { done: false };
  let failure: Error | undefined;
  const onEvent = (event: EventSourceMessage) => {
    if (failure || outcome.done) return;
    const data = event.data.trim();
    if (data === '[DONE]') {
      outcome.done = true;
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      failure = new StreamProblemError({ code: 'bad-response', detail: `not JSON: ${data.slice(0, 120)}` });
      return;
    }
    const chunk = record(parsed);
    if (!chunk) {
      failure = new StreamProblemError({
        code: 'bad-response',
        detail: `not an object: ${data.slice(0, 120)}`,
      });
      return;
    }
    const problem = streamError(chunk);
    if (problem) {
      failure = new StreamProblemError(problem);
      return;
    }
    const usage = record(chunk.usage);
    if (usage) outcome.usage = usage as WireUsage;
    const { piece, finishReason } = readChoice(chunk, options.endpoint);
    if (finishReason) outcome.finishReason = finishReason;
    if (piece.content || piece.reasoning) options.onPiece(piece);
  };
  const parser = createParser({
    onEvent,
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded')
        failure ??= new StreamProblemError({ code: 'bad-response', detail: 'an event larger than 1 MB' });
      // llama-server sends a failure mid-stream as an SSE `error:` field (not `data:`): the
      // parser reports it as an unknown field. It is the server's answer, not a dropped stream.
      if (error.type === 'unknown-field' && error.field === 'error') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(error.value ?? '');
        } catch {
          parsed = { error: { message: error.value ?? 'error' } };
        }
        const chunk = record(parsed);
        const problem = chunk && (streamError(chunk) ?? streamError({ error: chunk }));
        failure ??= new StreamProblemError(
          problem ?? { code: 'bad-response', detail: `error: ${(error.value ?? '').slice(0, 120)}` },
        );
      }
    },
    maxBufferSize: 1_000_000,
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    while (!outcome.done && !failure) {
      const next = await readWithin(reader, options.idleMs);
      if (next.done) {
        // A last event without its blank line (the usage chunk, a finish with no [DONE]) still counts.
        parser.feed(`${decoder.decode()}\n\n`);
        break;
      }
      parser.feed(decoder.decode(next.value, { stream: true }));
    }
  } catch (error) {
    if (error instanceof StreamProblemError) throw error;
    // A TypeError is the network ("terminated", "network error"); anything else (an abort)
    // belongs to the caller, which knows why it stopped.
    if (error instanceof TypeError) {
      // The reply was complete (it had its finish reason); only the stream's end was lost.
      if (outcome.finishReason !== undefined && !failure) return outcome;
      throw new StreamDroppedError(error.message);
    }
    throw error;
  } finally {
    // The server may keep the connection open after [DONE]; the reply is complete.
    void reader.cancel().catch(() => undefined);
  }
  if (failure) throw failure;
  if (!outcome.done && outcome.finishReason === undefined)
    throw new StreamDroppedError('The stream ended before the reply did.');
  return outcome;
}

/** One read, or a timeout problem after `idleMs` of silence. */
function readWithin(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  idleMs: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StreamProblemError({ code: 'timeout', seconds: Math.ceil(idleMs / 1000) })),
      idleMs,
    );
  });
  return Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
}
