import { describe, expect, it, vi } from 'vitest';
import { isAbortError } from '../../agent/errors';
import type { GenerateRequest } from '../../agent/types';
import type { TinyWorkerRequest, TinyWorkerResult } from './protocol';
import { TinyRoleModel, type TinyWorkerFactory, type TinyWorkerPort } from './tiny-model';

const usage = {
  promptTokens: 5,
  promptTokensReused: 300,
  completionTokens: 3,
  timeToFirstTokenMs: 2,
  decodeTokensPerSecond: 900,
  prefillTokensPerSecond: 5000,
  wallMs: 6,
  simulated: false,
};

function fakeWorker(generate: TinyWorkerPort['generate']) {
  const port: TinyWorkerPort = {
    load: vi.fn(async () => ({ loadMs: 1, bytes: 10 })),
    generate,
    interrupt: vi.fn(async () => undefined),
    unload: vi.fn(async () => undefined),
  };
  let crash: ((message: string) => void) | undefined;
  const factory: TinyWorkerFactory = () => ({
    port,
    terminate: () => undefined,
    onCrash: (l) => (crash = l),
  });
  return { port, factory, crash: (m: string) => crash?.(m) };
}

const options = {
  id: 'tiny-glpft-planner',
  label: 'Tiny planner',
  modelUrl: '/tiny/glpft/planner.onnx',
  tokenizerUrl: '/tiny/tokenizer.model',
  config: { vocab: 1024, dim: 128, layers: 4, heads: 4, max_len: 768 },
};

const request = (over: Partial<GenerateRequest> = {}): GenerateRequest => ({
  role: 'planner',
  prompt: { kind: 'text', text: 'user: hi</s> assistant: ' },
  stop: ['</s>'],
  sampling: { temperature: 0.2, maxTokens: 64, seed: 3, topP: 0.9 },
  context: { task: 'hi', mode: 'multi', dialect: 'alpha-umi', turn: 1, tools: [] },
  ...over,
});

describe('TinyRoleModel', () => {
  it('loads once, sends the role settings and streams the deltas', async () => {
    const seen: TinyWorkerRequest[] = [];
    const { port, factory } = fakeWorker(async (req, onDeltas) => {
      seen.push(req);
      onDeltas('Next');
      onDeltas(': caller.');
      return {
        text: 'Next: caller.',
        finishReason: 'stop',
        usage,
        truncatedTokens: 0,
      } satisfies TinyWorkerResult;
    });
    const model = new TinyRoleModel(factory, options);
    const deltas: string[] = [];
    const result = await model.generate(request({ onDelta: (d) => deltas.push(d) }));
    await model.generate(request());
    expect(port.load).toHaveBeenCalledTimes(1);
    expect(seen[0]).toEqual({
      prompt: 'user: hi</s> assistant: ',
      maxTokens: 64,
      temperature: 0.2,
      topP: 0.9,
      seed: 3,
      stop: ['</s>'],
    });
    expect(deltas.join('')).toBe('Next: caller.');
    expect(result.usage.promptTokensReused).toBe(300);
    expect(model.toolDocs).toBe('compact');
    expect(model.kind).toBe('tiny');
  });

  it('refuses chat prompts with a reason, before anything runs', async () => {
    const { port, factory } = fakeWorker(async () => {
      throw new Error('not reached');
    });
    const model = new TinyRoleModel(factory, options);
    await expect(
      model.generate(request({ prompt: { kind: 'messages', messages: [{ role: 'user', content: 'hi' }] } })),
    ).rejects.toMatchObject({ name: 'TinyDialectError' });
    expect(port.load).not.toHaveBeenCalled();
  });

  it('Stop interrupts the worker and rejects with an AbortError', async () => {
    let release: (() => void) | undefined;
    const { port, factory } = fakeWorker(
      (_req, _onDeltas) =>
        new Promise((resolve) => {
          release = () => resolve({ text: 'partial', finishReason: 'abort', usage, truncatedTokens: 0 });
        }),
    );
    const model = new TinyRoleModel(factory, options);
    const controller = new AbortController();
    const pending = model.generate(request({ signal: controller.signal }));
    await vi.waitFor(() => expect(release).toBeDefined());
    controller.abort();
    expect(port.interrupt).toHaveBeenCalled();
    release?.();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
  });

  it('a worker that dies fails the call in flight with a named error, and the next call starts a new one', async () => {
    let calls = 0;
    const worker = fakeWorker(() => {
      calls++;
      return new Promise(() => undefined);
    });
    const model = new TinyRoleModel(worker.factory, options);
    const pending = model.generate(request());
    await vi.waitFor(() => expect(calls).toBe(1));
    worker.crash('out of memory');
    await expect(pending).rejects.toMatchObject({ name: 'WorkerCrashedError' });
    expect(model.isLoaded).toBe(false);
  });
});
