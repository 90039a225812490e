import type { SamplingSettings } from './types';

/**
 * The one rule set for sampling values, wherever they enter: the role settings form clamps to
 * it, lesson links drop what breaks it. Each range lies inside what WebLLM 0.2.86 accepts
 * (`postInitAndCheckGenerationConfigValues`: temperature ≥ 0, 0 < top_p ≤ 1, max_tokens > 0,
 * repetition_penalty > 0, both other penalties in [-2, 2]; `SeedTypeError`: an integer seed), so a value that passes here never fails on a real model;
 * `sampling-rules.test.ts` checks that against WebLLM's own code.
 */
export const SAMPLING_RULES = {
  temperature: { min: 0, max: 2, integer: false },
  maxTokens: { min: 1, max: 4096, integer: true },
  topP: { min: 0.05, max: 1, integer: false },
  seed: { min: 0, max: 2 ** 31 - 1, integer: true },
  repetitionPenalty: { min: 0.5, max: 2, integer: false },
  frequencyPenalty: { min: -2, max: 2, integer: false },
  presencePenalty: { min: -2, max: 2, integer: false },
} as const satisfies Record<keyof SamplingSettings, { min: number; max: number; integer: boolean }>;

export type SamplingKey = keyof typeof SAMPLING_RULES;

const isKey = (key: string): key is SamplingKey => Object.hasOwn(SAMPLING_RULES, key);

/** Why `value` is not a valid `key`, in words a user can act on; undefined when it is valid. */
export function samplingProblem(key: string, value: unknown): string | undefined {
  if (!isKey(key)) return `"${key}" is not a sampling setting`;
  const rule = SAMPLING_RULES[key];
  const range = `${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${key} must be ${range}`;
  if (rule.integer && !Number.isInteger(value)) return `${key} must be ${range} (got ${value})`;
  if (value < rule.min || value > rule.max) return `${key} must be ${range} (got ${value})`;
  return undefined;
}

/** What the form stores for a typed number: rounded when the setting is a whole number, then clamped. */
export function clampSampling(key: SamplingKey, value: number): number {
  const rule = SAMPLING_RULES[key];
  const n = rule.integer ? Math.round(value) : value;
  return Math.min(rule.max, Math.max(rule.min, n));
}

/** Keeps the valid fields of an untrusted object and says why each other one was left out. */
export function checkSampling(value: unknown): { sampling: Partial<SamplingSettings>; problems: string[] } {
  const sampling: Partial<SamplingSettings> = {};
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { sampling, problems: ['the sampling settings are not an object'] };
  for (const [key, n] of Object.entries(value)) {
    const problem = samplingProblem(key, n);
    if (problem) problems.push(problem);
    else sampling[key as SamplingKey] = n as number;
  }
  return { sampling, problems };
}
