/**
 * Saved-runs benchmark (issue 13, item 7): a class uses the page all term, so the Saved runs
 * list must stay fast with thousands of runs. Needs `npm run build`; writes
 * bench-results/history.json and prints a table.
 *
 * Seeds a database as the previous page version (3) left it: UMI_BENCH_RUNS runs (2 000) of
 * about UMI_BENCH_TRACE_KB each (200 KB: a real scripted run, its steps repeated), written in
 * the page in a few big transactions. Then, in a persistent Chromium profile (real disk, the
 * normal storage quota):
 *
 * - first load: the page opens the old database (the current page upgrades it here, once);
 * - list ready: the next loads, ms from navigation start until the Saved runs tab shows its
 *   first run, and from the app's first paint (the tab bar) to then; median of LOADS;
 * - longest main-thread task (PerformanceObserver `longtask`, which reports tasks over 50 ms
 *   only) from the first paint until the list is ready;
 * - a run's end: `umi.run` of a scripted task on the seeded page, whose end saves the trace
 *   and refreshes the list; the longest task from the trace's last event until `umi.run`
 *   resolved (the save and refresh are done then), and in the whole run; max over RUNS_AT_END;
 * - opening a saved run (informational): click Open until its steps are rendered.
 *
 * UMI_DIST measures another build (e.g. the previous version's, for a before/after).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import type { Trace } from '../app/agent/trace';
import { chromiumPath, median, QUIET, startPreview } from './bench/preview';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.UMI_BENCH_RUNS ?? 2000);
const TRACE_KB = Number(process.env.UMI_BENCH_TRACE_KB ?? 200);
const LOADS = 3;
const RUNS_AT_END = 3;
/** Runs per seeding transaction: big enough to be quick, small enough for the page's memory. */
const BATCH = 100;
export const HISTORY_GOALS = { listReadyMs: 300, longestTaskMs: 50 };
const TASK = 'What is 5 miles plus 3 kilometres, in kilometres?';

/** A real run made longer (its steps repeated, renumbered) until its JSON is about `kb` KB. */
export function inflate(trace: Trace, kb: number): Trace {
  const steps = [...trace.steps];
  while (JSON.stringify({ ...trace, steps }).length < kb * 1024 && trace.steps.length > 0)
    steps.push(...trace.steps);
  return { ...trace, steps: steps.map((step, index) => ({ ...step, index })) };
}

/** Written before the app's own scripts: long tasks, first paint, first saved run shown. */
function probe(): void {
  const bench = {
    longtasks: [] as { start: number; duration: number }[],
    paintedAt: undefined as number | undefined,
    listedAt: undefined as number | undefined,
    panelAt: undefined as number | undefined,
  };
  (window as unknown as { umiBench: typeof bench }).umiBench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    const tab = document.querySelector<HTMLElement>('[data-testid="tab-history"]');
    if (tab && bench.paintedAt === undefined) {
      bench.paintedAt = performance.now();
      tab.click();
    }
    if (bench.panelAt === undefined && document.querySelector('[data-testid="history-panel"]'))
      bench.panelAt = performance.now();
    if (bench.listedAt === undefined && document.querySelector('[data-testid="saved-run"]'))
      bench.listedAt = performance.now();
  }).observe(document, { subtree: true, childList: true });
}

interface Probe {
  longtasks: { start: number; duration: number }[];
  paintedAt?: number;
  listedAt?: number;
  panelAt?: number;
}

const longest = (tasks: Probe['longtasks'], from: number, to: number) =>
  Math.round(
    Math.max(0, ...tasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration)),
  );

/** One real scripted run, made in a throwaway page of the same profile. */
async function realTrace(context: BrowserContext, url: string): Promise<Trace> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    const key = 'umi-lab.settings';
    const saved = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":2}');
    saved.state.engine = 'scripted';
    saved.state.scriptedTokenDelayMs = 0;
    localStorage.setItem(key, JSON.stringify(saved));
  });
  await page.reload();
  await page.waitForFunction(() => typeof window.umi?.run === 'function');
  const trace = await page.evaluate((task) => window.umi.run(task), TASK);
  await page.close();
  if (!trace || trace.steps.length === 0) throw new Error('The scripted run made no trace.');
  return trace;
}

/** A version-3 database with `runs` copies of `trace`, written by a blank page of the app's origin. */
async function seed(page: Page, trace: Trace, runs: number): Promise<number> {
  await page.goto('/seed.html');
  return page.evaluate(
    async ({ trace, runs, batch }) => {
      const started = performance.now();
      const request = <T>(r: IDBRequest<T> | IDBOpenDBRequest) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result as T);
          r.onerror = () => reject(r.error);
        });
      await request(indexedDB.deleteDatabase('umi-lab'));
      const open = indexedDB.open('umi-lab', 3);
      open.onupgradeneeded = () => {
        const db = open.result;
        db.createObjectStore('tools', { keyPath: 'name' });
        db.createObjectStore('traces', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        db.createObjectStore('suiteResults', { keyPath: 'id' });
        db.createObjectStore('suiteTraces', { keyPath: 'id' });
      };
      const db = await request<IDBDatabase>(open);
      const base = Date.now() - runs * 60_000;
      for (let from = 0; from < runs; from += batch) {
        const tx = db.transaction('traces', 'readwrite');
        const store = tx.objectStore('traces');
        for (let i = from; i < Math.min(runs, from + batch); i++) {
          const id = `bench-${i}`;
          const updatedAt = base + i * 60_000;
          store.put({ id, title: `Bench run ${i}`, updatedAt, trace: { ...trace, id, updatedAt } });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
      }
      db.close();
      return performance.now() - started;
    },
    { trace, runs, batch: BATCH },
  );
}

/** Opens the app and waits until the Saved runs tab shows its first run, then for the page to settle. */
async function load(page: Page, timeoutMs: number) {
  await page.goto('/');
  await page.waitForFunction(
    () => (window as unknown as { umiBench: Probe }).umiBench.listedAt !== undefined,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1_000)));
  const probed = await page.evaluate(() => {
    const bench = (window as unknown as { umiBench: Probe }).umiBench;
    const ready = performance.getEntriesByName('umi:saved-runs-ready')[0];
    return {
      ...bench,
      storageMs: ready?.duration,
      rows: document.querySelectorAll('[data-testid="saved-run"]').length,
    };
  });
  const listed = probed.listedAt ?? Number.NaN;
  const painted = probed.paintedAt ?? Number.NaN;
  return {
    listReadyFromNavigationMs: Math.round(listed),
    listReadyFromPaintMs: Math.round(listed - painted),
    /** Storage opened → first page of the list in the store (the current page's own measure). */
    storageMs: probed.storageMs === undefined ? undefined : Math.round(probed.storageMs),
    longestTaskMs: longest(probed.longtasks, painted, listed),
    /** When the lazily loaded Saved runs panel itself was first rendered (empty or not). */
    panelFromPaintMs: Math.round((probed.panelAt ?? Number.NaN) - painted),
    rows: probed.rows,
  };
}

/** A scripted run on the seeded page; its end saves the trace and refreshes the list. */
async function runAtEnd(page: Page) {
  return page.evaluate(async (task) => {
    const bench = (window as unknown as { umiBench: Probe }).umiBench;
    const started = performance.now();
    let lastEventAt = started;
    let seen = window.umi.trace();
    let watching = true;
    // Each batch of run events makes a new trace object: the last one is where the run's end begins.
    const watch = () => {
      if (window.umi.trace() !== seen) {
        seen = window.umi.trace();
        lastEventAt = performance.now();
      }
      if (watching) requestAnimationFrame(watch);
    };
    watch();
    const trace = await window.umi.run(task);
    const ended = performance.now();
    watching = false;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const tasks = bench.longtasks;
    const worst = (from: number, to: number) =>
      Math.round(
        Math.max(
          0,
          ...tasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration),
        ),
      );
    return {
      outcome: trace?.outcome,
      runMs: Math.round(ended - started),
      endMs: Math.round(ended - lastEventAt),
      longestAtEndMs: worst(lastEventAt, ended + 300),
      longestInRunMs: worst(started, ended + 300),
    };
  }, TASK);
}

/** Open on the newest seeded run: click until its steps are on the Run tab. */
async function openNewest(page: Page) {
  const started = await page.evaluate(() => performance.now());
  // A seeded (large) run, not the small one the runs above just saved.
  await page
    .getByTestId('saved-run')
    .filter({ hasText: `Bench run ${RUNS - 1}` })
    .getByTestId('saved-run-open')
    .click();
  await page.getByTestId('step-card').first().waitFor({ timeout: 120_000 });
  const probed = await page.evaluate(() => ({
    now: performance.now(),
    tasks: (window as unknown as { umiBench: Probe }).umiBench.longtasks,
  }));
  return {
    openMs: Math.round(probed.now - started),
    longestTaskMs: longest(probed.tasks, started, probed.now),
  };
}

async function main(): Promise<void> {
  const preview = await startPreview();
  const profile = await mkdtemp(join(tmpdir(), 'umi-bench-history-'));
  const executablePath = chromiumPath();
  // A persistent profile: storage on disk with the normal quota (a fresh context keeps it in memory).
  const context = await chromium.launchPersistentContext(profile, {
    ...(executablePath ? { executablePath } : {}),
    args: QUIET,
    baseURL: preview.url,
    // The app's service worker would answer /seed.html with the app itself (its navigation fallback).
    serviceWorkers: 'block',
  });
  try {
    // tsx keeps function names with a `__name` helper that the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.route('**/seed.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
    );
    const base = await realTrace(context, preview.url);
    const trace = inflate(base, TRACE_KB);
    const traceKb = Math.round(JSON.stringify(trace).length / 1024);
    const page = await context.newPage();
    const seedMs = await seed(page, trace, RUNS);
    process.stdout.write(`seeded ${RUNS} runs of ${traceKb} KB in ${Math.round(seedMs)} ms\n`);
    await page.addInitScript(probe);
    const firstLoad = await load(page, 600_000);
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await load(page, 120_000));
    const ends = [];
    for (let i = 0; i < RUNS_AT_END; i++) ends.push(await runAtEnd(page));
    const open = await openNewest(page);
    const results = {
      date: new Date().toISOString(),
      cpus: cpus().length,
      build: process.env.UMI_DIST ?? 'dist',
      runs: RUNS,
      traceKb,
      seedMs: Math.round(seedMs),
      goals: HISTORY_GOALS,
      firstLoad,
      loads,
      listReadyFromPaintMs: median(loads.map((l) => l.listReadyFromPaintMs)),
      panelFromPaintMs: median(loads.map((l) => l.panelFromPaintMs)),
      /** The goal's figure: the page's own storage measure, or (an older build has none) the list on screen. */
      listReadyMs: median(loads.map((l) => l.storageMs ?? l.listReadyFromPaintMs)),
      listReadyFromNavigationMs: median(loads.map((l) => l.listReadyFromNavigationMs)),
      longestTaskAtListMs: Math.max(...loads.map((l) => l.longestTaskMs)),
      ends,
      longestTaskAtRunEndMs: Math.max(...ends.map((e) => e.longestAtEndMs)),
      open,
    };
    const task = (ms: number) => (ms > 0 ? `${ms} ms` : 'none over 50 ms');
    console.log(
      `| saved runs (${RUNS} × ${traceKb} KB, Chromium, ${results.cpus} cores) | measured | goal |`,
    );
    console.log('|---|---|---|');
    console.log(
      `| first load after seeding (old database version; upgrade included) | list in ${firstLoad.listReadyFromPaintMs} ms after first paint, longest task ${task(firstLoad.longestTaskMs)} | |`,
    );
    console.log(
      `| list ready: storage opened → first ${loads[0]?.rows} runs in the store (median of ${LOADS}) | ${results.listReadyMs} ms | ≤ ${HISTORY_GOALS.listReadyMs} ms |`,
    );
    console.log(
      `| list on screen after first paint (the lazily loaded panel alone: ${results.panelFromPaintMs} ms; from navigation ${results.listReadyFromNavigationMs} ms) | ${results.listReadyFromPaintMs} ms | |`,
    );
    console.log(
      `| longest main-thread task while the list loads | ${task(results.longestTaskAtListMs)} | ≤ ${HISTORY_GOALS.longestTaskMs} ms |`,
    );
    console.log(
      `| longest main-thread task at a run's end (save + list refresh, max of ${RUNS_AT_END}; end took ${ends.map((e) => e.endMs).join('/')} ms) | ${task(results.longestTaskAtRunEndMs)} | ≤ ${HISTORY_GOALS.longestTaskMs} ms |`,
    );
    console.log(
      `| open the newest seeded run (click → steps shown) | ${open.openMs} ms, longest task ${task(open.longestTaskMs)} | |`,
    );
    await mkdir(`${ROOT}bench-results`, { recursive: true });
    await writeFile(`${ROOT}bench-results/history.json`, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await context.close();
    preview.server.kill();
    await rm(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
