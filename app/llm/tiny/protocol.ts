/** What crosses the tiny worker's boundary (plain data; comlink copies it). */
import type { GenerateRequest } from '../../agent/types';
import type { TinyGenerateResult } from './decoder';
import { TinyDialectError } from './errors';

export interface TinyWorkerRequest {
  prompt: string;
  maxTokens: number;
  temperature: number;
  topP?: number;
  seed?: number;
  stop: string[];
}

export type TinyWorkerResult = Omit<TinyGenerateResult, 'tokenIds'>;

/** The worker request for an orchestrator request; chat prompts are refused with a reason. */
export function toTinyRequest(request: GenerateRequest): TinyWorkerRequest {
  if (request.prompt.kind !== 'text') {
    throw new TinyDialectError(
      'The tiny α-UMi models read the alpha-umi prompt format only. Choose the alpha-umi dialect, or another engine for chat.',
    );
  }
  const { sampling } = request;
  return {
    prompt: request.prompt.text,
    maxTokens: sampling.maxTokens,
    temperature: sampling.temperature,
    ...(sampling.topP === undefined ? {} : { topP: sampling.topP }),
    ...(sampling.seed === undefined ? {} : { seed: sampling.seed }),
    // The end-of-turn token already ends a turn; the string is kept for safety.
    stop: [...(request.stop ?? [])],
  };
}
