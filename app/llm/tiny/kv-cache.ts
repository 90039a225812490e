/**
 * The key/value cache of a tiny α-UMi model, kept in this thread between calls.
 *
 * The model (scripts/train/fused_export.py) takes the whole cache as inputs (`past_key.{i}`,
 * `past_value.{i}` `[1, heads, past, head_dim]`; with a copy head `past_copy_key
 * [1, past, head_dim]` and `past_ids [1, 1, past]`) but returns only the new positions
 * (`new_key.{i}`, `new_value.{i}` `[1, new, heads * head_dim]`, `new_copy_key`). Here each
 * part lives in one array sized for the whole window, allocated once: the new positions are
 * appended, and the inputs are views or one copy into a second array allocated once. Returning
 * the whole cache instead made onnxruntime-web allocate it as new arrays at every step, which
 * in Chromium cost 1.5 µs per cached position (half a decode step at 600 positions).
 */
import type { OrtModule, OrtTensor } from './decoder';

interface Part {
  past: string;
  /** The output with this part's new positions; none for the ids (the caller knows them). */
  output?: string;
  /** Blocks before the position axis (heads for keys and values, else 1). */
  blocks: number;
  /** Values per position in one block. */
  inner: number;
  store: Float32Array | BigInt64Array;
  /** For `blocks > 1`: the inputs, copied block by block to be contiguous. */
  staging?: Float32Array;
  dims: (length: number) => number[];
}

export class TinyCacheError extends Error {
  override name = 'TinyCacheError';
}

export class TinyCache {
  private readonly parts: Part[];
  /** Positions held. */
  length = 0;

  constructor(
    private readonly ort: OrtModule,
    inputNames: readonly string[],
    config: { dim: number; heads: number },
    readonly capacity: number,
  ) {
    const headDim = config.dim / config.heads;
    const heads = config.heads;
    this.parts = inputNames
      .filter((name) => name.startsWith('past_'))
      .map((past): Part => {
        if (past === 'past_ids') {
          return { past, blocks: 1, inner: 1, store: new BigInt64Array(capacity), dims: (n) => [1, 1, n] };
        }
        if (past === 'past_copy_key') {
          return {
            past,
            output: 'new_copy_key',
            blocks: 1,
            inner: headDim,
            store: new Float32Array(capacity * headDim),
            dims: (n) => [1, n, headDim],
          };
        }
        const kv = /^past_(key|value)\.(\d+)$/.exec(past);
        if (!kv)
          throw new TinyCacheError(`the tiny model has a cache input this page does not know: ${past}`);
        return {
          past,
          output: `new_${kv[1]}.${kv[2]}`,
          blocks: heads,
          inner: headDim,
          store: new Float32Array(heads * capacity * headDim),
          staging: new Float32Array(heads * capacity * headDim),
          dims: (n) => [1, heads, n, headDim],
        };
      });
    if (this.parts.length === 0) {
      throw new TinyCacheError(
        'the tiny model has no cache inputs (past_*): export it with scripts/train/fused_export.py',
      );
    }
  }

  /** The cache as the model's inputs (valid until the next `append`). */
  feeds(): Record<string, OrtTensor> {
    const n = this.length;
    const feeds: Record<string, OrtTensor> = {};
    for (const part of this.parts) {
      const { blocks, inner, store } = part;
      if (store instanceof BigInt64Array) {
        feeds[part.past] = new this.ort.Tensor('int64', store.subarray(0, n * inner), part.dims(n));
        continue;
      }
      let data = store.subarray(0, n * inner);
      if (blocks > 1 && part.staging) {
        const staging = part.staging;
        for (let b = 0; b < blocks; b++) {
          const from = b * this.capacity * inner;
          staging.set(store.subarray(from, from + n * inner), b * n * inner);
        }
        data = staging.subarray(0, blocks * n * inner);
      }
      feeds[part.past] = new this.ort.Tensor('float32', data, part.dims(n));
    }
    return feeds;
  }

  /** Appends the new positions the model returned for `ids`. */
  append(ids: readonly number[], outputs: Record<string, OrtTensor>): void {
    const start = this.length;
    const count = ids.length;
    if (start + count > this.capacity) {
      throw new TinyCacheError(
        `the tiny model's cache holds ${this.capacity} positions; ${start + count} were asked for`,
      );
    }
    for (const part of this.parts) {
      const { blocks, inner, store } = part;
      if (store instanceof BigInt64Array) {
        for (let i = 0; i < count; i++) store[start + i] = BigInt(ids[i] as number);
        continue;
      }
      const tensor = part.output ? outputs[part.output] : undefined;
      if (!tensor) throw new TinyCacheError(`the tiny model returned no ${part.output ?? part.past}`);
      const data = tensor.data as Float32Array;
      if (data.length !== count * blocks * inner) {
        throw new TinyCacheError(
          `the tiny model's ${part.output} has ${data.length} values, not ${count * blocks * inner}`,
        );
      }
      // The output is position-major ([new, blocks, inner]); the store is block-major.
      for (let b = 0; b < blocks; b++) {
        const base = b * this.capacity * inner;
        for (let i = 0; i < count; i++) {
          const from = (i * blocks + b) * inner;
          store.set(data.subarray(from, from + inner), base + (start + i) * inner);
        }
      }
    }
    this.length = start + count;
  }

  /** Keeps the first `length` positions. */
  truncate(length: number): void {
    this.length = Math.max(0, Math.min(length, this.length));
  }
}
