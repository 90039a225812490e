/**
 * Tiny α-UMi engine benchmark, in one run: decode and prefill speed of the GLPFT planner in
 * Chromium (onnxruntime-web, WebAssembly, 1 thread: the page is not cross-origin isolated, so
 * no wasm threads) against onnxruntime-node on the same model, prompt and thread count; and the
 * wall time of full `multi` runs of a suite task in the page (models loaded, first run not
 * counted) and in Node. Goals: browser decode ≥ 80 % of native; a multi run < 1 s.
 * Needs `npm run build`; writes bench-results/tiny.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { runAgent } from '../app/agent/orchestrator';
import type { Role, RoleModel } from '../app/agent/types';
import { DecoderRoleModel } from '../app/llm/tiny/decoder-model';
import { chromiumPath, median, QUIET, startPreview } from './bench/preview';
import { nodeTinyDecoder } from './tiny-node';
import { tinyToolRunner } from './tiny-tools';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STEPS = 200;
const TASK = 'What is 4821 * 37?';
const PROMPT =
  'You have assess to the following apis:\n{"Name": "calculator", "function": "", "input": {"expression": "string"}}\n\nThe conversation history is:\nuser: What is 4821 * 37?</s>\nYou are the assistant to plan what to do next and whether is caller\'s or conclusion\'s turn to answer.\nAnswer with a following format:\nThe thought of the next step, followed by Next: caller or conclusion or give up. assistant: ';
const GOALS = { browserVsNative: 0.8, multiRunMs: 1000 };

async function nodeDecode(threads: number) {
  const decoder = await nodeTinyDecoder('glpft', 'planner', { threads });
  await decoder.bench(PROMPT, 20);
  const runs = [];
  for (let r = 0; r < 3; r++) runs.push(await decoder.bench(PROMPT, STEPS));
  const best = runs.reduce((a, b) => (b.decodeMs / b.steps < a.decodeMs / a.steps ? b : a));
  return {
    decodeTokensPerSecond: (best.steps * 1000) / best.decodeMs,
    prefillTokensPerSecond: (best.promptTokens * 1000) / best.prefillMs,
    promptTokens: best.promptTokens,
  };
}

async function nodeRun(threads: number) {
  const make = async (role: Role) =>
    new DecoderRoleModel(`tiny-glpft-${role}`, role, await nodeTinyDecoder('glpft', role, { threads }));
  const models: Partial<Record<Role, RoleModel>> = {
    planner: await make('planner'),
    caller: await make('caller'),
    summarizer: await make('summarizer'),
  };
  const wallMs: number[] = [];
  let outcome = '';
  for (let r = 0; r <= 3; r++) {
    const started = performance.now();
    for await (const event of runAgent({
      task: TASK,
      mode: 'multi',
      dialect: 'alpha-umi',
      models,
      tools: tinyToolRunner().runner,
    })) {
      if (event.type === 'run_finished') outcome = event.outcome;
    }
    if (r > 0) wallMs.push(performance.now() - started);
  }
  return { wallMs: median(wallMs), outcome };
}

async function main(): Promise<void> {
  const preview = await startPreview();
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: QUIET });
  try {
    const page = await browser.newPage();
    await page.goto(preview.url);
    await page.waitForFunction(() => typeof window.umi?.bench?.tinyDecode === 'function');
    const browserDecode = await page.evaluate(([p, s]) => window.umi.bench.tinyDecode(p, s), [
      PROMPT,
      STEPS,
    ] as const);
    const browserRun = await page.evaluate((task) => window.umi.bench.tinyRun(task), TASK);
    const native1 = await nodeDecode(1);
    const native2 = await nodeDecode(2);
    const nodeRun2 = await nodeRun(2);
    const results = {
      model: 'glpft/planner',
      steps: STEPS,
      browser: { threads: 1, ...browserDecode },
      node: { threads1: native1, threads2: native2 },
      browserVsNative: browserDecode.decodeTokensPerSecond / native1.decodeTokensPerSecond,
      multiRun: {
        task: TASK,
        browserMs: median(browserRun.wallMs),
        browserOutcome: browserRun.outcome,
        nodeMs2Threads: nodeRun2.wallMs,
        nodeOutcome: nodeRun2.outcome,
      },
      goals: GOALS,
    };
    await mkdir(`${ROOT}bench-results`, { recursive: true });
    await writeFile(`${ROOT}bench-results/tiny.json`, `${JSON.stringify(results, null, 2)}\n`);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await browser.close();
    preview.server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
