/**
 * Picks the next token from the last position's logits: greedy at temperature 0, else
 * softmax at `temperature`, cut to the smallest set whose probability reaches `topP`, drawn
 * with a seeded generator so a seed repeats a run exactly.
 */
import { createRng } from '../../agent/eval/generator/random';

export interface SamplerOptions {
  temperature: number;
  /** Nucleus sampling: keep the most likely tokens up to this total probability. Default 1. */
  topP?: number;
}

/** The task generator's seeded PRNG (mulberry32): enough for sampling. */
export function seededRandom(seed: number): () => number {
  return createRng(seed).next;
}

export function argmax(logits: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if ((logits[i] as number) > (logits[best] as number)) best = i;
  return best;
}

export function sampleToken(
  logits: ArrayLike<number>,
  options: SamplerOptions,
  random: () => number,
): number {
  if (!(options.temperature > 0)) return argmax(logits);
  const topP = options.topP ?? 1;
  const max = logits[argmax(logits)] as number;
  const weights: { id: number; p: number }[] = [];
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = Math.exp(((logits[i] as number) - max) / options.temperature);
    total += p;
    weights.push({ id: i, p });
  }
  weights.sort((a, b) => b.p - a.p);
  let kept = weights;
  if (topP < 1) {
    let mass = 0;
    const cut = weights.findIndex((w) => {
      mass += w.p / total;
      return mass >= topP;
    });
    kept = weights.slice(0, cut + 1);
  }
  const keptTotal = kept.reduce((sum, w) => sum + w.p, 0);
  let r = random() * keptTotal;
  for (const w of kept) {
    r -= w.p;
    if (r <= 0) return w.id;
  }
  return (kept.at(-1) as { id: number }).id;
}
