/// <reference lib="webworker" />
/**
 * One role's model: a WebLLM `MLCEngine` in a dedicated worker, exposed as one object
 * through comlink (STYLE.md #2). WebLLM's own `WebWorkerMLCEngineHandler` is not used: it
 * takes over `onmessage`, which comlink needs.
 */
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  ChatOptions,
  Completion,
  CompletionCreateParamsStreaming,
  CompletionUsage,
  MLCEngine,
  ModelRecord,
} from '@mlc-ai/web-llm';
import { expose } from 'comlink';
import { probeGpu } from '../app/llm/gpu-probe';
import { gpuLostAfterLoad, pipelineLoaded } from '../app/llm/webllm/device-lost';
import { classifyEngineError } from '../app/llm/webllm/engine-errors';
import { preflightModel } from '../app/llm/webllm/preflight';
import type {
  WorkerGenerateRequest,
  WorkerGenerateResult,
  WorkerLoadProgress,
} from '../app/llm/webllm/protocol';
import { streamSynthetic } from '../app/llm/webllm/synthetic-stream';

let engine: MLCEngine | undefined;
let loadedId: string | undefined;
let appConfig: AppConfig | undefined;
/**
 * Set by interrupt(). WebLLM clears its own flag when a generation starts, so a Stop that
 * arrives just before the first token would be lost; the loops below check this one too.
 */
let interrupted = false;

/** Deltas cross the worker boundary at most every 16 ms, batched. */
const FLUSH_MS = 16;

async function getEngine(): Promise<MLCEngine> {
  if (engine) return engine;
  const webllm = await import('@mlc-ai/web-llm');
  engine = new webllm.MLCEngine();
  return engine;
}

function throwClassified(error: unknown, context: { modelId?: string; phase: 'load' | 'generate' }): never {
  throw classifyEngineError(error, context);
}

const api = {
  /** The GPU as this worker sees it (it can differ from the page's view). */
  probe: () => probeGpu(),

  /** Creates the engine without loading a model: proves the worker and WebLLM start here. */
  async start(): Promise<{ webllmVersion: string }> {
    await getEngine();
    return { webllmVersion: WEBLLM_VERSION };
  },

  async load(
    record: ModelRecord,
    options: { chatOptions?: ChatOptions; cacheBackend?: AppConfig['cacheBackend'] },
    onProgress: (progress: WorkerLoadProgress) => void,
  ): Promise<{ modelId: string; loadMs: number }> {
    const started = performance.now();
    const e = await getEngine();
    appConfig = {
      model_list: [record],
      ...(options.cacheBackend ? { cacheBackend: options.cacheBackend } : {}),
    };
    e.setAppConfig(appConfig);
    e.setInitProgressCallback((report) =>
      onProgress({ progress: report.progress, text: report.text, timeElapsedS: report.timeElapsed }),
    );
    try {
      const webllm = await import('@mlc-ai/web-llm');
      const cached = await webllm.hasModelInCache(record.model_id, appConfig).catch(() => false);
      if (!cached) {
        onProgress({ progress: 0, text: 'Checking the model files…', timeElapsedS: 0 });
        await preflightModel(record);
      }
      await e.reload(record.model_id, options.chatOptions);
    } catch (error) {
      loadedId = undefined;
      throwClassified(error, { modelId: record.model_id, phase: 'load' });
    }
    loadedId = record.model_id;
    return { modelId: record.model_id, loadMs: performance.now() - started };
  },

  async generate(
    request: WorkerGenerateRequest,
    onDeltas: (text: string) => void,
  ): Promise<WorkerGenerateResult> {
    const e = await getEngine();
    if (!loadedId)
      throw classifyEngineError(new Error('No model is loaded in this worker.'), { phase: 'generate' });
    if (!pipelineLoaded(e, loadedId)) throw gpuLost();
    interrupted = false;
    const started = performance.now();
    let pending = '';
    let lastFlush = started;
    const push = (delta: string) => {
      pending += delta;
      const now = performance.now();
      if (now - lastFlush >= FLUSH_MS) {
        onDeltas(pending);
        pending = '';
        lastFlush = now;
      }
    };
    let text = '';
    let usage: CompletionUsage | undefined;
    let finishReason: WorkerGenerateResult['finishReason'] = 'stop';
    try {
      if (request.kind === 'chat') {
        const body: ChatCompletionRequestStreaming = {
          ...request.body,
          stream: true,
          stream_options: { include_usage: true },
        };
        const chunks: AsyncIterable<ChatCompletionChunk> = await e.chat.completions.create(body);
        for await (const chunk of chunks) {
          if (interrupted) {
            await e.interruptGenerate();
            finishReason = 'abort';
          }
          const choice = chunk.choices[0];
          const delta = choice?.delta?.content ?? '';
          if (delta) {
            text += delta;
            push(delta);
          }
          if (choice?.finish_reason) finishReason = normaliseFinish(choice.finish_reason);
          if (chunk.usage) usage = chunk.usage;
        }
      } else {
        // The raw completion API needs an empty KV cache; the α-UMi prompt is re-read whole anyway.
        await e.resetChat();
        const body: CompletionCreateParamsStreaming = {
          ...request.body,
          stream: true,
          stream_options: { include_usage: true },
        };
        const chunks: AsyncIterable<Completion> = await e.completions.create(body);
        for await (const chunk of chunks) {
          if (interrupted) {
            await e.interruptGenerate();
            finishReason = 'abort';
          }
          const choice = chunk.choices[0];
          const delta = choice?.text ?? '';
          if (delta) {
            text += delta;
            push(delta);
          }
          if (choice?.finish_reason) finishReason = normaliseFinish(choice.finish_reason);
          if (chunk.usage) usage = chunk.usage;
        }
      }
    } catch (error) {
      if (pending) onDeltas(pending);
      // WebLLM's device-lost handler unloads the model; the next call says "not loaded".
      if (loadedId && !pipelineLoaded(e, loadedId)) throw gpuLost();
      throwClassified(error, { ...(loadedId ? { modelId: loadedId } : {}), phase: 'generate' });
    }
    if (pending) onDeltas(pending);
    // The deltas are for display: they are not prefix-stable when a multi-token stop string is
    // cut, and a trailing partial UTF-8 piece can be lost. The engine's own message is the reply.
    const final = await e.getMessage().catch(() => undefined);
    const kvTokens = kvCacheLength(e);
    return {
      text: typeof final === 'string' ? final : text,
      finishReason,
      usage: usage ?? null,
      wallMs: performance.now() - started,
      ...(kvTokens !== undefined ? { kvTokens } : {}),
    };
  },

  /**
   * Benchmarks only: streams `tokens` synthetic tokens at full speed through the same
   * batching and comlink path as a real generation, without any model.
   */
  benchStream: (
    tokens: number,
    onDeltas: (text: string) => void,
  ): Promise<{ tokens: number; workerMs: number }> => streamSynthetic(tokens, onDeltas, FLUSH_MS),

  /** Liveness check for the bridge's heartbeat: answers as soon as the worker's event loop is free. */
  ping: (): true => true,

  /**
   * Test hook, no model: streams `text` word by word, `tokenDelayMs` apart, through the same
   * batching and comlink path as `generate`, and returns a generation result. Lets the fault
   * tests drive the bridge's generate, crash and restart paths in this real worker without
   * weights (`umi.test.workerEngine` in app/console-test-hooks.ts). Runs the user starts never call it.
   */
  async synthesize(
    text: string,
    tokenDelayMs: number,
    onDeltas: (text: string) => void,
  ): Promise<WorkerGenerateResult> {
    interrupted = false;
    const started = performance.now();
    const words = text.match(/\S+\s*|\s+/g) ?? [];
    let out = '';
    let finishReason: WorkerGenerateResult['finishReason'] = 'stop';
    for (const word of words) {
      if (interrupted) {
        finishReason = 'abort';
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, tokenDelayMs));
      out += word;
      onDeltas(word);
    }
    return { text: out, finishReason, usage: null, wallMs: performance.now() - started };
  },

  /** Cooperative: the current generation ends at the next token; the model stays loaded. */
  async interrupt(): Promise<void> {
    interrupted = true;
    await engine?.interruptGenerate();
  },

  async reset(): Promise<void> {
    await engine?.resetChat();
  },

  async unload(): Promise<void> {
    await engine?.unload();
    loadedId = undefined;
  },

  async isCached(record: ModelRecord, cacheBackend?: AppConfig['cacheBackend']): Promise<boolean> {
    const webllm = await import('@mlc-ai/web-llm');
    return webllm.hasModelInCache(record.model_id, {
      model_list: [record],
      ...(cacheBackend ? { cacheBackend } : {}),
    });
  },

  async deleteFromCache(record: ModelRecord, cacheBackend?: AppConfig['cacheBackend']): Promise<void> {
    const webllm = await import('@mlc-ai/web-llm');
    await webllm.deleteModelAllInfoInCache(record.model_id, {
      model_list: [record],
      ...(cacheBackend ? { cacheBackend } : {}),
    });
  },
};

/**
 * How many tokens the loaded model's KV cache holds: WebLLM keeps it private
 * (`LLMChatPipeline.filledKVCacheLength`, reached through `MLCEngine.loadedModelIdToPipeline`);
 * the conformance test checks the bundle still has both. Undefined when it cannot be read.
 */
function kvCacheLength(e: MLCEngine): number | undefined {
  const pipelines = (
    e as unknown as { loadedModelIdToPipeline?: Map<string, { filledKVCacheLength?: unknown }> }
  ).loadedModelIdToPipeline;
  const length = pipelines && loadedId ? pipelines.get(loadedId)?.filledKVCacheLength : undefined;
  return typeof length === 'number' && Number.isInteger(length) ? length : undefined;
}

/** The model was loaded and is gone without an unload: WebLLM's device-lost handler did it. */
function gpuLost(): Error {
  const id = loadedId;
  loadedId = undefined;
  return gpuLostAfterLoad(id);
}

function normaliseFinish(reason: string): WorkerGenerateResult['finishReason'] {
  if (reason === 'length') return 'length';
  if (reason === 'abort') return 'abort';
  return 'stop';
}

expose(api);
export type LlmWorkerApi = typeof api;
