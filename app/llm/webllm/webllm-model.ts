import type { ChatOptions, ModelRecord } from '@mlc-ai/web-llm';
import { AbortError } from '../../agent/errors';
import type { GenerateRequest, GenerateResult, LoadProgress, RoleModel } from '../../agent/types';
import { gpuFailureText } from '../gpu-messages';
import type { GpuProbe } from '../gpu-probe';
import { EmptyOutputError, WebGpuUnavailableError, WorkerCrashedError } from './engine-errors';
import {
  buildWorkerRequest,
  toUsage,
  type WorkerGenerateRequest,
  type WorkerGenerateResult,
} from './protocol';

/**
 * The subset of the worker API the bridge calls. The real one is comlink's `Remote` of
 * `LlmWorkerApi`; tests pass a fake object with the same shape.
 */
export interface LlmWorkerPort {
  start(): Promise<{ webllmVersion: string }>;
  probe(): Promise<GpuProbe>;
  load(
    record: ModelRecord,
    options: { chatOptions?: ChatOptions; cacheBackend?: 'cache' | 'indexeddb' | 'opfs' | 'cross-origin' },
    onProgress: (p: { progress: number; text: string; timeElapsedS: number }) => void,
  ): Promise<{ modelId: string; loadMs: number }>;
  generate(request: WorkerGenerateRequest, onDeltas: (text: string) => void): Promise<WorkerGenerateResult>;
  interrupt(): Promise<void>;
  unload(): Promise<void>;
  isCached(record: ModelRecord, cacheBackend?: CacheBackendName): Promise<boolean>;
  deleteFromCache(record: ModelRecord, cacheBackend?: CacheBackendName): Promise<void>;
}

export type CacheBackendName = 'cache' | 'indexeddb' | 'opfs' | 'cross-origin';

/** Starts a worker: the port, a way to end it, and a hook for when it dies on its own. */
export type WorkerFactory = () => {
  port: LlmWorkerPort;
  terminate(): void;
  onCrash(listener: (message: string) => void): void;
};

export type BridgeStatus = 'idle' | 'starting' | 'loading' | 'ready' | 'generating' | 'failed';

export interface WebLlmModelOptions {
  record: ModelRecord;
  label: string;
  chatOptions?: ChatOptions;
  cacheBackend?: 'cache' | 'indexeddb' | 'opfs' | 'cross-origin';
  /** The model's context window: the orchestrator keeps chat prompts inside it. */
  contextWindow?: number;
  /** Runs the load smoke test (a one-token generation) after loading. Default true. */
  smokeTest?: boolean;
  /** `error`: why it failed, when it did (a crash, a GPU lost after loading). */
  onStatus?: (status: BridgeStatus, detail?: string, error?: { name: string; message: string }) => void;
}

/**
 * One role worker and its lifecycle (STYLE.md #3): start, load, generate, interrupt, restart.
 * Implements `RoleModel`, so the orchestrator drives a real model exactly like the scripted one.
 * The worker is never idle-terminated: reloading weights costs seconds to minutes.
 */
export class WebLlmRoleModel implements RoleModel {
  readonly kind = 'webllm' as const;
  readonly id: string;
  readonly label: string;
  readonly contextWindow: number | undefined;
  private worker: ReturnType<WorkerFactory> | undefined;
  private status: BridgeStatus = 'idle';
  /** Every call in flight, so a crash or restart rejects all of them (comlink calls to a dead worker never settle). */
  private readonly inFlight = new Set<(error: Error) => void>();
  /** The WebLLM version the worker's engine reported when it started (undefined before). */
  engineVersion: string | undefined;

  constructor(
    private readonly factory: WorkerFactory,
    private readonly options: WebLlmModelOptions,
  ) {
    this.id = options.record.model_id;
    this.label = options.label;
    this.contextWindow = options.contextWindow;
  }

  get currentStatus(): BridgeStatus {
    return this.status;
  }

  private setStatus(status: BridgeStatus, detail?: string, error?: { name: string; message: string }) {
    this.status = status;
    this.options.onStatus?.(status, detail, error);
  }

  private ensureWorker(): ReturnType<WorkerFactory> {
    if (this.worker) return this.worker;
    const worker = this.factory();
    worker.onCrash((message) => {
      const error = new WorkerCrashedError(
        `The model worker for ${this.id} stopped: ${message}. Restart the role.`,
      );
      this.worker = undefined;
      this.setStatus('failed', error.message, { name: error.name, message: error.message });
      for (const reject of this.inFlight) reject(error);
    });
    this.worker = worker;
    return worker;
  }

  /** Races a worker call against the worker dying, so a crash never leaves a promise hanging. */
  private guarded<T>(call: (port: LlmWorkerPort) => Promise<T>): Promise<T> {
    const worker = this.ensureWorker();
    let rejecter: ((error: Error) => void) | undefined;
    return new Promise<T>((resolve, reject) => {
      rejecter = reject;
      this.inFlight.add(reject);
      call(worker.port).then(resolve, reject);
    }).finally(() => {
      if (rejecter) this.inFlight.delete(rejecter);
    });
  }

  async load(options: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void } = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted) throw new AbortError('Loading was cancelled.');
    this.setStatus('starting');
    const onAbort = () => this.restart();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const started = await this.guarded((port) => port.start());
      this.engineVersion = started.webllmVersion;
      // The page saw a GPU; the worker must too (some browsers offer WebGPU only to pages).
      const gpu = await this.guarded((port) => port.probe());
      // The message is the English detail a named error carries (ErrorText shows it beside the
      // translated sentence for WebGpuUnavailableError).
      if (!gpu.ok)
        throw new WebGpuUnavailableError(`The model worker has no usable GPU: ${gpuFailureText('en', gpu)}`);
      this.setStatus('loading');
      await this.guarded((port) =>
        port.load(
          this.options.record,
          {
            ...(this.options.chatOptions ? { chatOptions: this.options.chatOptions } : {}),
            ...(this.options.cacheBackend ? { cacheBackend: this.options.cacheBackend } : {}),
          },
          (p) => options.onProgress?.(p),
        ),
      );
      if (this.options.smokeTest ?? true) {
        // A one-token generation proves the engine answers (racing reloads can leave engines
        // that return nothing); loading only counts as done when it does.
        const smoke = await this.guarded((port) =>
          port.generate(
            {
              kind: 'chat',
              body: { messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1, temperature: 0 },
            },
            () => undefined,
          ),
        );
        // WebLLM counts every sampled token, the stop token included: a working engine
        // reports at least one. An empty reply alone proves nothing (the token may be a stop).
        if (!((smoke.usage?.completion_tokens ?? 0) >= 1))
          throw new EmptyOutputError(
            `${this.id} loaded but produced no token on a one-token check. Reload the role; if it happens again, reload the page (the GPU may be in a bad state).`,
          );
      }
      this.setStatus('ready');
    } catch (error) {
      if (signal?.aborted) {
        this.setStatus('idle');
        throw new AbortError('Loading was cancelled.');
      }
      this.setStatus('failed', error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { signal, onDelta, ...rest } = request;
    if (signal?.aborted) throw new AbortError();
    const body = buildWorkerRequest(rest, this.id);
    let stale = false;
    const onAbort = () => {
      void this.worker?.port.interrupt().catch(() => undefined);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    this.setStatus('generating');
    try {
      const result = await this.guarded((port) =>
        port.generate(body, (text) => {
          if (!stale) onDelta?.(text);
        }),
      );
      if (signal?.aborted) throw new AbortError();
      return { text: result.text, usage: toUsage(result), finishReason: result.finishReason };
    } catch (error) {
      // The model is gone from the GPU: the role is not ready any more and must be reloaded.
      if (error instanceof Error && error.name === 'DeviceLostError')
        this.setStatus('failed', error.message, { name: error.name, message: error.message });
      throw error;
    } finally {
      stale = true; // deltas that arrive after the call settled are dropped, not rendered
      signal?.removeEventListener('abort', onAbort);
      if (this.status === 'generating') this.setStatus('ready');
    }
  }

  async interrupt(): Promise<void> {
    await this.worker?.port.interrupt();
  }

  /** Ends the worker (and its GPU memory); the next load starts a fresh one. */
  restart(): void {
    this.worker?.terminate();
    this.worker = undefined;
    for (const reject of this.inFlight) reject(new AbortError('The worker was restarted.'));
    this.setStatus('idle');
  }

  /** Whether `record` (this role's model by default) is in WebLLM's cache. Starts the worker. */
  isCached(record: ModelRecord = this.options.record): Promise<boolean> {
    return this.guarded((port) => port.isCached(record, this.options.cacheBackend));
  }

  deleteFromCache(record: ModelRecord = this.options.record): Promise<void> {
    return this.guarded((port) => port.deleteFromCache(record, this.options.cacheBackend));
  }

  async unload(): Promise<void> {
    await this.worker?.port.unload().catch(() => undefined);
    this.restart();
  }
}
