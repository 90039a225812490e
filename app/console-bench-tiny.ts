/**
 * `umi.bench.tinyDecode` and `umi.bench.tinyRun`: the tiny α-UMi engine's speed in this
 * browser, for `npm run bench` (scripts/bench-tiny.ts compares them with onnxruntime-node).
 * Loaded on demand, not part of the page's first load.
 */
import { runAgent } from './agent/orchestrator';
import { loadTinyManifest, tinyModelsForRun, tinyUrl } from './controllers/tiny-controller';
import { toolRunner } from './controllers/tools-controller';
import { startTinyWorker } from './llm/tiny/worker-factory';

export interface TinyDecodeBench {
  promptTokens: number;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  steps: number;
}

/** Prefill `prompt` and decode `steps` tokens with the GLPFT planner in a fresh tiny worker. */
export async function benchTinyDecode(prompt: string, steps = 200, repeats = 3): Promise<TinyDecodeBench> {
  const manifest = await loadTinyManifest();
  const file = manifest.systems.glpft?.models.planner?.file;
  if (!file) throw new Error('no GLPFT planner in tiny/manifest.json');
  const { port, terminate } = startTinyWorker();
  try {
    await port.load({
      modelUrl: tinyUrl(file),
      tokenizerUrl: tinyUrl(manifest.tokenizer),
      config: manifest.config,
    });
    if (!port.benchDecode) throw new Error('the tiny worker has no benchDecode');
    // Warm-up, not counted: V8 first compiles onnxruntime's WebAssembly with its baseline
    // compiler and optimises the hot functions while they run; a model in use is past this.
    for (let w = 0; w < 3; w++) await port.benchDecode(prompt, steps);
    let best: TinyDecodeBench | undefined;
    for (let r = 0; r < repeats; r++) {
      const b = await port.benchDecode(prompt, steps);
      const result = {
        promptTokens: b.promptTokens,
        prefillTokensPerSecond: (b.promptTokens * 1000) / b.prefillMs,
        decodeTokensPerSecond: (b.steps * 1000) / b.decodeMs,
        steps: b.steps,
      };
      if (!best || result.decodeTokensPerSecond > best.decodeTokensPerSecond) best = result;
    }
    return best as TinyDecodeBench;
  } finally {
    terminate();
  }
}

/** Wall time of full `multi` runs of `task` on the default tiny system (models already loaded). */
export async function benchTinyRun(
  task: string,
  repeats = 3,
): Promise<{ wallMs: number[]; outcome: string }> {
  const models = await tinyModelsForRun('multi', 'glpft');
  const wallMs: number[] = [];
  let outcome = '';
  for (let r = 0; r <= repeats; r++) {
    const started = performance.now();
    for await (const event of runAgent({
      task,
      mode: 'multi',
      dialect: 'alpha-umi',
      models,
      tools: toolRunner(),
    })) {
      if (event.type === 'run_finished') outcome = event.outcome;
    }
    // The first run warms up the workers (and the tool runner); it is not counted.
    if (r > 0) wallMs.push(performance.now() - started);
  }
  return { wallMs, outcome };
}
