/**
 * A GPU lost after a model loaded. WebLLM's `device.lost` handler (set in
 * `MLCEngine.reload`) calls `unload()`, which empties `loadedModelIdToPipeline`; its next
 * request then throws `ModelNotLoadedError`, "load the model first", about a model the page
 * shows as loaded. The worker tells the two apart: the model it loaded is gone although it
 * never unloaded it. `conformance/device-lost.test.ts` runs this against WebLLM's own engine.
 */
import { DeviceLostError } from './engine-errors';

/** Whether `modelId` is still in the engine. True when it cannot tell (nothing loaded, or no map). */
export function pipelineLoaded(engine: unknown, modelId: string | undefined): boolean {
  const pipelines = (engine as { loadedModelIdToPipeline?: unknown } | undefined)?.loadedModelIdToPipeline;
  if (!(pipelines instanceof Map) || !modelId) return true;
  return pipelines.has(modelId);
}

/** What the user reads: what happened, and what to try. */
export function gpuLostAfterLoad(modelId: string | undefined): DeviceLostError {
  return new DeviceLostError(
    `The GPU device was lost after ${modelId ?? 'the model'} loaded, and WebLLM unloaded it. Reload this role (Retry); if it happens again, use fewer or smaller models, the "shared" mode, or a shorter context window.`,
  );
}
