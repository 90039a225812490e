/**
 * Downloads model weights and model libraries into public/models/ so the page can load them
 * from "this site" (offline, air-gapped classrooms). See public/models/README.md.
 *
 *   npm run models:fetch -- --preset balanced
 *   npm run models:fetch -- --model Qwen2.5-0.5B-Instruct-q4f32_1-MLC --model SmolLM2-360M-Instruct-q4f32_1-MLC
 *
 * Resumes partial downloads (`<file>.part` + HTTP Range), verifies sizes against
 * tensor-cache.json and Content-Length (and md5 when listed), prints a table of what it did.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Catalog, type CatalogModel, f32Twin, findModel, loadPrebuiltCatalog } from '../app/llm/catalog';
import { libraryFileName, weightsBaseUrl } from '../app/llm/model-source';
import { findPreset, PRESETS, resolvePreset } from '../app/llm/presets';
import { downloadFile, type FetchRow, ModelsFetchError } from './models-fetch/download';

export const USAGE = `Usage: npm run models:fetch -- [--preset <id>]... [--model <model_id>]... [options]
  --preset <id>         ${PRESETS.map((p) => p.id).join(', ')}
  --model <model_id>    any WebLLM prebuilt model id (repeatable)
  --f32                 fetch the q4f32_1 twins instead (GPUs without shader-f16)
  --with-f32            fetch the f16 models and their f32 twins
  --out <dir>           target folder (default: public/models)
  --base-url <url>      Hugging Face mirror: replaces https://huggingface.co in model URLs
  --lib-base-url <url>  folder URL to fetch model libraries (.wasm) from instead of GitHub`;

export interface FetchArgs {
  presets: string[];
  models: string[];
  f32: 'no' | 'instead' | 'also';
  outDir: string;
  baseUrl?: string;
  libBaseUrl?: string;
  help: boolean;
}

export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../public/models/', import.meta.url));

export function parseArgs(argv: readonly string[]): FetchArgs {
  const args: FetchArgs = { presets: [], models: [], f32: 'no', outDir: DEFAULT_OUT_DIR, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      const v = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '' || (eq < 0 && v.startsWith('--')))
        throw new ModelsFetchError(`${flag} needs a value.\n${USAGE}`);
      return v;
    };
    if (flag === '--preset') args.presets.push(value());
    else if (flag === '--model') args.models.push(value());
    else if (flag === '--out') args.outDir = resolve(value());
    else if (flag === '--base-url') args.baseUrl = value();
    else if (flag === '--lib-base-url') args.libBaseUrl = value();
    else if (flag === '--f32') args.f32 = 'instead';
    else if (flag === '--with-f32') args.f32 = 'also';
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new ModelsFetchError(`Unknown argument "${raw}".\n${USAGE}`);
  }
  if (!args.help && args.presets.length === 0 && args.models.length === 0)
    throw new ModelsFetchError(`Say what to fetch: --preset <id> or --model <model_id>.\n${USAGE}`);
  return args;
}

/** The catalog models the arguments ask for, without duplicates. */
export function selectModels(args: FetchArgs, catalog: Catalog): CatalogModel[] {
  const ids: string[] = [];
  for (const presetId of args.presets) {
    const preset = findPreset(presetId);
    if (!preset)
      throw new ModelsFetchError(
        `Unknown preset "${presetId}". Presets: ${PRESETS.map((p) => p.id).join(', ')}.`,
      );
    const resolved = resolvePreset(preset, catalog, { shaderF16: true });
    if (resolved.unusableRoles.length > 0) throw new ModelsFetchError(resolved.notes.join(' '));
    ids.push(...Object.values(resolved.roles).filter((id): id is string => id !== undefined));
  }
  for (const id of args.models) {
    if (findModel(catalog, id)) {
      ids.push(id);
      continue;
    }
    const near = catalog.filter((m) => m.id.toLowerCase().includes(id.toLowerCase())).slice(0, 5);
    const hint = near.length > 0 ? ` Did you mean: ${near.map((m) => m.id).join(', ')}?` : '';
    throw new ModelsFetchError(`Unknown model id "${id}".${hint}`);
  }
  const chosen: string[] = [];
  for (const id of ids) {
    const model = findModel(catalog, id);
    const twin = args.f32 === 'no' || !model?.needsF16 ? undefined : f32Twin(catalog, id);
    if (args.f32 !== 'no' && model?.needsF16 && !twin)
      throw new ModelsFetchError(`${id} has no f32 version in WebLLM's catalog.`);
    if (args.f32 !== 'instead' || !twin) chosen.push(id);
    if (twin) chosen.push(twin.id);
  }
  return [...new Set(chosen)].map((id) => findModel(catalog, id)).filter((m): m is CatalogModel => !!m);
}

export interface DownloadTarget {
  modelId: string;
  /** Absolute, ends in `resolve/main/` (as WebLLM resolves it). */
  weightsUrl: string;
  libUrl: string;
  manifest?: string;
}

function asFolder(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

export function planTargets(
  models: readonly CatalogModel[],
  options: { baseUrl?: string; libBaseUrl?: string } = {},
) {
  return models.map((model): DownloadTarget => {
    let weightsUrl = weightsBaseUrl(model.modelUrl);
    if (options.baseUrl)
      weightsUrl = new URL(new URL(weightsUrl).pathname.slice(1), asFolder(options.baseUrl)).href;
    let libUrl = model.modelLibUrl;
    if (options.libBaseUrl) libUrl = new URL(libraryFileName(libUrl), asFolder(options.libBaseUrl)).href;
    const target: DownloadTarget = { modelId: model.id, weightsUrl, libUrl };
    if (model.passthrough?.model_manifest) target.manifest = model.passthrough.model_manifest;
    return target;
  });
}

/** A file name from a config, as a safe path inside the model folder. */
export function safeRelativePath(name: unknown, source: string): string {
  if (typeof name !== 'string' || name === '' || name.startsWith('/') || name.includes('\\'))
    throw new ModelsFetchError(`${source} lists an unusable file name: ${JSON.stringify(name)}`);
  if (name.split('/').some((part) => part === '..' || part === '.' || part === ''))
    throw new ModelsFetchError(`${source} lists a file outside the model folder: ${JSON.stringify(name)}`);
  return name;
}

export function tokenizerFiles(chatConfig: unknown): string[] {
  const files = (chatConfig as { tokenizer_files?: unknown } | null)?.tokenizer_files;
  if (!Array.isArray(files) || files.length === 0)
    throw new ModelsFetchError('mlc-chat-config.json has no tokenizer_files list.');
  return files.map((f) => safeRelativePath(f, 'mlc-chat-config.json'));
}

export interface Shard {
  path: string;
  nbytes: number;
  md5?: string;
}

export function shardList(tensorCache: unknown, source = 'tensor-cache.json'): Shard[] {
  const records = (tensorCache as { records?: unknown } | null)?.records;
  if (!Array.isArray(records) || records.length === 0)
    throw new ModelsFetchError(`${source} has no records.`);
  const shards = new Map<string, Shard>();
  for (const record of records as { dataPath?: unknown; nbytes?: unknown; md5sum?: unknown }[]) {
    const path = safeRelativePath(record?.dataPath, source);
    if (!Number.isSafeInteger(record.nbytes) || (record.nbytes as number) < 0)
      throw new ModelsFetchError(`${source}: shard ${path} has no valid nbytes.`);
    const shard: Shard = { path, nbytes: record.nbytes as number };
    if (typeof record.md5sum === 'string' && /^[0-9a-f]{32}$/i.test(record.md5sum)) shard.md5 = record.md5sum;
    shards.set(path, shard);
  }
  return [...shards.values()];
}

export interface FetchOptions {
  outDir: string;
  log?: (line: string) => void;
}

async function readJson(path: string, label: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ModelsFetchError(
      `${label} is not valid JSON (${(error as Error).message}); delete it and retry.`,
    );
  }
}

/** WebLLM 0.2.86 reads tensor-cache.json; repositories converted before the rename only have ndarray-cache.json. */
async function fetchTensorCache(target: DownloadTarget, dir: string, rows: FetchRow[]): Promise<unknown> {
  const get = (name: string) =>
    downloadFile(new URL(name, target.weightsUrl).href, join(dir, name), `${target.modelId}/${name}`);
  try {
    rows.push(await get('tensor-cache.json'));
  } catch (error) {
    if (!(error instanceof ModelsFetchError && error.status === 404)) throw error;
    rows.push(await get('ndarray-cache.json'));
    await copyFile(join(dir, 'ndarray-cache.json'), join(dir, 'tensor-cache.json'));
  }
  return readJson(join(dir, 'tensor-cache.json'), `${target.modelId}/tensor-cache.json`);
}

export async function fetchModel(target: DownloadTarget, options: FetchOptions, rows: FetchRow[] = []) {
  const dir = join(options.outDir, target.modelId, 'resolve', 'main');
  const get = async (name: string, expect: { size?: number; md5?: string } = {}) => {
    options.log?.(`  ${target.modelId}/${name}`);
    const row = await downloadFile(
      new URL(name, target.weightsUrl).href,
      join(dir, name),
      `${target.modelId}/${name}`,
      expect,
    );
    rows.push(row);
  };
  await get('mlc-chat-config.json');
  const chatConfig = await readJson(
    join(dir, 'mlc-chat-config.json'),
    `${target.modelId}/mlc-chat-config.json`,
  );
  if (target.manifest) await get(safeRelativePath(target.manifest, 'the model record'));
  const tensorCache = await fetchTensorCache(target, dir, rows);
  for (const name of tokenizerFiles(chatConfig)) await get(name);
  for (const shard of shardList(tensorCache)) {
    const expect: { size: number; md5?: string } = { size: shard.nbytes };
    if (shard.md5) expect.md5 = shard.md5;
    await get(shard.path, expect);
  }
  const lib = libraryFileName(target.libUrl);
  options.log?.(`  libs/${lib}`);
  rows.push(await downloadFile(target.libUrl, join(options.outDir, 'libs', lib), `libs/${lib}`));
  return rows;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatTable(rows: readonly FetchRow[]): string {
  const seen = new Set<string>();
  const unique = rows.filter((row) => !seen.has(row.file) && seen.add(row.file));
  const lines = [['file', 'size', 'status'], ...unique.map((r) => [r.file, formatSize(r.bytes), r.status])];
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((line) => (line[i] ?? '').length)));
  const render = (line: string[]) =>
    line
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const total = unique.reduce((sum, row) => sum + row.bytes, 0);
  return [
    render(lines[0] ?? []),
    ...lines.slice(1).map(render),
    `total: ${unique.length} files, ${formatSize(total)}`,
  ].join('\n');
}

export async function runModelsFetch(args: FetchArgs, catalog: Catalog, print: (line: string) => void) {
  const models = selectModels(args, catalog);
  const targets = planTargets(models, args);
  const rows: FetchRow[] = [];
  print(`Fetching ${models.map((m) => m.id).join(', ')} into ${args.outDir}`);
  try {
    for (const target of targets) await fetchModel(target, { outDir: args.outDir, log: print }, rows);
  } finally {
    if (rows.length > 0) print(formatTable(rows));
  }
  return rows;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    await runModelsFetch(args, await loadPrebuiltCatalog(), (line) => console.log(line));
    console.log('Done. Choose "This site" as the model source in the page (see public/models/README.md).');
    return 0;
  } catch (error) {
    console.error(`models:fetch failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
