/**
 * `public/tiny/manifest.json`, written by scripts/train/train.py: the model configuration,
 * the training data, and for each trained system its ONNX files, training runs and held-out
 * scores. The page's model cards and the engine read it; it is checked at the edge.
 */
import type { RunMode } from '../../agent/types';
import type { TinyModelConfig } from './decoder';

export const TINY_SYSTEMS = ['glpft', 'one-stage', 'shared', 'single'] as const;
export type TinySystemId = (typeof TINY_SYSTEMS)[number];

/** The run mode each system is made for (the paper's four systems, as run modes). */
export const TINY_SYSTEM_MODE: Record<TinySystemId, RunMode> = {
  glpft: 'multi',
  'one-stage': 'multi',
  shared: 'shared',
  single: 'single',
};

export type TinyModelName = 'planner' | 'caller' | 'summarizer' | 'shared' | 'backbone';

export interface TinyRun {
  steps: number;
  tokens: number;
  seconds: number;
  epochs: number;
}

export interface TinySystem {
  models: Partial<Record<TinyModelName, { file: string; bytes: number }>>;
  runs: Record<string, TinyRun>;
  scores: Record<string, Record<string, number>>;
  examples: Record<string, { target: string; output: string }[]>;
  parameters: number;
  seconds: number;
}

export interface TinyManifest {
  /** 2: models exported by fused_export.py (one cache tensor per part; decoder.ts). */
  format: 2;
  tokenizer: string;
  config: TinyModelConfig & { ffn: number; rope_theta: number };
  data: {
    sha256: string;
    train: Record<string, number>;
    test: Record<string, number>;
    tokens: Record<string, { records: number; mean_tokens: number; tokens: number }>;
    toolDocs?: string;
  };
  budget_tokens: number;
  seed: number;
  torch: string;
  threads: number;
  seconds?: number;
  systems: Partial<Record<TinySystemId, TinySystem>>;
}

export class TinyManifestError extends Error {
  override name = 'TinyManifestError';
}

/** Checks the parts the engine depends on; the rest is shown as it is. */
export function parseTinyManifest(value: unknown): TinyManifest {
  const m = value as Partial<TinyManifest> | null;
  if (!m || typeof m !== 'object' || m.format !== 2) {
    throw new TinyManifestError('The tiny model manifest is missing or of an unknown format.');
  }
  const c = m.config;
  const numbers = ['vocab', 'dim', 'layers', 'heads', 'max_len'] as const;
  if (!c || numbers.some((k) => typeof c[k] !== 'number' || !(c[k] > 0))) {
    throw new TinyManifestError('The tiny model manifest has no usable model configuration.');
  }
  if (typeof m.tokenizer !== 'string' || !m.systems || typeof m.systems !== 'object') {
    throw new TinyManifestError('The tiny model manifest names no tokenizer or no systems.');
  }
  return m as TinyManifest;
}

/** Which model file serves `role` in `system` (shared/single: one model for every role). */
export function modelNameFor(system: TinySystemId, role: string): TinyModelName {
  if (system === 'shared') return 'shared';
  if (system === 'single') return 'backbone';
  return role as TinyModelName;
}
