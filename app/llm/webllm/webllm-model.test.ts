import { describe, expect, it, vi } from 'vitest';
import type { GenerateRequest } from '../../agent/types';
import { SWIFTSHADER_PROBE } from '../../test-support/gpu';
import type { WorkerGenerateRequest, WorkerGenerateResult } from './protocol';
import { type LlmWorkerPort, WebLlmRoleModel, type WorkerFactory } from './webllm-model';

const record = {
  model: 'https://example.org/m/',
  model_id: 'Tiny-q4f32_1-MLC',
  model_lib: 'https://example.org/m.wasm',
};

function fakeWorker(overrides: Partial<LlmWorkerPort> = {}) {
  let crash: ((m: string) => void) | undefined;
  const calls: WorkerGenerateRequest[] = [];
  const port: LlmWorkerPort = {
    start: vi.fn(async () => ({ webllmVersion: '0.2.86' })),
    probe: vi.fn(async () => SWIFTSHADER_PROBE),
    load: vi.fn(async (_r, _o, onProgress) => {
      onProgress({ progress: 0.5, text: 'Fetching param cache[1/2]', timeElapsedS: 1 });
      onProgress({ progress: 1, text: 'Finish loading on WebGPU', timeElapsedS: 2 });
      return { modelId: record.model_id, loadMs: 5 };
    }),
    generate: vi.fn(
      async (
        request: WorkerGenerateRequest,
        onDeltas: (t: string) => void,
      ): Promise<WorkerGenerateResult> => {
        calls.push(request);
        onDeltas('Hello');
        onDeltas(' world');
        return {
          text: 'Hello world',
          finishReason: 'stop',
          wallMs: 12,
          usage: {
            prompt_tokens: 7,
            completion_tokens: 3, // "Hello", " world" and the stop token, as WebLLM counts
            total_tokens: 10,
            extra: {
              e2e_latency_s: 0.012,
              prefill_tokens_per_s: 100,
              decode_tokens_per_s: 25,
              time_to_first_token_s: 0.004,
              time_per_output_token_s: 0.04,
            },
          },
        };
      },
    ),
    interrupt: vi.fn(async () => undefined),
    unload: vi.fn(async () => undefined),
    isCached: vi.fn(async () => false),
    deleteFromCache: vi.fn(async () => undefined),
    ...overrides,
  };
  const terminate = vi.fn();
  const factory: WorkerFactory = vi.fn(() => ({
    port,
    terminate,
    onCrash: (l: (m: string) => void) => {
      crash = l;
    },
  }));
  return { port, factory, terminate, calls, crash: (m: string) => crash?.(m) };
}

const request = (over: Partial<GenerateRequest> = {}): GenerateRequest => ({
  role: 'planner',
  prompt: {
    kind: 'messages',
    messages: [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'task' },
    ],
  },
  constraint: { type: 'grammar', grammar: 'root ::= "x"' },
  sampling: { temperature: 0.2, maxTokens: 64 },
  context: { task: 't', mode: 'multi', dialect: 'chat', turn: 1, tools: [] },
  ...over,
});

describe('WebLlmRoleModel (bridge against a fake worker)', () => {
  it('loads: starts the worker, reports progress, runs a one-token smoke test', async () => {
    const w = fakeWorker();
    const statuses: string[] = [];
    const model = new WebLlmRoleModel(w.factory, {
      record,
      label: 'Tiny',
      onStatus: (s) => statuses.push(s),
    });
    const progress: number[] = [];
    await model.load({ onProgress: (p) => progress.push(p.progress) });
    expect(progress).toEqual([0.5, 1]);
    expect(w.calls[0]).toMatchObject({ kind: 'chat', body: { max_tokens: 1 } });
    expect(statuses).toEqual(['starting', 'loading', 'ready']);
  });

  it('fails the load when the one-token check produced no token (issue 12 #11)', async () => {
    const noTokens = {
      prompt_tokens: 3,
      completion_tokens: 0,
      total_tokens: 3,
    } as WorkerGenerateResult['usage'];
    for (const usage of [null, noTokens]) {
      const w = fakeWorker({
        generate: vi.fn(
          async (): Promise<WorkerGenerateResult> => ({ text: '', finishReason: 'stop', wallMs: 1, usage }),
        ),
      });
      const statuses: string[] = [];
      const model = new WebLlmRoleModel(w.factory, {
        record,
        label: 'Tiny',
        onStatus: (s) => statuses.push(s),
      });
      await expect(model.load()).rejects.toMatchObject({ name: 'EmptyOutputError' });
      expect(statuses.at(-1)).toBe('failed');
    }
  });

  it('a GPU lost after loading marks the role failed with what to do, and Retry loads it again (issue 12 #6)', async () => {
    let lost = true;
    const w = fakeWorker();
    const realGenerate = w.port.generate;
    w.port.generate = vi.fn(async (req: WorkerGenerateRequest, on: (t: string) => void) => {
      if (lost && req.body.max_tokens !== 1) {
        const e = new Error(
          'The GPU device was lost after Tiny loaded, and WebLLM unloaded it. Reload this role (Retry).',
        );
        e.name = 'DeviceLostError';
        throw e;
      }
      return realGenerate(req, on);
    });
    const seen: { status: string; error?: { name: string } }[] = [];
    const model = new WebLlmRoleModel(w.factory, {
      record,
      label: 'Tiny',
      onStatus: (status, _d, error) => seen.push({ status, ...(error ? { error } : {}) }),
    });
    await model.load();
    await expect(model.generate(request())).rejects.toMatchObject({ name: 'DeviceLostError' });
    expect(model.currentStatus).toBe('failed');
    expect(seen.at(-1)).toMatchObject({ status: 'failed', error: { name: 'DeviceLostError' } });
    lost = false;
    await model.load();
    expect(model.currentStatus).toBe('ready');
    await expect(model.generate(request())).resolves.toMatchObject({ text: 'Hello world' });
  });

  it('generates: streams deltas, returns WebLLM usage (not simulated)', async () => {
    const w = fakeWorker();
    const model = new WebLlmRoleModel(w.factory, { record, label: 'Tiny', smokeTest: false });
    await model.load();
    const deltas: string[] = [];
    const result = await model.generate(request({ onDelta: (d) => deltas.push(d) }));
    expect(deltas.join('')).toBe('Hello world');
    expect(result.usage).toMatchObject({
      promptTokens: 7,
      completionTokens: 2,
      decodeTokensPerSecond: 25,
      simulated: false,
    });
    expect(result.usage.timeToFirstTokenMs).toBeCloseTo(4);
    expect(w.calls[0]).toMatchObject({
      kind: 'chat',
      body: { response_format: { type: 'grammar' }, max_tokens: 64 },
    });
  });

  it('abort interrupts the worker cooperatively and rejects with AbortError', async () => {
    let finish: (() => void) | undefined;
    const w = fakeWorker({
      generate: vi.fn(
        () =>
          new Promise<WorkerGenerateResult>((resolve) => {
            finish = () => resolve({ text: 'partial', finishReason: 'abort', usage: null, wallMs: 1 });
          }),
      ),
      interrupt: vi.fn(async () => finish?.()),
    });
    const model = new WebLlmRoleModel(w.factory, { record, label: 'Tiny', smokeTest: false });
    await model.load();
    const controller = new AbortController();
    const pending = model.generate(request({ signal: controller.signal }));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.port.interrupt).toHaveBeenCalled();
    expect(w.terminate).not.toHaveBeenCalled(); // the model stays loaded
  });

  it('a worker crash mid-generation rejects with WorkerCrashedError and marks the role failed', async () => {
    const w = fakeWorker({ generate: vi.fn(() => new Promise<WorkerGenerateResult>(() => undefined)) });
    const model = new WebLlmRoleModel(w.factory, { record, label: 'Tiny', smokeTest: false });
    await model.load();
    const pending = model.generate(request());
    w.crash('out of memory');
    await expect(pending).rejects.toMatchObject({ name: 'WorkerCrashedError' });
    expect(model.currentStatus).toBe('failed');
    // Restart: a new worker is started on the next load.
    await model.load();
    expect(w.factory).toHaveBeenCalledTimes(2);
    expect(model.currentStatus).toBe('ready');
  });

  it('a crash rejects every call in flight, not only the last one', async () => {
    const w = fakeWorker({
      generate: vi.fn(() => new Promise<WorkerGenerateResult>(() => undefined)),
      isCached: vi.fn(() => new Promise<boolean>(() => undefined)),
    });
    const model = new WebLlmRoleModel(w.factory, { record, label: 'Tiny', smokeTest: false });
    await model.load();
    const generating = model.generate(request());
    const checking = model.isCached();
    w.crash('device lost');
    await expect(generating).rejects.toMatchObject({ name: 'WorkerCrashedError' });
    await expect(checking).rejects.toMatchObject({ name: 'WorkerCrashedError' });
  });

  it('a failed load marks the role failed and keeps the error name', async () => {
    const error = Object.assign(new Error('Could not download https://x/y/tensor-cache.json'), {
      name: 'ModelDownloadError',
    });
    const w = fakeWorker({ load: vi.fn(async () => Promise.reject(error)) });
    const model = new WebLlmRoleModel(w.factory, { record, label: 'Tiny' });
    await expect(model.load()).rejects.toMatchObject({ name: 'ModelDownloadError' });
    expect(model.currentStatus).toBe('failed');
  });

  it('a worker without a GPU fails the load with WebGpuUnavailableError', async () => {
    const w = fakeWorker({
      probe: vi.fn(async () => ({ ok: false as const, reason: 'no-adapter' as const })),
    });
    const model = new WebLlmRoleModel(w.factory, { record, label: 'Tiny' });
    await expect(model.load()).rejects.toMatchObject({
      name: 'WebGpuUnavailableError',
      message: expect.stringMatching(/^The model worker has no usable GPU: WebGPU is available but/),
    });
    expect(w.port.load).not.toHaveBeenCalled();
    expect(model.currentStatus).toBe('failed');
  });

  it('cancelling a load terminates the worker and rejects with AbortError', async () => {
    const w = fakeWorker({ load: vi.fn(() => new Promise<never>(() => undefined)) });
    const model = new WebLlmRoleModel(w.factory, { record, label: 'Tiny' });
    const controller = new AbortController();
    const pending = model.load({ signal: controller.signal });
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(w.terminate).toHaveBeenCalled();
    expect(model.currentStatus).toBe('idle');
  });
});
