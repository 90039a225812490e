import { describe, expect, it } from 'vitest';
import type { OrtModule, OrtTensor } from './decoder';
import { TinyCache, TinyCacheError } from './kv-cache';

/** A stand-in for onnxruntime's Tensor class: it keeps what it is given. */
const ort: OrtModule = {
  Tensor: class {
    constructor(
      readonly type: string,
      readonly data: Float32Array | BigInt64Array,
      readonly dims: readonly number[],
    ) {}
  },
};
const config = { dim: 4, heads: 2 }; // head_dim 2
const names = ['input_ids', 'past_key.0', 'past_value.0', 'past_copy_key', 'past_ids'];

/** Model outputs for `count` new positions starting at `start`: value = position * 10 + channel. */
function outputs(start: number, count: number): Record<string, OrtTensor> {
  const bsh = (offset: number) =>
    Float32Array.from({ length: count * 4 }, (_, i) => offset + (start + Math.floor(i / 4)) * 10 + (i % 4));
  return {
    'new_key.0': { data: bsh(0), dims: [1, count, 4] },
    'new_value.0': { data: bsh(1000), dims: [1, count, 4] },
    new_copy_key: {
      data: Float32Array.from({ length: count * 2 }, (_, i) => (start + Math.floor(i / 2)) * 10 + (i % 2)),
      dims: [1, count, 2],
    },
  };
}

/** The values of one input, as a plain array. */
function values(feeds: Record<string, OrtTensor>, name: string): (number | bigint)[] {
  const tensor = feeds[name];
  if (!tensor) throw new Error(`no input ${name}`);
  return [...(tensor.data as Float32Array | BigInt64Array)];
}

describe('TinyCache', () => {
  it('appends new positions and gives them back as [1, heads, past, head_dim] inputs', () => {
    const cache = new TinyCache(ort, names, config, 8);
    cache.append([7, 8], outputs(0, 2));
    cache.append([9], outputs(2, 1));
    const feeds = cache.feeds();
    expect(feeds['past_key.0']?.dims).toEqual([1, 2, 3, 2]);
    // head 0 holds channels 0-1 of positions 0, 1, 2; head 1 channels 2-3.
    expect(values(feeds, 'past_key.0')).toEqual([0, 1, 10, 11, 20, 21, 2, 3, 12, 13, 22, 23]);
    expect(values(feeds, 'past_value.0').slice(0, 2)).toEqual([1000, 1001]);
    expect(feeds.past_copy_key?.dims).toEqual([1, 3, 2]);
    expect(values(feeds, 'past_copy_key')).toEqual([0, 1, 10, 11, 20, 21]);
    expect(feeds.past_ids?.dims).toEqual([1, 1, 3]);
    expect(values(feeds, 'past_ids')).toEqual([7n, 8n, 9n]);
    expect(feeds.input_ids).toBeUndefined();
  });

  it('starts empty, and keeps a prefix when truncated', () => {
    const cache = new TinyCache(ort, names, config, 8);
    expect(cache.feeds()['past_key.0']?.dims).toEqual([1, 2, 0, 2]);
    cache.append([1, 2, 3], outputs(0, 3));
    cache.truncate(1);
    cache.append([5], outputs(1, 1));
    expect(values(cache.feeds(), 'past_key.0')).toEqual([0, 1, 10, 11, 2, 3, 12, 13]);
    expect(values(cache.feeds(), 'past_ids')).toEqual([1n, 5n]);
  });

  it('refuses more positions than the window, an output of the wrong size, and unknown inputs', () => {
    const cache = new TinyCache(ort, names, config, 2);
    expect(() => cache.append([1, 2, 3], outputs(0, 3))).toThrow(/holds 2 positions; 3/);
    expect(() => cache.append([1, 2], outputs(0, 1))).toThrow(/has 4 values, not 8/);
    expect(() => cache.append([1], { ...outputs(0, 1), new_copy_key: undefined as never })).toThrow(
      TinyCacheError,
    );
    expect(() => new TinyCache(ort, ['input_ids', 'past_x'], config, 2)).toThrow(/does not know: past_x/);
    expect(() => new TinyCache(ort, ['input_ids'], config, 2)).toThrow(/no cache inputs/);
  });
});
