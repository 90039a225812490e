import { describe, expect, it } from 'vitest';
import { argmax, sampleToken, seededRandom } from './sampler';

const logits = Float32Array.from([0.1, 2.5, 2.4, -1, 0]);

describe('tiny sampler', () => {
  it('is greedy at temperature 0', () => {
    expect(argmax(logits)).toBe(1);
    expect(sampleToken(logits, { temperature: 0 }, () => 0.999)).toBe(1);
  });

  it('repeats a sampled sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 40 }, () => sampleToken(logits, { temperature: 1.5 }, random));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    // At a high temperature more than the top token comes out.
    expect(new Set(draw(42)).size).toBeGreaterThan(1);
  });

  it('top-p keeps only the nucleus', () => {
    const random = seededRandom(7);
    const seen = new Set(
      Array.from({ length: 200 }, () => sampleToken(logits, { temperature: 1, topP: 0.5 }, random)),
    );
    // Tokens 1 and 2 hold about 0.5 of the mass together; the others never come out.
    expect([...seen].every((id) => id === 1 || id === 2)).toBe(true);
    const all = new Set(Array.from({ length: 400 }, () => sampleToken(logits, { temperature: 1 }, random)));
    expect(all.size).toBeGreaterThan(2);
  });
});
