/**
 * Named errors for everything that can go wrong with a model (STYLE.md #6). The worker
 * classifies WebLLM's errors into these; they cross comlink with their name intact, and the
 * UI maps each name to a sentence that says what to do.
 */
export class DeviceLostError extends Error {
  override name = 'DeviceLostError';
}
export class OutOfMemoryError extends Error {
  override name = 'OutOfMemoryError';
}
export class ModelDownloadError extends Error {
  override name = 'ModelDownloadError';
}
export class WebGpuUnavailableError extends Error {
  override name = 'WebGpuUnavailableError';
}
export class ShaderF16Error extends Error {
  override name = 'ShaderF16Error';
}
export class ModelNotLoadedError extends Error {
  override name = 'ModelNotLoadedError';
}
export class ContextWindowError extends Error {
  override name = 'ContextWindowError';
}
export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}
export class EmptyOutputError extends Error {
  override name = 'EmptyOutputError';
}
export class EngineError extends Error {
  override name = 'EngineError';
}

/**
 * The names of the errors above: the interface keeps a sentence in each language for every
 * one of them (app/ui/ErrorText, checked by its test).
 */
export const ENGINE_ERROR_NAMES = [
  'DeviceLostError',
  'OutOfMemoryError',
  'ModelDownloadError',
  'WebGpuUnavailableError',
  'ShaderF16Error',
  'ModelNotLoadedError',
  'ContextWindowError',
  'WorkerCrashedError',
  'EmptyOutputError',
  'EngineError',
] as const;

/** Errors this module made already (WebLLM has classes with some of the same names). */
function isOurs(error: unknown): boolean {
  return [
    DeviceLostError,
    OutOfMemoryError,
    ModelDownloadError,
    WebGpuUnavailableError,
    ShaderF16Error,
    ModelNotLoadedError,
    ContextWindowError,
    WorkerCrashedError,
    EngineError,
  ].some((cls) => error instanceof cls);
}

const SMALLER =
  'Try a smaller preset, a smaller context window, or the "shared" mode (one model for all roles).';

/** Maps anything WebLLM (or the GPU) throws to one of the named errors above. */
export function classifyEngineError(
  error: unknown,
  context: { modelId?: string; phase: 'load' | 'generate' },
): Error {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const text = `${name} ${message}`;
  const model = context.modelId ? ` (${context.modelId})` : '';
  if (name === 'AbortError' || isOurs(error)) return error as Error;
  if (/DeviceLost|device (was )?lost|device is lost/i.test(text)) {
    return new DeviceLostError(
      `The GPU device was lost${model}. ${SMALLER} Reloading the page resets the GPU.`,
    );
  }
  if (
    /out of memory|OutOfMemory|allocation failed|Failed to allocate|createBuffer.*(size|memory)/i.test(text)
  ) {
    return new OutOfMemoryError(`Not enough GPU memory${model}. ${SMALLER}`);
  }
  if (/ShaderF16|shader-f16/i.test(text)) {
    return new ShaderF16Error(`This GPU cannot run f16 models${model}: choose the q4f32_1 variant.`);
  }
  if (/WebGPU(NotAvailable|NotFound)|navigator\.gpu|no (WebGPU )?adapter/i.test(text)) {
    return new WebGpuUnavailableError(`WebGPU is not available in this browser or worker: ${message}`);
  }
  if (/ContextWindowSizeExceeded|context window/i.test(text)) {
    return new ContextWindowError(
      `The conversation no longer fits the model's context window${model}: ${message}`,
    );
  }
  if (/ModelNotLoaded|EngineNotLoaded|No model is loaded/i.test(text)) {
    return new ModelNotLoadedError(`No model is loaded${model}. Load the role's model first.`);
  }
  const url = message.match(/https?:\/\/\S+/)?.[0]?.replace(/[),.;'"]+$/, '');
  if (
    context.phase === 'load' &&
    (url || /fetch|network|NetworkError|404|Not Found|Failed to fetch|status/i.test(text))
  ) {
    const what = url ? `Could not download ${url}` : `Could not download the model files${model}`;
    return new ModelDownloadError(
      `${what}: ${message}. Check the connection or the model source, then Retry.`,
    );
  }
  return new EngineError(`${name && name !== 'Error' ? `${name}: ` : ''}${message}`);
}
