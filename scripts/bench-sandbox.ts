/**
 * Sandbox benchmark: drives the built app in Chromium and measures the QuickJS sandbox as a
 * page sees it, through `window.umi.sandbox.run`.
 *
 *   npm run build && npx tsx scripts/bench-sandbox.ts [--url http://localhost:4173] [--calls 100]
 *
 * Without --url it serves `dist/` with `vite preview` on a free port (it builds nothing: run
 * `npm run build` first). Prints a table and writes bench-results/sandbox.json.
 *
 * - cold: first `run('1')` after page load (the worker starts, compiles the wasm, warms QuickJS),
 *   once the page has settled (idle + 1 s), so the number is the sandbox's own cold start; also
 *   reported: the same call made as soon as `window.umi` exists, competing with the page load.
 * - warm: median round trip of `--calls` trivial calls after warm-up.
 * - recovery (interrupt): a runaway loop with a 200 ms limit; time from that limit until a
 *   following `run('1+1')` has answered. QuickJS's interrupt stops the loop, no restart.
 * - recovery (watchdog): the same for code stuck in one native call, which the interrupt
 *   cannot stop: the bridge's watchdog kills and respawns the worker (limit + 150 ms margin).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { chromiumPath, median, percentile, QUIET, startPreview } from './bench/preview';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOALS = { coldMs: 150, warmMedianMs: 5, recoveryMs: 500 };
const REPEATS = 5;

interface Args {
  url?: string;
  calls: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { calls: 100 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--url' && value) args.url = value;
    else if (flag === '--calls' && value) args.calls = Math.max(1, Number.parseInt(value, 10) || 100);
    else
      throw new Error(
        `Unknown argument ${flag}. Usage: npx tsx scripts/bench-sandbox.ts [--url <url>] [--calls <n>]`,
      );
    i += 1;
  }
  return args;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => typeof window.umi?.sandbox?.run === 'function');
}

/**
 * First call after a fresh page load. `settled`: once the page has finished its own start-up
 * work (the sandbox's cold start alone); otherwise at once, competing with the page's load.
 */
async function coldStart(page: Page, url: string, settled: boolean): Promise<number> {
  await openPage(page, url);
  if (settled) {
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestIdleCallback(() => setTimeout(resolve, 1_000), { timeout: 5_000 }),
        ),
    );
  }
  return page.evaluate(async () => {
    const started = performance.now();
    const result = await window.umi.sandbox.run('1');
    if (!result.ok) throw new Error(`cold call failed: ${result.error.name}: ${result.error.message}`);
    return performance.now() - started;
  });
}

async function warmCalls(page: Page, calls: number): Promise<number[]> {
  return page.evaluate(async (calls) => {
    for (let i = 0; i < 20; i++) await window.umi.sandbox.run('1');
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      await window.umi.sandbox.run('1');
      times.push(performance.now() - started);
    }
    return times;
  }, calls);
}

/** Runs stuck code with a 200 ms limit, then a trivial call; times from the limit. */
async function recovery(page: Page, code: string, expectRestart: boolean) {
  return page.evaluate(
    async ({ code, expectRestart }) => {
      const limit = 200;
      const started = performance.now();
      const stuck = await window.umi.sandbox.run(code, { timeoutMs: limit });
      const failedAt = performance.now();
      const next = await window.umi.sandbox.run('1+1');
      const usableAt = performance.now();
      const restarted = !stuck.ok && stuck.error.message.includes('restarted');
      if (stuck.ok || stuck.error.name !== 'SandboxTimeoutError' || restarted !== expectRestart || !next.ok) {
        throw new Error(`unexpected results: ${JSON.stringify({ stuck, next })}`);
      }
      return {
        fromLimitMs: usableAt - (started + limit),
        stoppedAfterLimitMs: failedAt - (started + limit),
        nextCallMs: usableAt - failedAt,
      };
    },
    { code, expectRestart },
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const preview = args.url ? undefined : await startPreview();
  const url = args.url ?? preview?.url ?? '';
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: QUIET });
  try {
    const cold: number[] = [];
    const coldAtLoad: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      for (const settled of [true, false]) {
        const context = await browser.newContext();
        (settled ? cold : coldAtLoad).push(await coldStart(await context.newPage(), url, settled));
        await context.close();
      }
    }
    const page = await browser.newPage();
    await openPage(page, url);
    const warm = await warmCalls(page, args.calls);
    const interrupt = [];
    for (let i = 0; i < REPEATS; i++) interrupt.push(await recovery(page, 'while (true) {}', false));
    const watchdog = [];
    for (let i = 0; i < REPEATS; i++) watchdog.push(await recovery(page, '(7n ** 300000n).toString()', true));

    const results = {
      date: new Date().toISOString(),
      url,
      browser: `chromium ${browser.version()}`,
      cpus: cpus().length,
      goals: GOALS,
      coldStartMs: { median: round(median(cold)), runs: cold.map(round) },
      coldStartDuringPageLoadMs: { median: round(median(coldAtLoad)), runs: coldAtLoad.map(round) },
      warmRoundTripMs: {
        calls: warm.length,
        median: round(median(warm)),
        p90: round(percentile(warm, 90)),
        min: round(Math.min(...warm)),
        max: round(Math.max(...warm)),
      },
      recoveryInterruptMs: {
        medianFromLimit: round(median(interrupt.map((r) => r.fromLimitMs))),
        medianStoppedAfterLimit: round(median(interrupt.map((r) => r.stoppedAfterLimitMs))),
        runs: interrupt.map((r) => round(r.fromLimitMs)),
      },
      recoveryWatchdogMs: {
        medianFromLimit: round(median(watchdog.map((r) => r.fromLimitMs))),
        medianRespawnToAnswer: round(median(watchdog.map((r) => r.nextCallMs))),
        runs: watchdog.map((r) => round(r.fromLimitMs)),
      },
    };
    const verdict = (value: number, goal: number) => (value < goal ? 'ok' : 'MISSED');
    console.table([
      {
        measure: 'cold start (first call, page settled)',
        ms: results.coldStartMs.median,
        goal: `< ${GOALS.coldMs}`,
        verdict: verdict(results.coldStartMs.median, GOALS.coldMs),
      },
      {
        measure: 'cold start, call made while the page loads',
        ms: results.coldStartDuringPageLoadMs.median,
        goal: '',
        verdict: '',
      },
      {
        measure: `warm round trip (median of ${warm.length})`,
        ms: results.warmRoundTripMs.median,
        goal: `< ${GOALS.warmMedianMs}`,
        verdict: verdict(results.warmRoundTripMs.median, GOALS.warmMedianMs),
      },
      { measure: 'warm round trip (p90)', ms: results.warmRoundTripMs.p90, goal: '', verdict: '' },
      {
        measure: 'recovery: loop limit → usable (interrupt)',
        ms: results.recoveryInterruptMs.medianFromLimit,
        goal: `< ${GOALS.recoveryMs}`,
        verdict: verdict(results.recoveryInterruptMs.medianFromLimit, GOALS.recoveryMs),
      },
      {
        measure: 'recovery: limit → usable (watchdog kill)',
        ms: results.recoveryWatchdogMs.medianFromLimit,
        goal: `< ${GOALS.recoveryMs}`,
        verdict: verdict(results.recoveryWatchdogMs.medianFromLimit, GOALS.recoveryMs),
      },
      {
        measure: '  of which respawn → first answer',
        ms: results.recoveryWatchdogMs.medianRespawnToAnswer,
        goal: '',
        verdict: '',
      },
    ]);
    await mkdir(`${ROOT}bench-results`, { recursive: true });
    await writeFile(`${ROOT}bench-results/sandbox.json`, `${JSON.stringify(results, null, 2)}\n`);
    console.log('Wrote bench-results/sandbox.json');
  } finally {
    await browser.close();
    preview?.server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
