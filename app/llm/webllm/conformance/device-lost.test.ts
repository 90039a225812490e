/**
 * Issue 12 #6, against WebLLM's own engine (the pinned bundle, in Node): a GPU lost after a
 * model loaded reads as "GPU lost, reload this role", not as WebLLM's "load the model first".
 * The loss itself needs a GPU; what WebLLM does about it (its `device.lost` handler calls
 * `unload()`) is checked in its code, and `unload()` is then run for real.
 */
import { describe, expect, it } from 'vitest';
import { loadWebLlmInternals } from '../../../test-support/webllm-internals';
import { gpuLostAfterLoad, pipelineLoaded } from '../device-lost';
import { classifyEngineError, DeviceLostError } from '../engine-errors';

const webllm = loadWebLlmInternals();
const MODEL = 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC';

/** A loaded model as far as the engine's bookkeeping goes; `unload()` disposes and syncs it. */
function engineWithLoadedModel() {
  const engine = new webllm.MLCEngine();
  const pipeline = {
    disposed: false,
    dispose() {
      this.disposed = true;
    },
    sync: async () => {},
  };
  engine.loadedModelIdToPipeline.set(MODEL, pipeline);
  return { engine, pipeline };
}

describe('a GPU lost after load, in WebLLM 0.2.86 (issue 12 #6)', () => {
  it("WebLLM's device-lost handler unloads every model (its reload code)", () => {
    const reload = webllm.source.slice(webllm.source.indexOf('\nclass MLCEngine '));
    const handler = /device\.lost\.then\(\(info\) => \{([\s\S]*?)\n\s{12}\}\);/.exec(reload)?.[1] ?? '';
    expect(handler).toContain('this.deviceLostIsError');
    expect(handler).toContain('this.unload()');
  });

  it('sees the model as loaded until WebLLM unloads it, and gone after', async () => {
    const { engine, pipeline } = engineWithLoadedModel();
    expect(pipelineLoaded(engine, MODEL)).toBe(true);
    await engine.unload();
    expect(pipeline.disposed).toBe(true);
    expect(pipelineLoaded(engine, MODEL)).toBe(false);
    // What the user met before: WebLLM's own error says to load a model the page shows as loaded.
    const error = await engine
      .chatCompletion({ messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webllm.ModelNotLoadedError);
    expect(classifyEngineError(error, { phase: 'generate', modelId: MODEL })).not.toBeInstanceOf(
      DeviceLostError,
    );
  });

  it('the worker reports the loss as a lost device with what to do, naming the model', () => {
    const lost = gpuLostAfterLoad(MODEL);
    expect(lost).toBeInstanceOf(DeviceLostError);
    expect(lost.message).toContain(MODEL);
    expect(lost.message).toMatch(/Reload this role/);
    expect(lost.message).toMatch(/fewer or smaller models/);
  });

  it('cannot tell, so does not claim a loss, before any model loaded or on an unknown engine', () => {
    expect(pipelineLoaded(new webllm.MLCEngine(), undefined)).toBe(true);
    expect(pipelineLoaded({}, MODEL)).toBe(true);
    expect(pipelineLoaded(undefined, MODEL)).toBe(true);
  });
});
