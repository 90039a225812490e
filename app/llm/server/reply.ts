import type { FinishReason, Usage } from '../../agent/types';
import type { StreamOutcome, StreamPiece, WireUsage } from './sse';

/**
 * The pure parts of reading a server's reply: its model list, its finish reason, its usage as
 * the trace records it, the streamed text with thinking put back, a non-streamed completion.
 */

/** A model entry of `GET /models`, read defensively: `owned_by` everywhere, `max_model_len` from vLLM. */
export interface ListedModel {
  id: string;
  ownedBy?: string;
  maxModelLen?: number;
}

export function listedModels(body: unknown): ListedModel[] | undefined {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return undefined;
  const models: ListedModel[] = [];
  for (const entry of data as unknown[]) {
    const e = entry as { id?: unknown; owned_by?: unknown; max_model_len?: unknown } | null;
    if (typeof e?.id !== 'string') continue;
    models.push({
      id: e.id,
      ...(typeof e.owned_by === 'string' ? { ownedBy: e.owned_by } : {}),
      ...(typeof e.max_model_len === 'number' ? { maxModelLen: e.max_model_len } : {}),
    });
  }
  return models;
}

/** Ollama lists `name:latest` and answers to `name` as well. */
export function sameModel(listed: string, wanted: string): boolean {
  return listed === wanted || listed === `${wanted}:latest` || `${listed}:latest` === wanted;
}

export function finishReason(wire: string | undefined): FinishReason {
  if (wire === 'length') return 'length';
  if (wire === 'abort') return 'abort';
  return 'stop';
}

/** What a generation measured on the client, for `toUsage`. */
export interface Timing {
  started: number;
  attemptStarted: number;
  firstDeltaAt: number | undefined;
  ended: number;
}

/**
 * The server's own token counts. OpenAI's `prompt_tokens` includes the cached part, and the
 * trace's `promptTokens` is what had to be prefilled: new = prompt − cached. No usage means
 * unknown, never estimated. Times are the client's: they include the network.
 */
export function toUsage(usage: WireUsage | undefined, timing: Timing): Usage {
  const wallMs = timing.ended - timing.started;
  const timeToFirstTokenMs =
    timing.firstDeltaAt !== undefined ? timing.firstDeltaAt - timing.attemptStarted : 0;
  const prompt = usage?.prompt_tokens;
  const completion = usage?.completion_tokens;
  if (typeof prompt !== 'number' || typeof completion !== 'number') {
    return {
      promptTokens: 0,
      completionTokens: 0,
      timeToFirstTokenMs,
      decodeTokensPerSecond: 0,
      wallMs,
      simulated: false,
      unknown: true,
    };
  }
  const cached = usage?.prompt_tokens_details?.cached_tokens;
  const decodeSeconds =
    timing.firstDeltaAt !== undefined ? (timing.ended - timing.firstDeltaAt) / 1000 : Number.NaN;
  // The first token arrives with the first delta; the rest over the time after it.
  const decodeTokensPerSecond = completion > 1 && decodeSeconds > 0 ? (completion - 1) / decodeSeconds : 0;
  return {
    promptTokens: typeof cached === 'number' ? Math.max(0, prompt - cached) : prompt,
    ...(typeof cached === 'number' ? { promptTokensReused: cached } : {}),
    completionTokens: completion,
    timeToFirstTokenMs,
    decodeTokensPerSecond,
    wallMs,
    simulated: false,
    ...(typeof cached === 'number' ? {} : { reuseUnknown: true }),
  };
}

/** The streamed text as the run sees it, thinking a server split off put back in a think block. */
export class ReplyText {
  text = '';
  private thinking = false;

  /** The delta this piece adds ('' for none). */
  add(piece: StreamPiece): string {
    let out = '';
    // Thinking comes first; a server that split it off gets it back as the block the
    // orchestrator's splitThinking shows and keeps off the parsers.
    if (piece.reasoning && (this.thinking || this.text === '')) {
      if (!this.thinking) out += '<think>\n';
      this.thinking = true;
      out += piece.reasoning;
    }
    if (piece.content) {
      if (this.thinking) out += '\n</think>\n\n';
      this.thinking = false;
      out += piece.content;
    }
    this.text += out;
    return out;
  }
}

/** A whole (non-streamed) completion: its text as one piece, its finish reason and usage. */
export function readWholeReply(
  body: unknown,
  endpoint: 'chat' | 'completions',
): { piece: StreamPiece; outcome: StreamOutcome } | undefined {
  const choice = (body as { choices?: unknown[] } | null)?.choices?.[0] as
    | {
        message?: { content?: unknown; reasoning_content?: unknown };
        text?: unknown;
        finish_reason?: unknown;
      }
    | undefined;
  if (!choice) return undefined;
  const content = endpoint === 'chat' ? choice.message?.content : choice.text;
  const reasoning = endpoint === 'chat' ? choice.message?.reasoning_content : undefined;
  const usage = (body as { usage?: unknown }).usage;
  return {
    piece: {
      content: typeof content === 'string' ? content : '',
      reasoning: typeof reasoning === 'string' ? reasoning : '',
    },
    outcome: {
      done: true,
      ...(typeof choice.finish_reason === 'string' ? { finishReason: choice.finish_reason } : {}),
      ...(usage && typeof usage === 'object' ? { usage: usage as WireUsage } : {}),
    },
  };
}
