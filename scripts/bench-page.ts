/**
 * Page benchmarks against the built app (`npm run build` first; UMI_DIST picks the folder):
 * `npx tsx scripts/bench-page.ts`. Writes bench-results/page.json and prints a table.
 *
 * - Initial JavaScript: the scripts index.html loads (entry + modulepreloads), gzip level 6 as
 *   Vite reports it; worker chunks and WebAssembly are not part of it. Also checks that the
 *   WebLLM chunk is reachable only from worker code, never from the page's own imports.
 * - Page load to interactive: a fresh browser context (empty cache, no service worker) opens
 *   the page from `vite preview`; interactive = the task box and the Run button are rendered
 *   and `window.umi` exists, as `performance.now()` in the page (ms since navigation start). Median of 7.
 * - Worker boundary per streamed token: `umi.bench.boundary` (see app/console-bench.ts).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumPath, DIST, median, QUIET, startPreview } from './bench/preview';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PAGE_GOALS = { initialJsKb: 150, interactiveMs: 1000, boundaryMsPerToken: 0.05 };
const LOADS = 7;

const IMPORT = /(?:from|import)\s*\(?\s*["'`]\.\/([\w.-]+\.js)["'`]/g;
const STATIC_IMPORT = /(?:from\s*|import\s*)["'`]\.\/([\w.-]+\.js)["'`]/g;

function refs(code: string, pattern: RegExp): string[] {
  return [...code.matchAll(pattern)].map((m) => m[1] ?? '');
}

export async function initialJs() {
  const html = await readFile(`${DIST}index.html`, 'utf8');
  const listed = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1] ?? '');
  const code = new Map<string, string>();
  for (const file of await readdir(`${DIST}assets`))
    if (file.endsWith('.js')) code.set(file, await readFile(`${DIST}assets/${file}`, 'utf8'));
  // Everything the page loads before it runs: the listed scripts and their static imports.
  const initial = new Set<string>();
  const queue = [...listed];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (initial.has(file) || !code.has(file)) continue;
    initial.add(file);
    queue.push(...refs(code.get(file) ?? '', STATIC_IMPORT));
  }
  // Everything the page can ever import on its main thread (static and dynamic imports).
  const mainThread = new Set<string>();
  const all = [...initial];
  while (all.length > 0) {
    const file = all.pop() ?? '';
    if (mainThread.has(file) || !code.has(file)) continue;
    mainThread.add(file);
    all.push(...refs(code.get(file) ?? '', IMPORT));
  }
  const webllmChunks = [...code].filter(([, text]) => text.includes('webllm/model')).map(([file]) => file);
  const chunks = [...initial].map((file) => ({
    file,
    gzipKb: Math.round((gzipSync(code.get(file) ?? '').length / 1024) * 100) / 100,
  }));
  return {
    chunks,
    totalGzipKb: Math.round(chunks.reduce((sum, c) => sum + c.gzipKb, 0) * 100) / 100,
    webllmChunks,
    webllmOnMainThread: webllmChunks.filter((file) => mainThread.has(file)),
  };
}

async function main(): Promise<void> {
  const js = await initialJs();
  const preview = await startPreview();
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: QUIET });
  try {
    const loads: number[] = [];
    for (let i = 0; i < LOADS + 1; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(preview.url, { waitUntil: 'commit' });
      const at = await page.waitForFunction(
        () => {
          const ready =
            document.querySelector('[data-testid="task-input"]') &&
            document.querySelector('[data-testid="run-button"]');
          return ready && window.umi ? performance.now() : false;
        },
        undefined,
        { polling: 'raf' },
      );
      if (i > 0) loads.push(Number(await at.jsonValue())); // the first warms the server and the disk cache
      await context.close();
    }
    const page = await browser.newPage();
    await page.goto(preview.url);
    await page.waitForFunction(() => typeof window.umi?.bench?.boundary === 'function');
    const boundary = await page.evaluate(() => window.umi.bench.boundary(20_000, 5));
    const results = {
      date: new Date().toISOString(),
      cpus: cpus().length,
      goals: PAGE_GOALS,
      initialJs: js,
      interactiveMs: { median: Math.round(median(loads)), runs: loads.map((v) => Math.round(v)) },
      boundary,
    };
    console.log(`| page (Chromium, ${results.cpus} cores) | measured | goal |`);
    console.log('|---|---|---|');
    console.log(`| initial JavaScript (gzip) | ${js.totalGzipKb} KB | < ${PAGE_GOALS.initialJsKb} KB |`);
    for (const chunk of js.chunks) console.log(`|   ${chunk.file} | ${chunk.gzipKb} KB | |`);
    console.log(
      `| WebLLM chunk on the main thread | ${js.webllmOnMainThread.length === 0 ? 'no' : js.webllmOnMainThread.join(', ')} | no |`,
    );
    console.log(
      `| load to interactive (median of ${LOADS}) | ${results.interactiveMs.median} ms | < ${PAGE_GOALS.interactiveMs} ms |`,
    );
    console.log(
      `| worker boundary per token (${boundary.tokens} tokens: worker ${boundary.workerMs.toFixed(1)} ms, page ${boundary.inPageMs.toFixed(1)} ms) | ${boundary.perTokenMs.toFixed(4)} ms | < ${PAGE_GOALS.boundaryMsPerToken} ms |`,
    );
    await mkdir(`${ROOT}bench-results`, { recursive: true });
    await writeFile(`${ROOT}bench-results/page.json`, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await browser.close();
    preview.server.kill();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
