import { proxy } from 'comlink';
import { type SpawnedLlmWorker, spawnLlmWorker } from '../llm/webllm/worker-factory';
import { useAppStore } from '../store/index';
import { frameScheduler } from './frame-scheduler';

/**
 * Streaming benchmark (`umi.bench.stream`): synthetic tokens from the real llm.worker.ts,
 * across comlink, batched per animation frame into the store and rendered by the timeline —
 * the path a real model's tokens take. Reports tokens/s rendered and the longest main-thread
 * task while it ran. Labelled in the trace as a benchmark, never as a model.
 */
export async function benchStream(
  tokens = 5000,
  spawn: () => SpawnedLlmWorker = spawnLlmWorker,
): Promise<{ tokens: number; ms: number; tokensPerSecond: number; longestTaskMs: number }> {
  // The worker the model bridges start, and the Run tab's per-frame batching (frame-scheduler.ts).
  const worker = spawn();
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  try {
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    // No long-task timing in this browser: report 0.
  }
  const at = Date.now();
  const store = useAppStore.getState();
  store.applyRunEvents([
    {
      type: 'run_started',
      runId: `bench-${at}`,
      task: `Streaming benchmark: ${tokens} synthetic tokens (no model)`,
      mode: 'multi',
      dialect: 'chat',
      tools: [],
      models: {},
      sampling: {},
      maxSteps: 1,
      at,
    },
    {
      type: 'role_started',
      step: 0,
      turn: 1,
      role: 'summarizer',
      model: { id: 'benchmark', label: 'Streaming benchmark (no model)', kind: 'scripted' },
      prompt: { kind: 'text', text: '' },
      at,
    },
  ]);
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const text = pending;
    pending = '';
    useAppStore.getState().applyRunEvents([{ type: 'token_delta', step: 0, text }]);
  };
  const schedule = frameScheduler(flush);
  const started = performance.now();
  await worker.remote.benchStream(
    tokens,
    proxy((text: string) => {
      pending += text;
      schedule();
    }),
  );
  // Done when the last batch is on screen.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  flush();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const ms = performance.now() - started;
  observer.disconnect();
  worker.terminate();
  // The benchmark's text is not a run: it is not kept.
  useAppStore.getState().clearRun();
  return { tokens, ms, tokensPerSecond: (tokens / ms) * 1000, longestTaskMs: longest };
}
