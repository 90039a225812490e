import { describe, expect, it } from 'vitest';
import { downloadSize, SizeCheckError, totalBytes, weightsBytes } from './download-size';

const record = {
  model: 'https://huggingface.co/mlc-ai/Tiny-MLC',
  model_id: 'Tiny-MLC',
  model_lib: 'https://raw.githubusercontent.com/x/tiny.wasm',
};

function fakeFetch(routes: Record<string, Response | Error>) {
  const seen: string[] = [];
  const impl = async (url: string, init?: RequestInit) => {
    seen.push(`${init?.method ?? 'GET'} ${url}`);
    const hit = routes[url];
    if (hit instanceof Error) throw hit;
    return hit ?? new Response('not found', { status: 404 });
  };
  return { impl, seen };
}

describe('download sizes before downloading', () => {
  it('sums the shards of tensor-cache.json and the library length', async () => {
    const { impl, seen } = fakeFetch({
      'https://huggingface.co/mlc-ai/Tiny-MLC/resolve/main/tensor-cache.json': Response.json({
        records: [{ nbytes: 1000 }, { nbytes: 2500 }],
      }),
      [record.model_lib]: new Response(null, { headers: { 'content-length': '700' } }),
    });
    const size = await downloadSize(record, impl);
    expect(size).toEqual({ modelId: 'Tiny-MLC', weightsBytes: 3500, libraryBytes: 700, shards: 2 });
    expect(seen).toEqual([
      'GET https://huggingface.co/mlc-ai/Tiny-MLC/resolve/main/tensor-cache.json',
      `HEAD ${record.model_lib}`,
    ]);
    expect(totalBytes([size, { ...size, libraryBytes: undefined }])).toEqual({
      bytes: 7700,
      complete: false,
    });
  });

  it('names the file it could not read: offline, missing, or not a weight list', async () => {
    const url = 'https://huggingface.co/mlc-ai/Tiny-MLC/resolve/main/tensor-cache.json';
    for (const [answer, message] of [
      [new TypeError('Failed to fetch'), 'Failed to fetch'],
      [new Response('', { status: 404 }), 'answered 404'],
      [Response.json({ records: [] }), 'lists no weight files'],
      [Response.json({ records: [{ nbytes: -1 }] }), 'no valid size'],
    ] as const) {
      const error = await downloadSize(record, fakeFetch({ [url]: answer }).impl).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SizeCheckError);
      expect((error as SizeCheckError).url).toBe(url);
      expect((error as SizeCheckError).message).toContain(message);
    }
  });

  it('rejects a weight list without records', () => {
    expect(() => weightsBytes({})).toThrow('lists no weight files');
  });
});
