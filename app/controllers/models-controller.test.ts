import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCatalog } from '../llm/catalog';
import type { LlmWorkerPort, WorkerFactory } from '../llm/webllm/webllm-model';
import { useAppStore } from '../store/index';
import { SWIFTSHADER_PROBE } from '../test-support/gpu';
import { cancelLoading, loadModels, modelsForRun, setLlmWorkerFactory } from './models-controller';

/*
 * The models controller in Node, with stand-in workers (no WebGPU, no weights here): each
 * load waits until the test lets it finish, so the order, Stop and a failure can be seen.
 */
interface Pending {
  model: string;
  finish: () => void;
  fail: (error: Error) => void;
}

function install() {
  const started: string[] = [];
  const pending: Pending[] = [];
  const factory: WorkerFactory = () => {
    const port: LlmWorkerPort = {
      start: async () => ({ webllmVersion: '0.2.86' }),
      probe: async () => SWIFTSHADER_PROBE,
      load: (record) =>
        new Promise((resolve, reject) => {
          started.push(record.model_id);
          pending.push({
            model: record.model_id,
            finish: () => resolve({ modelId: record.model_id, loadMs: 1 }),
            fail: reject,
          });
        }),
      generate: async () => ({
        text: 'x',
        finishReason: 'stop',
        wallMs: 1,
        usage: {
          prompt_tokens: 1,
          completion_tokens: 1,
          total_tokens: 2,
          extra: {
            e2e_latency_s: 0.001,
            prefill_tokens_per_s: 1,
            decode_tokens_per_s: 1,
            time_to_first_token_s: 0.001,
            time_per_output_token_s: 0.001,
          },
        },
      }),
      interrupt: async () => {},
      unload: async () => {},
      isCached: async () => false,
      deleteFromCache: async () => {},
    };
    return { port, terminate: () => {}, onCrash: () => {} };
  };
  setLlmWorkerFactory(factory);
  return { started, pending };
}

const slots = () => useAppStore.getState().slots;
const statuses = () => Object.fromEntries(Object.values(slots()).map((s) => [s?.slot, s?.status]));
/** Lets the controller reach its next await. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  // Model URLs are resolved against the page's address.
  vi.stubGlobal('location', new URL('http://localhost:4173/'));
  useAppStore.setState({ catalog: buildCatalog(prebuiltAppConfig), gpu: SWIFTSHADER_PROBE, slots: {} });
  useAppStore.getState().choosePreset('tiny');
});
afterEach(() => {
  setLlmWorkerFactory(undefined);
  vi.unstubAllGlobals();
});

describe('models controller', () => {
  it('loads the planned roles one after another, never two at once', async () => {
    const { started, pending } = install();
    const planned = Object.keys(slots());
    expect(planned.length).toBeGreaterThan(1);
    const loading = loadModels();
    await settle();
    expect(started).toHaveLength(1);
    expect(Object.values(statuses()).filter((s) => s === 'queued')).toHaveLength(planned.length - 1);
    for (let i = 0; i < planned.length; i++) {
      await settle();
      expect(started).toHaveLength(i + 1);
      pending[i]?.finish();
      await settle();
    }
    await loading;
    expect(Object.values(statuses()).every((s) => s === 'ready')).toBe(true);
    expect(Object.keys(modelsForRun('multi')).sort()).toEqual(['caller', 'planner', 'summarizer']);
  });

  it('a failure stops the queue: the failed role says why, the later ones say they were not started', async () => {
    const { pending } = install();
    const loading = loadModels();
    await settle();
    pending[0]?.fail(Object.assign(new Error('tensor-cache.json answered 404'), { name: 'ModelFileError' }));
    await loading;
    const all = Object.values(slots());
    expect(all[0]).toMatchObject({ status: 'failed', error: { message: 'tensor-cache.json answered 404' } });
    for (const later of all.slice(1))
      expect(later).toMatchObject({ status: 'idle', notice: { code: 'slotBlocked' } });
    expect(modelsForRun('multi')).toEqual({});
  });

  it('a retry after the failure loads them all', async () => {
    const first = install();
    const failing = loadModels();
    await settle();
    first.pending[0]?.fail(new Error('network down'));
    await failing;
    const retry = loadModels();
    for (let i = 1; i <= Object.keys(slots()).length; i++) {
      await settle();
      first.pending[i]?.finish();
      await settle();
    }
    await retry;
    expect(Object.values(statuses()).every((s) => s === 'ready')).toBe(true);
  });

  it('Cancel stops the load in progress and the queued ones', async () => {
    const { started } = install();
    const loading = loadModels();
    await settle();
    cancelLoading();
    await loading;
    expect(started).toHaveLength(1);
    const all = Object.values(slots());
    expect(all[0]?.status).toBe('cancelled');
    for (const later of all.slice(1)) expect(later?.status).toBe('cancelled');
    expect(modelsForRun('multi')).toEqual({});
  });
});
