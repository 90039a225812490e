/// <reference lib="webworker" />
/**
 * One tiny α-UMi model (a role, or all roles in shared/single mode): onnxruntime-web's
 * WebAssembly backend and the SentencePiece tokenizer, exposed as one object through comlink
 * (STYLE.md #2). The ONNX file, the tokenizer and the runtime's .wasm all come from this site,
 * and the service worker precaches them, so the models run offline after one visit.
 */
import { expose } from 'comlink';
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import * as ort from 'onnxruntime-web/wasm';
import { TinyDecoder, type TinyModelConfig } from '../app/llm/tiny/decoder';
import { TinyLoadError } from '../app/llm/tiny/errors';
import type { TinyWorkerRequest, TinyWorkerResult } from '../app/llm/tiny/protocol';
import { createTinyTokenizer, loadTokenizerClass } from '../app/llm/tiny/tokenizer';

let decoder: TinyDecoder | undefined;
let interrupted = false;
/** Deltas cross the worker boundary at most every 16 ms, batched. */
const FLUSH_MS = 16;

ort.env.wasm.wasmPaths = { wasm: ortWasmUrl, mjs: ortMjsUrl };
// Threads need a cross-origin isolated page (SharedArrayBuffer); this page is not one.
ort.env.wasm.numThreads = 1;

async function fetchBytes(url: string, what: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new TinyLoadError(`${what} could not be read (${url}): ${String(error)}`);
  }
  if (!response.ok) throw new TinyLoadError(`${what} is missing: ${url} answered ${response.status}.`);
  return response.arrayBuffer();
}

const api = {
  ping: (): true => true,

  async load(spec: { modelUrl: string; tokenizerUrl: string; config: TinyModelConfig }) {
    const started = performance.now();
    const [model, tokenizerModel, Tokenizer] = await Promise.all([
      fetchBytes(spec.modelUrl, 'The model file'),
      fetchBytes(spec.tokenizerUrl, 'The tokenizer'),
      loadTokenizerClass(),
    ]);
    const tokenizer = await createTinyTokenizer(Tokenizer, tokenizerModel);
    const session = await ort.InferenceSession.create(new Uint8Array(model), {
      executionProviders: ['wasm'],
      graphOptimizationLevel: 'all',
    });
    decoder = new TinyDecoder(ort, session, tokenizer, spec.config);
    return { loadMs: performance.now() - started, bytes: model.byteLength };
  },

  async generate(request: TinyWorkerRequest, onDeltas: (text: string) => void): Promise<TinyWorkerResult> {
    if (!decoder) throw new TinyLoadError('The tiny model is not loaded yet.');
    interrupted = false;
    let pending = '';
    let lastFlush = 0;
    const flush = () => {
      if (pending) onDeltas(pending);
      pending = '';
      lastFlush = performance.now();
    };
    const result = await decoder.generate(request.prompt, {
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      ...(request.topP === undefined ? {} : { topP: request.topP }),
      ...(request.seed === undefined ? {} : { seed: request.seed }),
      stop: request.stop,
      interrupted: () => interrupted,
      // A macrotask between tokens, so Stop (an interrupt message) is read mid-generation.
      yieldToHost: () => new Promise((resolve) => setTimeout(resolve, 0)),
      onDelta: (delta) => {
        pending += delta;
        if (performance.now() - lastFlush >= FLUSH_MS) flush();
      },
    });
    flush();
    // Stop keeps the partial text; the bridge decides whether it is an abort.
    const { tokenIds: _ids, ...rest } = result;
    return rest;
  },

  /** `npm run bench`: prefill and greedy decode speed of the loaded model. */
  benchDecode(prompt: string, steps: number) {
    if (!decoder) throw new TinyLoadError('The tiny model is not loaded yet.');
    return decoder.bench(prompt, steps);
  },

  interrupt(): void {
    interrupted = true;
  },

  unload(): void {
    decoder = undefined;
  },
};

expose(api);
export type TinyWorkerApi = typeof api;
