import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCatalog, type CatalogModel, loadPrebuiltCatalog } from '../app/llm/catalog';
import {
  type FetchArgs,
  formatTable,
  main,
  parseArgs,
  planTargets,
  runModelsFetch,
  selectModels,
  shardList,
  tokenizerFiles,
} from './models-fetch';
import { decideAction, type FetchRow, ModelsFetchError } from './models-fetch/download';

const ID = 'Tiny-1B-Instruct-q4f32_1-MLC';
const LIB = 'Tiny-1B-Instruct-q4f32_1_cs1k-webgpu.wasm';
const bytes = (n: number, seed: number) =>
  Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));
const SHARD0 = bytes(1000, 1);
const SHARD1 = bytes(700, 2);
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const TENSOR_CACHE = JSON.stringify({
  metadata: { ParamSize: 2, ParamBytes: 1700 },
  records: [
    { dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: 1000, md5sum: md5(SHARD0), records: [] },
    { dataPath: 'params_shard_1.bin', format: 'raw-shard', nbytes: 700, records: [] },
  ],
});

interface FakeServer {
  files: Map<string, Buffer>;
  requests: { path: string; range?: string }[];
  ignoreRange: boolean;
  /** Send this many bytes of the next response, then cut the connection. */
  cutAfter?: number;
}

const fake: FakeServer = { files: new Map(), requests: [], ignoreRange: false };
let server: Server;
let base: string;
let outDir: string;

function resetFiles() {
  const model = `/hf/mlc-ai/${ID}/resolve/main`;
  fake.files = new Map([
    [`${model}/mlc-chat-config.json`, Buffer.from(JSON.stringify({ tokenizer_files: ['tokenizer.json'] }))],
    [`${model}/tensor-cache.json`, Buffer.from(TENSOR_CACHE)],
    [`${model}/tokenizer.json`, Buffer.from('{"model":{"vocab":{}}}')],
    [`${model}/params_shard_0.bin`, SHARD0],
    [`${model}/params_shard_1.bin`, SHARD1],
    [`/libs/${LIB}`, Buffer.from('\0asm fake model library')],
  ]);
  fake.requests = [];
  fake.ignoreRange = false;
  delete fake.cutAfter;
}

async function cutWhenWritten(urlPath: string, bytes: number, res: ServerResponse) {
  const part = `${modelFile(urlPath.split('/').pop() ?? '')}.part`;
  for (let i = 0; i < 200; i++) {
    const size = await stat(part).then(
      (s) => s.size,
      () => 0,
    );
    if (size >= bytes) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  res.destroy();
}

function handle(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const range = req.headers.range;
  fake.requests.push(range ? { path, range } : { path });
  const body = fake.files.get(path);
  if (!body) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  const match = /^bytes=(\d+)-$/.exec(range ?? '');
  let chunk = body;
  if (match && !fake.ignoreRange) {
    const start = Number(match[1]);
    if (start >= body.length) {
      res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
      return;
    }
    chunk = body.subarray(start);
    res.writeHead(206, {
      'Content-Length': chunk.length,
      'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}`,
    });
  } else {
    res.writeHead(200, { 'Content-Length': body.length });
  }
  if (fake.cutAfter !== undefined) {
    const cut = fake.cutAfter;
    delete fake.cutAfter;
    // Cut the connection only once the client has written the first bytes to its .part file,
    // so the test does not depend on how fast the client reads under load.
    res.write(chunk.subarray(0, cut), () => void cutWhenWritten(path, cut, res));
    return;
  }
  res.end(chunk);
}

function fakeCatalog(): CatalogModel[] {
  return buildCatalog({
    model_list: [
      {
        model: `https://huggingface.co/mlc-ai/${ID}`,
        model_id: ID,
        model_lib: `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/${LIB}`,
        vram_required_MB: 10,
      },
    ],
  });
}

function args(extra: Partial<FetchArgs> = {}): FetchArgs {
  return {
    ...parseArgs([
      '--model',
      ID,
      '--out',
      outDir,
      '--base-url',
      `${base}/hf`,
      '--lib-base-url',
      `${base}/libs/`,
    ]),
    ...extra,
  };
}

async function run(extra: Partial<FetchArgs> = {}): Promise<{ rows: FetchRow[]; output: string }> {
  const lines: string[] = [];
  const rows = await runModelsFetch(args(extra), fakeCatalog(), (line) => lines.push(line));
  return { rows, output: lines.join('\n') };
}

const statuses = (rows: FetchRow[]) => Object.fromEntries(rows.map((r) => [r.file, r.status]));
const modelFile = (name: string) => join(outDir, ID, 'resolve', 'main', name);

beforeAll(async () => {
  server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(async () => {
  resetFiles();
  outDir = await mkdtemp(join(tmpdir(), 'models-fetch-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('downloading a model folder', () => {
  it('fetches everything, then finds it already present', async () => {
    const first = await run();
    expect(statuses(first.rows)).toEqual({
      [`${ID}/mlc-chat-config.json`]: 'fetched',
      [`${ID}/tensor-cache.json`]: 'fetched',
      [`${ID}/tokenizer.json`]: 'fetched',
      [`${ID}/params_shard_0.bin`]: 'fetched',
      [`${ID}/params_shard_1.bin`]: 'fetched',
      [`libs/${LIB}`]: 'fetched',
    });
    expect(await readFile(modelFile('params_shard_0.bin'))).toEqual(SHARD0);
    expect(await readFile(join(outDir, 'libs', LIB))).toEqual(fake.files.get(`/libs/${LIB}`));
    expect(fake.requests.map((r) => r.path)).toContain(`/hf/mlc-ai/${ID}/resolve/main/params_shard_1.bin`);
    expect(first.output).toMatch(/params_shard_0\.bin\s+1000 B\s+fetched/);
    expect(first.output).toMatch(/total: 6 files/);

    fake.requests = [];
    const second = await run();
    expect(new Set(second.rows.map((r) => r.status))).toEqual(new Set(['already present']));
    expect(second.rows).toHaveLength(6);
    expect(fake.requests).toEqual([]);
    expect(second.output).toMatch(/params_shard_1\.bin\s+700 B\s+already present/);
  });

  it('resumes a truncated shard with a Range request', async () => {
    await run();
    await truncate(modelFile('params_shard_0.bin'), 300);
    fake.requests = [];
    const { rows } = await run();
    expect(statuses(rows)[`${ID}/params_shard_0.bin`]).toBe('resumed');
    expect(fake.requests).toEqual([
      { path: `/hf/mlc-ai/${ID}/resolve/main/params_shard_0.bin`, range: 'bytes=300-' },
    ]);
    expect(await readFile(modelFile('params_shard_0.bin'))).toEqual(SHARD0);
  });

  it('resumes a .part file left by an interrupted download', async () => {
    await run();
    await rm(modelFile('params_shard_1.bin'));
    await writeFile(modelFile('params_shard_1.bin.part'), SHARD1.subarray(0, 100));
    fake.requests = [];
    const { rows } = await run();
    expect(statuses(rows)[`${ID}/params_shard_1.bin`]).toBe('resumed');
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toEqual({
      path: `/hf/mlc-ai/${ID}/resolve/main/params_shard_1.bin`,
      range: 'bytes=100-',
    });
    expect(await readFile(modelFile('params_shard_1.bin'))).toEqual(SHARD1);
  });

  it('keeps the .part of a cut connection and resumes it on the next run', async () => {
    await run();
    await rm(modelFile('params_shard_0.bin'));
    fake.cutAfter = 400;
    await expect(run()).rejects.toThrow(/params_shard_0\.bin .*Run the command again to resume/);
    const part = await readFile(modelFile('params_shard_0.bin.part'));
    expect(part.length).toBe(400);
    const { rows } = await run();
    expect(statuses(rows)[`${ID}/params_shard_0.bin`]).toBe('resumed');
    expect(await readFile(modelFile('params_shard_0.bin'))).toEqual(SHARD0);
  });

  it('starts over when the server ignores the Range header', async () => {
    fake.ignoreRange = true;
    await run();
    await truncate(modelFile('params_shard_0.bin'), 10);
    const { rows } = await run();
    expect(statuses(rows)[`${ID}/params_shard_0.bin`]).toBe('fetched');
    expect(await readFile(modelFile('params_shard_0.bin'))).toEqual(SHARD0);
  });

  it('fails on a size mismatch, naming the file', async () => {
    fake.files.set(`/hf/mlc-ai/${ID}/resolve/main/params_shard_1.bin`, SHARD1.subarray(0, 699));
    const failure = run();
    await expect(failure).rejects.toThrow(ModelsFetchError);
    await expect(failure).rejects.toThrow(
      new RegExp(
        `Size mismatch for ${ID}/params_shard_1\\.bin: tensor-cache\\.json says 700 bytes, the server sends 699`,
      ),
    );
  });

  it('fails on a checksum mismatch, naming the file', async () => {
    fake.files.set(`/hf/mlc-ai/${ID}/resolve/main/params_shard_0.bin`, bytes(1000, 9));
    await expect(run()).rejects.toThrow(`Checksum mismatch for ${ID}/params_shard_0.bin`);
  });

  it('fails on a 404, naming the URL', async () => {
    fake.files.delete(`/hf/mlc-ai/${ID}/resolve/main/tokenizer.json`);
    await expect(run()).rejects.toThrow(
      `HTTP 404 Not Found for ${base}/hf/mlc-ai/${ID}/resolve/main/tokenizer.json`,
    );
    resetFiles();
    fake.files.delete(`/libs/${LIB}`);
    await expect(run()).rejects.toThrow(`HTTP 404 Not Found for ${base}/libs/${LIB}`);
  });

  it('falls back to ndarray-cache.json and saves it as tensor-cache.json for WebLLM 0.2.86', async () => {
    const model = `/hf/mlc-ai/${ID}/resolve/main`;
    fake.files.delete(`${model}/tensor-cache.json`);
    fake.files.set(`${model}/ndarray-cache.json`, Buffer.from(TENSOR_CACHE));
    const { rows } = await run();
    expect(statuses(rows)[`${ID}/ndarray-cache.json`]).toBe('fetched');
    expect(await readFile(modelFile('tensor-cache.json'), 'utf8')).toBe(TENSOR_CACHE);
    expect(statuses(rows)[`${ID}/params_shard_1.bin`]).toBe('fetched');
  });

  it('refuses shard paths outside the model folder', async () => {
    const evil = JSON.stringify({ records: [{ dataPath: '../../evil.bin', nbytes: 1 }] });
    fake.files.set(`/hf/mlc-ai/${ID}/resolve/main/tensor-cache.json`, Buffer.from(evil));
    await expect(run()).rejects.toThrow(/outside the model folder/);
  });
});

describe('pure parts', () => {
  it('parses arguments', () => {
    const parsed = parseArgs([
      '--preset',
      'balanced',
      '--model=A',
      '--model',
      'B',
      '--f32',
      '--base-url',
      'http://m',
    ]);
    expect(parsed).toMatchObject({
      presets: ['balanced'],
      models: ['A', 'B'],
      f32: 'instead',
      baseUrl: 'http://m',
    });
    expect(parsed.outDir).toMatch(/public[\\/]models[\\/]?$/);
    expect(parseArgs(['--help']).help).toBe(true);
    expect(() => parseArgs([])).toThrow(/Say what to fetch/);
    expect(() => parseArgs(['--model'])).toThrow(/--model needs a value/);
    expect(() => parseArgs(['--model', '--f32'])).toThrow(/--model needs a value/);
    expect(() => parseArgs(['--bogus'])).toThrow(/Unknown argument "--bogus"/);
  });

  it('decides what to do with what is on disk', () => {
    expect(decideAction({})).toEqual({ kind: 'fetch' });
    expect(decideAction({ finalSize: 5 })).toEqual({ kind: 'present' });
    expect(decideAction({ finalSize: 10, expectedSize: 10 })).toEqual({ kind: 'present' });
    expect(decideAction({ finalSize: 4, expectedSize: 10 })).toEqual({
      kind: 'resume',
      from: 4,
      adopt: 'final',
    });
    expect(decideAction({ finalSize: 12, expectedSize: 10 })).toEqual({ kind: 'fetch' });
    expect(decideAction({ partSize: 4, expectedSize: 10 })).toEqual({
      kind: 'resume',
      from: 4,
      adopt: 'part',
    });
    expect(decideAction({ partSize: 4 })).toEqual({ kind: 'resume', from: 4, adopt: 'part' });
    expect(decideAction({ partSize: 10, expectedSize: 10 })).toEqual({ kind: 'finish' });
    expect(decideAction({ partSize: 11, expectedSize: 10 })).toEqual({ kind: 'fetch' });
    expect(decideAction({ partSize: 0 })).toEqual({ kind: 'fetch' });
  });

  it('lists files from the configs', () => {
    expect(tokenizerFiles({ tokenizer_files: ['tokenizer.json', 'vocab.json'] })).toEqual([
      'tokenizer.json',
      'vocab.json',
    ]);
    expect(() => tokenizerFiles({})).toThrow(/tokenizer_files/);
    expect(shardList(JSON.parse(TENSOR_CACHE))).toEqual([
      { path: 'params_shard_0.bin', nbytes: 1000, md5: md5(SHARD0) },
      { path: 'params_shard_1.bin', nbytes: 700 },
    ]);
    expect(() => shardList({ records: [{ dataPath: 'a.bin' }] })).toThrow(/no valid nbytes/);
    expect(() => shardList({ records: [] })).toThrow(/no records/);
  });

  it('plans URLs the way WebLLM resolves them, with mirrors', () => {
    const [target] = planTargets(fakeCatalog());
    expect(target?.weightsUrl).toBe(`https://huggingface.co/mlc-ai/${ID}/resolve/main/`);
    const [mirrored] = planTargets(fakeCatalog(), {
      baseUrl: 'https://hf-mirror.example/',
      libBaseUrl: 'https://l/w',
    });
    expect(mirrored).toEqual({
      modelId: ID,
      weightsUrl: `https://hf-mirror.example/mlc-ai/${ID}/resolve/main/`,
      libUrl: `https://l/w/${LIB}`,
    });
  });

  it('formats a table', () => {
    expect(
      formatTable([
        { file: 'a/mlc-chat-config.json', bytes: 12, status: 'fetched' },
        { file: 'a/params_shard_0.bin', bytes: 33_554_432, status: 'resumed' },
      ]),
    ).toBe(
      [
        'file                    size     status',
        'a/mlc-chat-config.json  12 B     fetched',
        'a/params_shard_0.bin    32.0 MB  resumed',
        'total: 2 files, 32.0 MB',
      ].join('\n'),
    );
  });
});

describe('selecting models from the real catalog', () => {
  let catalog: CatalogModel[];
  beforeAll(async () => {
    catalog = await loadPrebuiltCatalog();
  });
  const ids = (argv: string[]) => selectModels(parseArgs(argv), catalog).map((m) => m.id);

  it('expands presets without duplicates', () => {
    expect(ids(['--preset', 'balanced'])).toEqual([
      'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
      'Llama-3.2-1B-Instruct-q4f16_1-MLC',
    ]);
    expect(ids(['--preset', 'tiny', '--f32'])).toEqual([
      'Qwen2.5-0.5B-Instruct-q4f32_1-MLC',
      'SmolLM2-360M-Instruct-q4f32_1-MLC',
    ]);
    expect(ids(['--preset', 'one-model', '--with-f32'])).toEqual([
      'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
      'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
    ]);
    expect(ids(['--model', 'Qwen3-0.6B-q4f32_1-MLC', '--preset', 'single'])).toEqual([
      'Qwen2.5-1.5B-Instruct-q4f16_1-MLC',
      'Qwen3-0.6B-q4f32_1-MLC',
    ]);
  });

  it('explains unknown ids and presets', () => {
    expect(() => ids(['--model', 'Qwen2.5-0.5B'])).toThrow(
      /Unknown model id "Qwen2.5-0.5B". Did you mean: Qwen2.5-0.5B/,
    );
    expect(() => ids(['--preset', 'huge'])).toThrow(/Unknown preset "huge". Presets: tiny, balanced/);
    expect(() => ids(['--model', 'Hermes-2-Pro-Mistral-7B-q4f16_1-MLC', '--f32'])).toThrow(/no f32 version/);
  });
});

describe('main', () => {
  it('exits non-zero with a clear message on bad arguments', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['--model'])).toBe(1);
    expect(error.mock.calls[0]?.[0]).toMatch(/^models:fetch failed: --model needs a value/);
    error.mockRestore();
  });
});
