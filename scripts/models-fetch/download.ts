/**
 * One file download for `npm run models:fetch`: through `<file>.part`, resumed with an HTTP
 * Range request, verified against the expected size, Content-Length and md5.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export class ModelsFetchError extends Error {
  override name = 'ModelsFetchError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return (error.cause as Error | undefined)?.message ?? error.message;
}

export type Action =
  | { kind: 'present' }
  | { kind: 'fetch' }
  | { kind: 'resume'; from: number; adopt: 'part' | 'final' }
  | { kind: 'finish' };

/**
 * What to do with a file given what is on disk. A final file shorter than expected is
 * treated like a `.part` (an interrupted copy) and resumed; a longer one is fetched again.
 */
export function decideAction(state: {
  finalSize?: number;
  partSize?: number;
  expectedSize?: number;
}): Action {
  const { finalSize, partSize, expectedSize } = state;
  if (finalSize !== undefined) {
    if (expectedSize === undefined || finalSize === expectedSize) return { kind: 'present' };
    if (finalSize > 0 && finalSize < expectedSize) return { kind: 'resume', from: finalSize, adopt: 'final' };
    return { kind: 'fetch' };
  }
  if (partSize === undefined || partSize === 0) return { kind: 'fetch' };
  if (expectedSize !== undefined && partSize === expectedSize) return { kind: 'finish' };
  if (expectedSize !== undefined && partSize > expectedSize) return { kind: 'fetch' };
  return { kind: 'resume', from: partSize, adopt: 'part' };
}

export type FileStatus = 'fetched' | 'already present' | 'resumed';
export interface FetchRow {
  file: string;
  bytes: number;
  status: FileStatus;
}

export async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

async function md5Of(path: string): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function request(url: string, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers, redirect: 'follow' });
  } catch (error) {
    throw new ModelsFetchError(`Could not reach ${url}: ${causeOf(error)}`);
  }
}

/** Downloads `url` to `dest` through `dest.part`, resuming and verifying. */
export async function downloadFile(
  url: string,
  dest: string,
  label: string,
  expect: { size?: number; md5?: string } = {},
): Promise<FetchRow> {
  const part = `${dest}.part`;
  await mkdir(dirname(dest), { recursive: true });
  const state: { finalSize?: number; partSize?: number; expectedSize?: number } = {};
  const [finalSize, partSize] = [await sizeOf(dest), await sizeOf(part)];
  if (finalSize !== undefined) state.finalSize = finalSize;
  if (partSize !== undefined) state.partSize = partSize;
  if (expect.size !== undefined) state.expectedSize = expect.size;
  const action = decideAction(state);
  if (action.kind === 'present') return { file: label, bytes: finalSize ?? 0, status: 'already present' };
  if (action.kind === 'fetch') await Promise.all([rm(dest, { force: true }), rm(part, { force: true })]);
  if (action.kind === 'resume' && action.adopt === 'final') await rename(dest, part);
  let resumed = action.kind === 'resume' || action.kind === 'finish';
  if (action.kind !== 'finish') {
    const from = action.kind === 'resume' ? action.from : 0;
    // identity: Content-Length must count the bytes that land on disk.
    const headers: Record<string, string> = { 'Accept-Encoding': 'identity' };
    if (from > 0) headers.Range = `bytes=${from}-`;
    const response = await request(url, headers);
    if (response.status === 416 && from > 0) {
      // The partial file does not fit what the server has now: start over.
      await response.body?.cancel();
      await rm(part, { force: true });
      return downloadFile(url, dest, label, expect);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ModelsFetchError(
        `HTTP ${response.status} ${response.statusText} for ${url}`,
        response.status,
      );
    }
    const append = from > 0 && response.status === 206;
    if (append && !response.headers.get('content-range')?.startsWith(`bytes ${from}-`)) {
      await response.body?.cancel();
      throw new ModelsFetchError(
        `The server answered ${url} with the wrong byte range; delete ${part} and retry.`,
      );
    }
    resumed = append;
    const encoded = (response.headers.get('content-encoding') ?? 'identity') !== 'identity';
    const length = encoded ? Number.NaN : Number(response.headers.get('content-length') ?? Number.NaN);
    const total = Number.isFinite(length) ? length + (append ? from : 0) : undefined;
    if (total !== undefined && expect.size !== undefined && total !== expect.size) {
      await response.body?.cancel();
      throw new ModelsFetchError(
        `Size mismatch for ${label}: tensor-cache.json says ${expect.size} bytes, the server sends ${total} (${url}).`,
      );
    }
    const file = await open(part, append ? 'a' : 'w');
    try {
      const reader = response.body?.getReader();
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read())
        await file.write(chunk.value);
    } catch (error) {
      throw new ModelsFetchError(
        `Download of ${label} was interrupted (${causeOf(error)}). Run the command again to resume.`,
      );
    } finally {
      await file.close();
    }
    const got = (await sizeOf(part)) ?? 0;
    if (total !== undefined && got !== total)
      throw new ModelsFetchError(
        `Download of ${label} ended early (${got} of ${total} bytes). Run the command again to resume.`,
      );
  }
  const got = (await sizeOf(part)) ?? 0;
  if (expect.size !== undefined && got !== expect.size) {
    await rm(part, { force: true });
    throw new ModelsFetchError(
      `Size mismatch for ${label}: expected ${expect.size} bytes, got ${got} (${url}).`,
    );
  }
  if (expect.md5 !== undefined && (await md5Of(part)) !== expect.md5.toLowerCase()) {
    await rm(part, { force: true });
    throw new ModelsFetchError(
      `Checksum mismatch for ${label}: its md5 is not the one tensor-cache.json lists (${url}).`,
    );
  }
  await rename(part, dest);
  return { file: label, bytes: got, status: resumed ? 'resumed' : 'fetched' };
}
