/**
 * Synthetic tokens at full speed, batched like a real generation (at most one batch per
 * `flushMs`), yielding to the event loop after each batch as model decoding would. The LLM
 * worker's `benchStream` runs it on the far side of comlink; the worker-boundary benchmark
 * runs the same function in the page as its baseline, so the difference is the boundary.
 */
export async function streamSynthetic(
  tokens: number,
  onDeltas: (text: string) => void,
  flushMs = 16,
): Promise<{ tokens: number; workerMs: number }> {
  const started = performance.now();
  let pending = '';
  let lastFlush = started;
  for (let i = 0; i < tokens; i++) {
    pending += ` tok${i}`;
    const now = performance.now();
    if (now - lastFlush >= flushMs) {
      onDeltas(pending);
      pending = '';
      lastFlush = now;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  if (pending) onDeltas(pending);
  return { tokens, workerMs: performance.now() - started };
}
