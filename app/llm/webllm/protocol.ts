import type {
  ChatCompletionMessageParam,
  ChatCompletionRequestBase,
  CompletionCreateParamsBase,
  CompletionUsage,
} from '@mlc-ai/web-llm';
import { type FinishReason, type GenerateRequest, NEUTRAL_SAMPLING, type Usage } from '../../agent/types';

/**
 * What crosses into the LLM worker for one generation, and how it is built from the agent's
 * request. Pure functions, unit-tested in Node; the worker adds `stream` and `stream_options`.
 */
export type WorkerGenerateRequest =
  | { kind: 'chat'; body: Omit<ChatCompletionRequestBase, 'stream' | 'stream_options'> }
  | { kind: 'completion'; body: Omit<CompletionCreateParamsBase, 'stream' | 'stream_options'> };

export interface WorkerGenerateResult {
  text: string;
  finishReason: FinishReason;
  usage: CompletionUsage | null;
  wallMs: number;
}

export type WorkerLoadProgress = { progress: number; text: string; timeElapsedS: number };

/** GLPFT models end every turn with `</s>`: stop there, as the reference inference does. */
export const ALPHA_UMI_STOP = ['</s>'];

export function buildWorkerRequest(
  request: Omit<GenerateRequest, 'onDelta' | 'signal'>,
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
      body: { ...common, prompt: request.prompt.text, stop: request.stop ?? ALPHA_UMI_STOP },
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
    },
  };
}

/** WebLLM's usage as the trace records it. `prompt_tokens` counts only what was prefilled. */
export function toUsage(result: WorkerGenerateResult, promptChars: number): Usage {
  const u = result.usage;
  if (!u) {
    return {
      promptTokens: Math.ceil(promptChars / 4),
      completionTokens: 0,
      timeToFirstTokenMs: 0,
      decodeTokensPerSecond: 0,
      wallMs: result.wallMs,
      simulated: false,
    };
  }
  // WebLLM divides by the decode time, which is 0 for a one-token output: NaN, not a speed.
  const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : 0);
  return {
    promptTokens: finite(u.prompt_tokens),
    completionTokens: finite(u.completion_tokens),
    timeToFirstTokenMs: finite(u.extra?.time_to_first_token_s) * 1000,
    decodeTokensPerSecond: finite(u.extra?.decode_tokens_per_s),
    prefillTokensPerSecond: finite(u.extra?.prefill_tokens_per_s),
    wallMs: result.wallMs,
    simulated: false,
  };
}
