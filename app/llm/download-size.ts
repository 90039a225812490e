/**
 * "Prepare for offline": what the chosen preset will download, measured before anything is
 * downloaded. A model's weights are listed, shard by shard with their byte sizes, in its
 * `tensor-cache.json` (the file WebLLM reads first); its library (.wasm) answers a HEAD
 * request with its length. Both are small requests to the model source the page uses.
 */
import type { ModelRecord } from '@mlc-ai/web-llm';
import { weightsBaseUrl } from './model-source';

export interface ModelDownloadSize {
  modelId: string;
  weightsBytes: number;
  /** Undefined when the server does not say (no Content-Length). */
  libraryBytes: number | undefined;
  shards: number;
}

export class SizeCheckError extends Error {
  override name = 'SizeCheckError';
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}

type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Sum of the shard sizes listed in a tensor-cache.json. */
export function weightsBytes(tensorCache: unknown): { bytes: number; shards: number } {
  const records = (tensorCache as { records?: unknown } | null)?.records;
  if (!Array.isArray(records) || records.length === 0) throw new Error('it lists no weight files');
  let bytes = 0;
  for (const record of records as { nbytes?: unknown }[]) {
    if (!Number.isSafeInteger(record.nbytes) || (record.nbytes as number) < 0)
      throw new Error('a weight file has no valid size');
    bytes += record.nbytes as number;
  }
  return { bytes, shards: records.length };
}

export async function downloadSize(
  record: ModelRecord,
  fetchImpl: FetchLike = fetch,
): Promise<ModelDownloadSize> {
  const url = `${weightsBaseUrl(record.model)}tensor-cache.json`;
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store' });
  } catch (error) {
    throw new SizeCheckError(error instanceof Error ? error.message : String(error), url);
  }
  if (!response.ok) throw new SizeCheckError(`the server answered ${response.status}`, url);
  let weights: { bytes: number; shards: number };
  try {
    weights = weightsBytes(await response.json());
  } catch (error) {
    throw new SizeCheckError(error instanceof Error ? error.message : 'it is not JSON', url);
  }
  let libraryBytes: number | undefined;
  try {
    const head = await fetchImpl(record.model_lib, { method: 'HEAD', cache: 'no-store' });
    const length = Number(head.headers.get('content-length'));
    libraryBytes = head.ok && length > 0 ? length : undefined;
  } catch {
    libraryBytes = undefined; // the size is then "at least" the weights
  }
  return { modelId: record.model_id, weightsBytes: weights.bytes, libraryBytes, shards: weights.shards };
}

export function totalBytes(sizes: readonly ModelDownloadSize[]): { bytes: number; complete: boolean } {
  return {
    bytes: sizes.reduce((sum, s) => sum + s.weightsBytes + (s.libraryBytes ?? 0), 0),
    complete: sizes.every((s) => s.libraryBytes !== undefined),
  };
}
