import { AbortError } from './errors';
import type { GenerateRequest, GenerateResult, RoleModel, RunEvent } from './types';

/**
 * Calls `model.generate` and yields its streamed deltas as `token_delta` events while it
 * runs, then returns the result. Bridges the engine's callback into the run's event stream.
 * Rejects with the engine's error (an `AbortError` when the signal fired).
 */
export async function* streamGeneration(
  model: RoleModel,
  step: number,
  request: Omit<GenerateRequest, 'onDelta'>,
): AsyncGenerator<RunEvent, GenerateResult, undefined> {
  if (request.signal?.aborted) throw new AbortError();
  const pending: string[] = [];
  let settled: { ok: true; value: GenerateResult } | { ok: false; error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  model
    .generate({
      ...request,
      onDelta: (delta) => {
        if (settled || delta === '') return; // late deltas of a finished generation are dropped
        pending.push(delta);
        notify();
      },
    })
    .then(
      (value) => {
        settled = { ok: true, value };
      },
      (error: unknown) => {
        settled = { ok: false, error };
      },
    )
    .finally(notify);

  for (;;) {
    if (pending.length > 0) {
      // Everything that arrived since the last wake-up crosses as one delta.
      const text = pending.join('');
      pending.length = 0;
      yield { type: 'token_delta', step, text };
      continue;
    }
    if (settled) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (pending.length > 0 || settled) notify();
    });
  }
  if (!settled.ok) throw settled.error;
  return settled.value;
}
