import { describe, expect, it } from 'vitest';
import { buildWorkerRequest } from '../llm/webllm/protocol';
import { loadWebLlmInternals } from '../test-support/webllm-internals';
import {
  checkSampling,
  clampSampling,
  SAMPLING_RULES,
  type SamplingKey,
  samplingProblem,
} from './sampling-rules';
import { DEFAULT_SAMPLING, type GenerateRequest, type SamplingSettings } from './types';

const webllm = loadWebLlmInternals();

/** Runs WebLLM's own checks on the request the app would send with these settings. */
function webllmAccepts(sampling: SamplingSettings): boolean {
  const request: Omit<GenerateRequest, 'onDelta' | 'signal'> = {
    role: 'caller',
    prompt: { kind: 'messages', messages: [{ role: 'user', content: 'task' }] },
    sampling,
    context: { task: 't', mode: 'multi', dialect: 'chat', turn: 1, tools: [] },
  };
  const { body } = buildWorkerRequest(request);
  try {
    webllm.postInitAndCheckFieldsChatCompletion({ ...body }, 'm');
    webllm.postInitAndCheckGenerationConfigValues({ ...body });
    return true;
  } catch {
    return false;
  }
}

const PROBES: Record<SamplingKey, number[]> = {
  temperature: [-1, -0.01, 0, 0.7, 2, 2.5],
  maxTokens: [-5, 0, 0.5, 1, 256, 4096, 5000],
  topP: [-0.5, 0, 0.01, 0.05, 0.9, 1, 1.5],
  repetitionPenalty: [-1, 0, 0.5, 1, 1.1, 2, 3],
  frequencyPenalty: [-3, -2, 0, 2, 2.5],
  presencePenalty: [-3, -2, 0, 2, 2.5],
  seed: [-3, 0, 1, 1.5, 42, 2 ** 31 - 1, 2 ** 31],
};

describe('sampling rules (issue 12 #10)', () => {
  it('everything the rules admit passes WebLLM 0.2.86’s own checks', () => {
    for (const [key, values] of Object.entries(PROBES) as [SamplingKey, number[]][]) {
      for (const value of values) {
        const settings = { ...DEFAULT_SAMPLING.caller, [key]: value };
        if (samplingProblem(key, value) === undefined)
          expect(webllmAccepts(settings), `${key}=${value}`).toBe(true);
      }
    }
  });

  it('rejects what WebLLM would reject, with a message that names the range', () => {
    for (const [key, value] of [
      ['seed', 1.5],
      ['maxTokens', 0],
      ['temperature', -0.01],
      ['topP', 0],
    ] as const) {
      expect(webllmAccepts({ ...DEFAULT_SAMPLING.caller, [key]: value }), `${key}=${value}`).toBe(false);
      expect(samplingProblem(key, value)).toMatch(new RegExp(`^${key} must be .* from`));
    }
  });

  it('keeps the valid fields of an untrusted object and explains the rest', () => {
    expect(checkSampling({ temperature: 0.5, seed: 1.5, maxTokens: '9', evil: 1 })).toEqual({
      sampling: { temperature: 0.5 },
      problems: [
        'seed must be a whole number from 0 to 2147483647 (got 1.5)',
        'maxTokens must be a whole number from 1 to 4096',
        '"evil" is not a sampling setting',
      ],
    });
    expect(checkSampling(null).problems).toHaveLength(1);
  });

  it('the form clamps and rounds to the same rules', () => {
    expect(clampSampling('seed', 1.5)).toBe(2);
    expect(clampSampling('maxTokens', 0)).toBe(SAMPLING_RULES.maxTokens.min);
    expect(clampSampling('temperature', 9)).toBe(2);
    expect(clampSampling('topP', 0)).toBe(0.05);
  });
});
