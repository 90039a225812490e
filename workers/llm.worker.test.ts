/**
 * The LLM worker (workers/llm.worker.ts) run in Node, as a module: comlink's `expose` is
 * mocked to capture the object the worker hands to the page, and `@mlc-ai/web-llm` is mocked
 * with a STAND-IN for WebLLM's `MLCEngine` (below). The stand-in is not WebLLM: it keeps the
 * few members the worker uses, and behaves as WebLLM 0.2.86's engine does where the worker
 * depends on it (its `loadedModelIdToPipeline` map, `reload` unloading first, the stream's
 * delta/final/usage chunks, the interrupt flag cleared when a stream starts). What WebLLM
 * itself does is checked against its bundle in app/llm/webllm/conformance.
 *
 * Every test loads a fresh copy of the worker (`vi.resetModules()`), so its module state
 * (the engine, the loaded model id, the interrupt flag) never leaks from one test to the next.
 * The worker's error classes then come from a fresh copy of engine-errors too: errors are
 * checked by name and message, not with `instanceof` against this file's import.
 */
import type { CompletionUsage, ModelRecord } from '@mlc-ai/web-llm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyEngineError } from '../app/llm/webllm/engine-errors';
import type { WorkerGenerateRequest, WorkerGenerateResult } from '../app/llm/webllm/protocol';
import type { LlmWorkerApi } from './llm.worker';

/** One generation as the stand-in engine plays it. */
interface Script {
  /** The deltas the stream carries, one chunk each. */
  pieces: string[];
  /** What `getMessage()` gives after the stream; an Error makes it reject. */
  message: string | Error;
  /** The final chunk's finish_reason when the stream is not interrupted (default 'stop'). */
  finish?: string;
  /** The usage chunk's usage; none: the stream carries no usage chunk. */
  usage?: CompletionUsage;
  /** The pipeline's `filledKVCacheLength` once the generation is over. */
  kvAfter?: number;
  /** Runs when the stream starts, before the engine clears its interrupt flag (as WebLLM does). */
  onStart?: () => void | Promise<void>;
  /** Runs once the worker asked for the chunk after piece `index`; throwing makes the stream throw. */
  afterPiece?: (index: number) => void | Promise<void>;
}

type InitReport = { progress: number; text: string; timeElapsed: number };
type Pipeline = { filledKVCacheLength?: number };

const h = vi.hoisted(() => {
  /**
   * STAND-IN for WebLLM's `MLCEngine` — not WebLLM. Only what workers/llm.worker.ts touches.
   */
  class StandInEngine {
    /** As WebLLM 0.2.86's MLCEngine keeps it (private there): model id → its LLMChatPipeline. */
    loadedModelIdToPipeline = new Map<string, Pipeline>();
    /** WebLLM's `interruptSignal`: set by interruptGenerate, cleared when a stream starts. */
    interruptSignal = false;
    script: Script = { pieces: [], message: '' };
    /** When set, `reload` rejects with it (after unloading, as WebLLM's reload does). */
    reloadError: Error | undefined;
    /** False: the pipelines have no `filledKVCacheLength` (a bundle that renamed it). */
    pipelineHasKvField = true;
    private progress: ((report: InitReport) => void) | undefined;

    setAppConfig = vi.fn((_config: unknown) => {});
    setInitProgressCallback = vi.fn((callback?: (report: InitReport) => void) => {
      this.progress = callback;
    });
    reload = vi.fn(async (modelId: string, _chatOptions?: unknown) => {
      await this.unload();
      this.progress?.({ progress: 0.5, text: 'Loading model from cache[1/2]', timeElapsed: 1.5 });
      if (this.reloadError) throw this.reloadError;
      this.loadedModelIdToPipeline?.set(modelId, this.pipelineHasKvField ? { filledKVCacheLength: 0 } : {});
    });
    unload = vi.fn(async () => {
      this.loadedModelIdToPipeline?.clear();
    });
    resetChat = vi.fn(async () => {
      for (const pipeline of this.loadedModelIdToPipeline?.values() ?? []) {
        if (this.pipelineHasKvField) pipeline.filledKVCacheLength = 0;
      }
    });
    interruptGenerate = vi.fn(async () => {
      this.interruptSignal = true;
    });
    getMessage = vi.fn(async (_modelId?: string) => {
      const { message } = this.script;
      if (message instanceof Error) throw message;
      return message;
    });
    chat = {
      completions: { create: vi.fn(async (body: StreamBody) => this.stream('chat', body)) },
    };
    completions = { create: vi.fn(async (body: StreamBody) => this.stream('completion', body)) };

    /** What WebLLM's `device.lost` handler does: `this.unload()`. */
    async loseDevice() {
      await this.unload();
    }

    private async *stream(kind: 'chat' | 'completion', body: StreamBody) {
      const s = this.script;
      await s.onStart?.();
      this.interruptSignal = false; // WebLLM's asyncGenerate does this before its prefill
      let finish = s.finish ?? 'stop';
      for (let i = 0; i < s.pieces.length; i++) {
        // WebLLM checks the flag before every decode step; the first piece comes from the prefill.
        if (i > 0 && this.interruptSignal) {
          finish = 'abort';
          break;
        }
        yield deltaChunk(kind, s.pieces[i] ?? '');
        await s.afterPiece?.(i);
      }
      const [pipeline] = this.loadedModelIdToPipeline?.values() ?? [];
      if (pipeline && this.pipelineHasKvField && s.kvAfter !== undefined) {
        pipeline.filledKVCacheLength = s.kvAfter;
      }
      yield finalChunk(kind, finish);
      if (s.usage && body.stream_options?.include_usage === true) yield usageChunk(kind, s.usage);
    }
  }

  type StreamBody = { stream?: boolean; stream_options?: { include_usage?: boolean } };

  function deltaChunk(kind: 'chat' | 'completion', piece: string) {
    return kind === 'chat'
      ? {
          id: 'chatcmpl-1',
          object: 'chat.completion.chunk',
          created: 0,
          model: 'm',
          choices: [
            { index: 0, delta: { content: piece, role: 'assistant' }, finish_reason: null, logprobs: null },
          ],
        }
      : {
          id: 'cmpl-1',
          object: 'text_completion',
          created: 0,
          model: 'm',
          choices: [{ index: 0, text: piece, finish_reason: null, logprobs: null }],
        };
  }

  function finalChunk(kind: 'chat' | 'completion', finish: string) {
    return kind === 'chat'
      ? {
          id: 'chatcmpl-1',
          object: 'chat.completion.chunk',
          created: 0,
          model: 'm',
          choices: [{ index: 0, delta: {}, finish_reason: finish }],
        }
      : {
          id: 'cmpl-1',
          object: 'text_completion',
          created: 0,
          model: 'm',
          choices: [{ index: 0, text: '', finish_reason: finish }],
        };
  }

  function usageChunk(kind: 'chat' | 'completion', usage: CompletionUsage) {
    return {
      id: 'x',
      object: kind === 'chat' ? 'chat.completion.chunk' : 'text_completion',
      created: 0,
      model: 'm',
      choices: [],
      usage,
    };
  }

  return {
    StandInEngine,
    /** The object the worker passed to comlink's `expose`. */
    exposed: undefined as unknown,
    /** Every stand-in engine the worker constructed, oldest first. */
    engines: [] as StandInEngine[],
    /** What `hasModelInCache` answers. */
    cached: true,
    hasModelInCache: vi.fn(async (_modelId: string, _appConfig?: unknown) => h.cached),
    preflightModel: vi.fn(async (_record: unknown) => {}),
  };
});

vi.mock('comlink', () => ({
  expose: (api: unknown) => {
    h.exposed = api;
  },
}));

vi.mock('@mlc-ai/web-llm', () => ({
  // The stand-in above, under WebLLM's export name; the worker does `new webllm.MLCEngine()`.
  MLCEngine: class extends h.StandInEngine {
    constructor() {
      super();
      h.engines.push(this);
    }
  },
  hasModelInCache: h.hasModelInCache,
  deleteModelAllInfoInCache: vi.fn(async () => {}),
}));

vi.mock('../app/llm/webllm/preflight', () => ({ preflightModel: h.preflightModel }));

type StandIn = InstanceType<typeof h.StandInEngine>;

const MODEL_ID = 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC';
const RECORD: ModelRecord = {
  model: `https://huggingface.co/mlc-ai/${MODEL_ID}`,
  model_id: MODEL_ID,
  model_lib: 'https://example.test/libs/Qwen2-0.5B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm',
};
const OTHER: ModelRecord = {
  model: 'https://huggingface.co/mlc-ai/Llama-3.2-1B-Instruct-q4f16_1-MLC',
  model_id: 'Llama-3.2-1B-Instruct-q4f16_1-MLC',
  model_lib: 'https://example.test/libs/Llama-3.2-1B-Instruct-q4f16_1-ctx4k_cs1k-webgpu.wasm',
};

const CHAT: WorkerGenerateRequest = {
  kind: 'chat',
  body: { messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 64, temperature: 0 },
};
const COMPLETION: WorkerGenerateRequest = {
  kind: 'completion',
  body: { prompt: '<s>Say hello.', max_tokens: 64, temperature: 0, stop: ['</s>'] },
};

const USAGE: CompletionUsage = {
  prompt_tokens: 120,
  completion_tokens: 18,
  total_tokens: 138,
  extra: {
    e2e_latency_s: 0.9,
    prefill_tokens_per_s: 400,
    decode_tokens_per_s: 30,
    time_to_first_token_s: 0.3,
    time_per_output_token_s: 0.033,
  },
};

/** A fresh copy of the worker module: new engine, nothing loaded. */
async function freshWorker(): Promise<LlmWorkerApi> {
  vi.resetModules();
  h.exposed = undefined;
  h.engines.length = 0;
  await import('./llm.worker');
  if (!h.exposed) throw new Error('the worker exposed nothing through comlink');
  return h.exposed as LlmWorkerApi;
}

/** A fresh worker with RECORD loaded, and the stand-in engine it runs. */
async function loadedWorker(configure?: (engine: StandIn) => void) {
  const api = await freshWorker();
  await api.start();
  const engine = h.engines[0];
  if (!engine) throw new Error('the worker built no engine');
  configure?.(engine);
  await api.load(RECORD, {}, () => {});
  return { api, engine };
}

/** Runs one generation and keeps what reached the onDeltas callback. */
async function generate(api: LlmWorkerApi, request: WorkerGenerateRequest) {
  const deltas: string[] = [];
  const result: WorkerGenerateResult = await api.generate(request, (text) => deltas.push(text));
  return { result, streamed: deltas.join(''), deltas };
}

/** What `promise` rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as Error,
  );
}

/** The error a generation rejects with, and what reached onDeltas before it. */
async function generateError(api: LlmWorkerApi, request: WorkerGenerateRequest) {
  const deltas: string[] = [];
  const error = await rejection(api.generate(request, (text) => deltas.push(text)));
  return { error, streamed: deltas.join('') };
}

beforeEach(() => {
  h.cached = true;
  h.hasModelInCache.mockClear();
  h.preflightModel.mockReset();
});

describe('the reply is the engine final message, not the deltas joined (issue 12 #8)', () => {
  it('chat: a cut multi-token stop string streams "</", the reply is getMessage()', async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['Hello', ' world', '</'], message: 'Hello world' };
    const { result, streamed } = await generate(api, CHAT);
    expect(streamed).toBe('Hello world</');
    expect(result.text).toBe('Hello world');
    expect(engine.getMessage).toHaveBeenCalledTimes(1);
  });

  it('completion: a trailing partial UTF-8 character never streamed is in the reply', async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['Café', ' au lait '], message: 'Café au lait ☕' };
    const { result, streamed } = await generate(api, COMPLETION);
    expect(streamed).toBe('Café au lait ');
    expect(result.text).toBe('Café au lait ☕');
  });

  it('when getMessage() rejects, the reply is the deltas joined', async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['Hello', ' world'], message: new Error('pipeline gone') };
    const { result, streamed } = await generate(api, CHAT);
    expect(streamed).toBe('Hello world');
    expect(result.text).toBe('Hello world');
    expect(result.finishReason).toBe('stop');
  });

  it('sends the request streaming with usage, and resets the chat before a raw completion', async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['ok'], message: 'ok' };
    await generate(api, CHAT);
    expect(engine.chat.completions.create).toHaveBeenCalledWith({
      ...CHAT.body,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(engine.resetChat).not.toHaveBeenCalled();

    await generate(api, COMPLETION);
    expect(engine.completions.create).toHaveBeenCalledWith({
      ...COMPLETION.body,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(engine.resetChat).toHaveBeenCalledTimes(1);
    const resetAt = engine.resetChat.mock.invocationCallOrder[0] ?? Infinity;
    const createAt = engine.completions.create.mock.invocationCallOrder[0] ?? -Infinity;
    expect(resetAt).toBeLessThan(createAt);
  });
});

describe('a GPU lost after load (issue 12 #6)', () => {
  it('the model gone from the engine: DeviceLostError naming the model, then "no model loaded"', async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['never'], message: 'never' };
    await engine.loseDevice(); // WebLLM's device.lost handler: unload(), the map is empty
    expect(engine.loadedModelIdToPipeline.has(MODEL_ID)).toBe(false);

    const first = await generateError(api, CHAT);
    expect(first.error.name).toBe('DeviceLostError');
    expect(first.error.message).toContain(MODEL_ID);
    expect(first.error.message).toMatch(/Reload this role/);
    expect(engine.chat.completions.create).not.toHaveBeenCalled();

    const second = await generateError(api, CHAT);
    expect(second.error.name).toBe('ModelNotLoadedError');
    expect(second.error.message).toMatch(/No model is loaded/);
    expect(second.error.message).not.toContain(MODEL_ID);
  });

  it('the model gone mid-stream: DeviceLostError, not the stream error; the deltas so far delivered', async () => {
    const { api, engine } = await loadedWorker();
    engine.script = {
      pieces: ['Hel', 'lo', ' never'],
      message: 'never',
      afterPiece: async (index) => {
        if (index !== 1) return;
        await engine.loseDevice();
        throw new Error('Buffer used in submit while destroyed.');
      },
    };
    const { error, streamed } = await generateError(api, CHAT);
    expect(error.name).toBe('DeviceLostError');
    expect(error.message).toContain(MODEL_ID);
    expect(error.message).toMatch(/Reload this role/);
    expect(error.message).not.toContain('destroyed');
    expect(streamed).toBe('Hello');

    const next = await generateError(api, CHAT);
    expect(next.error.name).toBe('ModelNotLoadedError');
  });

  it('a stream error with the model still loaded is classified, and the model stays loaded', async () => {
    const { api, engine } = await loadedWorker();
    const thrown = new Error('Buffer used in submit while destroyed.');
    engine.script = {
      pieces: ['Hel', 'lo'],
      message: 'Hello',
      afterPiece: (index) => {
        if (index === 0) throw thrown;
      },
    };
    const { error } = await generateError(api, CHAT);
    const expected = classifyEngineError(thrown, { modelId: MODEL_ID, phase: 'generate' });
    expect(error.name).toBe('EngineError');
    expect(error.name).toBe(expected.name);
    expect(error.message).toBe(expected.message);

    engine.script = { pieces: ['Hello'], message: 'Hello' };
    const { result } = await generate(api, CHAT);
    expect(result.text).toBe('Hello');
  });
});

describe('usage and the KV cache length (issue 12 #3)', () => {
  it("kvTokens is the pipeline's filledKVCacheLength after the reply; usage is the usage chunk's", async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['Hi'], message: 'Hi', usage: USAGE, kvAfter: 137 };
    const { result } = await generate(api, CHAT);
    expect(result.kvTokens).toBe(137);
    expect(result.usage).toEqual(USAGE);
  });

  it('kvTokens is absent when the pipeline has no filledKVCacheLength; usage null with no usage chunk', async () => {
    const { api, engine } = await loadedWorker((e) => {
      e.pipelineHasKvField = false;
    });
    engine.script = { pieces: ['Hi'], message: 'Hi', kvAfter: 137 };
    const { result } = await generate(api, COMPLETION);
    expect(result).not.toHaveProperty('kvTokens');
    expect(result.usage).toBeNull();
    expect(result.text).toBe('Hi');
  });

  it('an engine without loadedModelIdToPipeline: no kvTokens, and not taken for a lost GPU', async () => {
    const { api, engine } = await loadedWorker();
    Reflect.deleteProperty(engine, 'loadedModelIdToPipeline');
    engine.script = { pieces: ['Hi'], message: 'Hi', usage: USAGE, kvAfter: 137 };
    const { result } = await generate(api, CHAT);
    expect(result.text).toBe('Hi');
    expect(result).not.toHaveProperty('kvTokens');
    expect(result.usage).toEqual(USAGE);
  });
});

describe('finish reasons', () => {
  it("'length' maps through", async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['a', 'b'], message: 'ab', finish: 'length' };
    expect((await generate(api, CHAT)).result.finishReason).toBe('length');
    expect((await generate(api, COMPLETION)).result.finishReason).toBe('length');
  });

  it("'abort' from the engine maps through; anything else reads as 'stop'", async () => {
    const { api, engine } = await loadedWorker();
    engine.script = { pieces: ['a'], message: 'a', finish: 'abort' };
    expect((await generate(api, CHAT)).result.finishReason).toBe('abort');
    engine.script = { pieces: ['a'], message: 'a', finish: 'tool_calls' };
    expect((await generate(api, CHAT)).result.finishReason).toBe('stop');
  });

  it.each([CHAT, COMPLETION])(
    "interrupt() during a $kind stream calls interruptGenerate and ends with 'abort'",
    async (request) => {
      const { api, engine } = await loadedWorker();
      engine.script = {
        pieces: ['a', 'b', 'c', 'd'],
        message: 'a',
        afterPiece: async (index) => {
          if (index === 0) await api.interrupt();
        },
      };
      const { result, streamed } = await generate(api, request);
      expect(engine.interruptGenerate).toHaveBeenCalled();
      expect(streamed).toBe('a'); // stopped at the next token
      expect(result.finishReason).toBe('abort');
      expect(result.text).toBe('a');
    },
  );

  it.each([CHAT, COMPLETION])(
    'a Stop before the first $kind token is kept although the engine clears its own flag',
    async (request) => {
      const { api, engine } = await loadedWorker();
      engine.script = {
        pieces: ['a', 'b', 'c', 'd'],
        message: 'a',
        onStart: () => api.interrupt(),
      };
      const { result, streamed } = await generate(api, request);
      expect(engine.interruptGenerate.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(streamed).toBe('a');
      expect(result.finishReason).toBe('abort');
    },
  );

  it('an interrupt from a finished generation does not stop the next one', async () => {
    const { api, engine } = await loadedWorker();
    await api.interrupt();
    engine.script = { pieces: ['a', 'b'], message: 'ab' };
    const { result, streamed } = await generate(api, CHAT);
    expect(streamed).toBe('ab');
    expect(result.finishReason).toBe('stop');
  });
});

describe('loading', () => {
  it("load() configures the engine, reloads the record's model_id and returns the modelId", async () => {
    const api = await freshWorker();
    const progress: unknown[] = [];
    const chatOptions = { context_window_size: 4096 };
    const loaded = await api.load(RECORD, { chatOptions, cacheBackend: 'indexeddb' }, (p) =>
      progress.push(p),
    );
    const engine = h.engines[0];
    if (!engine) throw new Error('the worker built no engine');
    expect(h.engines).toHaveLength(1);
    expect(loaded.modelId).toBe(MODEL_ID);
    expect(loaded.loadMs).toBeGreaterThanOrEqual(0);
    expect(engine.setAppConfig).toHaveBeenCalledWith({ model_list: [RECORD], cacheBackend: 'indexeddb' });
    expect(engine.reload).toHaveBeenCalledWith(MODEL_ID, chatOptions);
    expect(progress).toEqual([{ progress: 0.5, text: 'Loading model from cache[1/2]', timeElapsedS: 1.5 }]);
    expect(h.preflightModel).not.toHaveBeenCalled();

    engine.script = { pieces: ['ok'], message: 'ok' };
    expect((await generate(api, CHAT)).result.text).toBe('ok');
  });

  it('a model not in the cache is preflighted before the reload', async () => {
    h.cached = false;
    const api = await freshWorker();
    const progress: { text: string }[] = [];
    await api.load(RECORD, {}, (p) => progress.push(p));
    const engine = h.engines[0];
    expect(h.preflightModel).toHaveBeenCalledWith(RECORD);
    expect(progress[0]?.text).toBe('Checking the model files…');
    const preflightAt = h.preflightModel.mock.invocationCallOrder[0] ?? Infinity;
    expect(preflightAt).toBeLessThan(engine?.reload.mock.invocationCallOrder[0] ?? -Infinity);
  });

  it('a reload failure is thrown classified and leaves no model loaded', async () => {
    const { api, engine } = await loadedWorker();
    const thrown = new Error('Failed to allocate 536870912 bytes: out of memory');
    engine.reloadError = thrown;
    const error = await rejection(api.load(OTHER, {}, () => {}));
    const expected = classifyEngineError(thrown, { modelId: OTHER.model_id, phase: 'load' });
    expect(error.name).toBe('OutOfMemoryError');
    expect(error.name).toBe(expected.name);
    expect(error.message).toBe(expected.message);
    expect(error.message).toContain(OTHER.model_id);
    expect(error).not.toBe(thrown);

    // WebLLM's reload unloaded the earlier model first: the worker must not take that for a lost GPU.
    const next = await generateError(api, CHAT);
    expect(next.error.name).toBe('ModelNotLoadedError');
    expect(engine.chat.completions.create).not.toHaveBeenCalled();
  });

  it('a download failure during reload is a ModelDownloadError naming the URL', async () => {
    const api = await freshWorker();
    await api.start();
    const engine = h.engines[0];
    if (!engine) throw new Error('no engine');
    const thrown = new TypeError(`Failed to fetch ${RECORD.model_lib}`);
    engine.reloadError = thrown;
    const error = await rejection(api.load(RECORD, {}, () => {}));
    const expected = classifyEngineError(thrown, { modelId: MODEL_ID, phase: 'load' });
    expect(error.name).toBe('ModelDownloadError');
    expect(error.message).toBe(expected.message);
    expect(error.message).toContain(RECORD.model_lib);
    expect((await generateError(api, CHAT)).error.name).toBe('ModelNotLoadedError');
  });

  it("a preflight failure (already one of the worker's errors) reaches the caller unchanged", async () => {
    h.cached = false;
    const api = await freshWorker();
    // The worker's own copy of engine-errors (fresh after vi.resetModules).
    const { ModelDownloadError } = await import('../app/llm/webllm/engine-errors');
    const thrown = new ModelDownloadError(
      'Could not download https://example.test/mlc-chat-config.json: 404',
    );
    h.preflightModel.mockRejectedValueOnce(thrown);
    const error = await api.load(RECORD, {}, () => {}).catch((e: unknown) => e);
    expect(error).toBe(thrown);
    expect(h.engines[0]?.reload).not.toHaveBeenCalled();
  });
});
