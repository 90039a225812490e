/**
 * Seeded randomness and the value partition of the task generator. Pure and deterministic:
 * the same seed gives the same tasks on every machine, so a training run can be repeated
 * and its data hash checked.
 */

/** mulberry32: a tiny, fast 32-bit PRNG; plenty for sampling task values. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
  };
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a of a string: the stable bucket of a value. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export type Split = 'train' | 'test';

/**
 * Every value (number, date, country, word, subject) belongs to exactly one split: one in
 * five goes to `test`. A test task draws only test values, so the held-out set asks about
 * numbers, dates and countries the models never saw in training.
 */
export function splitOf(value: string | number): Split {
  return fnv1a(`v:${String(value)}`) % 5 === 0 ? 'test' : 'train';
}

/**
 * Draws until `make` gives a value of `split` (a value whose parts all belong to it).
 * `parts` lists what decides membership, e.g. both operands of a sum.
 */
export function drawIn<T>(split: Split, make: () => T, parts: (value: T) => readonly (string | number)[]): T {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const value = make();
    if (parts(value).every((part) => splitOf(part) === split)) return value;
  }
  throw new Error(`no ${split} value found in 10000 draws`);
}
