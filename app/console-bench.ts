/**
 * `umi.bench.boundary`: what crossing into the LLM worker costs per streamed token. The same
 * synthetic generation (`streamSynthetic`, batched every 16 ms) runs in the real llm.worker.ts,
 * its batches crossing comlink into a page callback, and then in the page itself; the
 * difference, per token, is the boundary. Loaded on demand (not part of the first load).
 */
import { proxy } from 'comlink';
import { streamSynthetic } from './llm/webllm/synthetic-stream';
import { spawnLlmWorker } from './llm/webllm/worker-factory';

export interface BoundaryBench {
  tokens: number;
  repeats: number;
  workerMs: number;
  inPageMs: number;
  perTokenMs: number;
  batches: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function benchWorkerBoundary(tokens = 20_000, repeats = 5): Promise<BoundaryBench> {
  let expected = 0;
  for (let i = 0; i < tokens; i++) expected += ` tok${i}`.length;
  const { remote, terminate } = spawnLlmWorker();
  try {
    await remote.ping();
    let received = 0;
    let batches = 0;
    let settle: (() => void) | undefined;
    const consume = (text: string) => {
      received += text.length;
      batches += 1;
      if (received === expected) settle?.();
    };
    /** Done when the call returned and every batch arrived (callbacks travel on their own channel). */
    const timed = async (run: () => Promise<unknown>) => {
      received = 0;
      batches = 0;
      const all = new Promise<void>((resolve) => {
        settle = resolve;
      });
      const started = performance.now();
      await Promise.all([run(), all]);
      return performance.now() - started;
    };
    const inWorker = () => remote.benchStream(tokens, proxy(consume));
    const inPage = () => streamSynthetic(tokens, consume);
    await timed(inWorker); // warm-up: worker code compiled, JIT warm on both sides
    await timed(inPage);
    const worker: number[] = [];
    const page: number[] = [];
    let lastBatches = 0;
    for (let r = 0; r < repeats; r++) {
      worker.push(await timed(inWorker));
      lastBatches = batches;
      page.push(await timed(inPage));
    }
    const workerMs = median(worker);
    const inPageMs = median(page);
    return {
      tokens,
      repeats,
      workerMs,
      inPageMs,
      perTokenMs: (workerMs - inPageMs) / tokens,
      batches: lastBatches,
    };
  } finally {
    terminate();
  }
}
