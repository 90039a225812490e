/**
 * The tiny α-UMi models in Node, with onnxruntime-node and the same decoder and tokenizer
 * code as the page (tests, `npm run eval`, `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { TinyDecoder } from '../app/llm/tiny/decoder';
import {
  modelNameFor,
  parseTinyManifest,
  type TinyManifest,
  type TinySystemId,
} from '../app/llm/tiny/manifest';
import { createTinyTokenizer, loadTokenizerClass, type TinyTokenizer } from '../app/llm/tiny/tokenizer';

/** public/tiny, or another trained set (UMI_TINY_DIR) to compare before committing it. */
export const TINY_DIR =
  process.env.UMI_TINY_DIR ?? fileURLToPath(new URL('../public/tiny/', import.meta.url));

export function readTinyManifest(dir = TINY_DIR): TinyManifest {
  return parseTinyManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
}

let tokenizer: Promise<TinyTokenizer> | undefined;

/**
 * web-tokenizers' UMD bundle, loaded as an ES module in Node, looks for CommonJS's `require`
 * and `__filename` to find its own path; give it both, then load it.
 */
export function nodeTinyTokenizer(dir = TINY_DIR): Promise<TinyTokenizer> {
  tokenizer ??= (async () => {
    const g = globalThis as { require?: unknown; __filename?: string };
    g.require ??= createRequire(import.meta.url);
    g.__filename ??= fileURLToPath(import.meta.url);
    const Tokenizer = await loadTokenizerClass();
    const bytes = readFileSync(join(dir, readTinyManifest(dir).tokenizer));
    return createTinyTokenizer(
      Tokenizer,
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
  })();
  return tokenizer;
}

export async function nodeTinyDecoder(
  system: TinySystemId,
  role: string,
  options: { threads?: number; dir?: string } = {},
): Promise<TinyDecoder> {
  const dir = options.dir ?? TINY_DIR;
  const manifest = readTinyManifest(dir);
  const file = manifest.systems[system]?.models[modelNameFor(system, role)]?.file;
  if (!file) throw new Error(`public/tiny has no ${system} model for ${role}: run npm run train:tiny`);
  const session = await ort.InferenceSession.create(join(dir, file), {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  return new TinyDecoder(ort, session, await nodeTinyTokenizer(dir), manifest.config);
}
