import type {
  ChatCompletionMessageParam,
  ChatCompletionRequestBase,
  CompletionCreateParamsBase,
  CompletionUsage,
} from '@mlc-ai/web-llm';
import { thinkingKind } from '../../agent/thinking';
import { type FinishReason, type GenerateRequest, NEUTRAL_SAMPLING, type Usage } from '../../agent/types';

/**
 * What crosses into the LLM worker for one generation, and how it is built from the agent's
 * request. Pure functions, unit-tested in Node; the worker adds `stream` and `stream_options`.
 */
export type WorkerGenerateRequest =
  | { kind: 'chat'; body: Omit<ChatCompletionRequestBase, 'stream' | 'stream_options'> }
  | { kind: 'completion'; body: Omit<CompletionCreateParamsBase, 'stream' | 'stream_options'> };

export interface WorkerGenerateResult {
  /** The engine's own final message (`getMessage()`), not the deltas joined. */
  text: string;
  finishReason: FinishReason;
  usage: CompletionUsage | null;
  wallMs: number;
  /** The KV cache's length after the generation, read from the engine (undefined: not readable). */
  kvTokens?: number;
}

export type WorkerLoadProgress = { progress: number; text: string; timeElapsedS: number };

/** GLPFT models end every turn with `</s>`: stop there, as the reference inference does. */
export const ALPHA_UMI_STOP = ['</s>'];

/**
 * The α-UMi reference starts every prompt with `<s>` (`infer_pipeline.py`, the slow
 * LlamaTokenizer's `encode`). WebLLM's text-completion path adds no prefix tokens (only the
 * chat path adds `system_prefix_token_ids`) and its tokenizer adds no BOS, so the request
 * carries it as text: a build's `tokenizer.json` lists `<s>` as a special token and encodes it
 * as the BOS id (checked in conformance/bos.test.ts).
 */
export const ALPHA_UMI_BOS = '<s>';

export function buildWorkerRequest(
  request: Omit<GenerateRequest, 'onDelta' | 'signal'>,
  modelId = '',
): WorkerGenerateRequest {
  const { sampling } = request;
  // Every sampling value is set, the neutral ones too: what is left out comes from the model's
  // mlc-chat-config.json (repetition_penalty 1.1 and top_p 0.8 in Qwen2's), unseen by the user.
  const common = {
    max_tokens: sampling.maxTokens, // always set: a constrained model can otherwise pad forever
    temperature: sampling.temperature,
    top_p: sampling.topP ?? NEUTRAL_SAMPLING.topP,
    repetition_penalty: sampling.repetitionPenalty ?? NEUTRAL_SAMPLING.repetitionPenalty,
    frequency_penalty: sampling.frequencyPenalty ?? NEUTRAL_SAMPLING.frequencyPenalty,
    presence_penalty: sampling.presencePenalty ?? NEUTRAL_SAMPLING.presencePenalty,
    ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
  };
  if (request.prompt.kind === 'text') {
    return {
      kind: 'completion',
      body: { ...common, prompt: ALPHA_UMI_BOS + request.prompt.text, stop: request.stop ?? ALPHA_UMI_STOP },
    };
  }
  const messages = request.prompt.messages.map(
    (m) => ({ role: m.role, content: m.content }) as ChatCompletionMessageParam,
  );
  const constraint = request.constraint;
  const responseFormat =
    constraint?.type === 'grammar'
      ? { response_format: { type: 'grammar' as const, grammar: constraint.grammar } }
      : constraint?.type === 'json_schema'
        ? { response_format: { type: 'json_object' as const, schema: constraint.schema } }
        : {};
  return {
    kind: 'chat',
    body: {
      ...common,
      messages,
      ...responseFormat,
      ...(request.stop ? { stop: request.stop } : {}),
      // A hybrid reasoning model (Qwen3) would spend the role's budget thinking and end on
      // `length` with no marker; told not to, it writes an empty block that splitThinking drops.
      ...(thinkingKind(modelId) === 'switch' ? { extra_body: { enable_thinking: false } } : {}),
    },
  };
}

/**
 * WebLLM's usage as the trace records it. Under KV reuse WebLLM's `prompt_tokens` counts only
 * what it prefilled, and `completion_tokens` counts every sampled token, the one that stopped
 * the reply included, which never enters the cache. So: new = `prompt_tokens`; output =
 * `completion_tokens` less that last token; reused = the cache's length after the reply less
 * the new prompt and the output (0 after a reset). With no usage, or no cache length, those
 * numbers are unknown and marked so, never estimated.
 */
export function toUsage(result: WorkerGenerateResult): Usage {
  const u = result.usage;
  if (!u) {
    return {
      promptTokens: 0,
      completionTokens: 0,
      timeToFirstTokenMs: 0,
      decodeTokensPerSecond: 0,
      wallMs: result.wallMs,
      simulated: false,
      unknown: true,
    };
  }
  // WebLLM divides by the decode time, which is 0 for a one-token output: NaN, not a speed.
  const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : 0);
  const prompt = finite(u.prompt_tokens);
  const sampled = finite(u.completion_tokens);
  // The last sampled token ends the reply (a stop token, the end of a stop string or the
  // max_tokens-th token) and is never fed to the model; an aborted reply keeps it.
  const output = result.finishReason === 'stop' ? Math.max(0, sampled - 1) : sampled;
  const forwarded = Math.max(0, sampled - 1);
  const reused = result.kvTokens !== undefined ? result.kvTokens - prompt - forwarded : undefined;
  return {
    promptTokens: prompt,
    ...(reused !== undefined && reused >= 0 ? { promptTokensReused: reused } : {}),
    completionTokens: output,
    timeToFirstTokenMs: finite(u.extra?.time_to_first_token_s) * 1000,
    decodeTokensPerSecond: finite(u.extra?.decode_tokens_per_s),
    prefillTokensPerSecond: finite(u.extra?.prefill_tokens_per_s),
    wallMs: result.wallMs,
    simulated: false,
    ...(reused === undefined || reused < 0 ? { reuseUnknown: true } : {}),
  };
}
