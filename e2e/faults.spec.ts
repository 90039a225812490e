import type { Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';
import { fillDisk, freeDisk } from './support/full-disk';

/**
 * Fault injection: things break mid-run and the page survives. Workers are killed the way
 * the browser kills them — `terminate()` from outside, with no message to the page — by
 * keeping a reference to every worker the page starts.
 */
async function recordWorkers(page: Page) {
  await page.addInitScript(() => {
    const Native = window.Worker;
    const started: { name: string; worker: Worker }[] = [];
    (window as unknown as { umiStartedWorkers: typeof started }).umiStartedWorkers = started;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push({ name: options?.name ?? '', worker: this });
      }
    };
  });
}

/** Terminates the newest worker called `name` without telling the page, as a crash would. */
function killNewest(page: Page, name: string): Promise<boolean> {
  return page.evaluate((wanted) => {
    const started = (window as unknown as { umiStartedWorkers: { name: string; worker: Worker }[] })
      .umiStartedWorkers;
    const entry = started.filter((w) => w.name === wanted).at(-1);
    entry?.worker.terminate();
    return entry !== undefined;
  }, name);
}

const LONG_TEXT = `${'The synthetic planner keeps writing while the test kills its worker. '.repeat(30)}\nNext: give up`;

test('the LLM worker killed mid-generation: an error step, the role restarts, the page stays usable, the trace is saved', async ({
  page,
}) => {
  await recordWorkers(page);
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  const run = page.evaluate(
    (text) =>
      window.umi.test.workerEngine.run('Synthetic worker crash test', {
        text,
        tokenDelayMs: 30,
        silenceMs: 2000,
      }),
    LONG_TEXT,
  );
  const streaming = app.stepsOf('planner').first().getByTestId('streaming-text');
  await expect(streaming).toContainText('synthetic planner keeps writing');
  expect(await killNewest(page, 'umi-llm')).toBe(true);

  const trace = await run;
  expect(trace?.outcome).toBe('error');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'error');
  await expect(app.runError).toContainText('stopped answering');
  await expect(app.stepsOf('planner').first()).not.toHaveAttribute('data-status', 'running');
  expect(await page.evaluate(() => window.umi.test.workerEngine.status())).toBe('failed');

  // The page is usable: the next scripted run works.
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');

  // The role restarts in a fresh worker and generates again.
  expect(await page.evaluate(() => window.umi.test.workerEngine.restart())).toBe('ready');
  const again = await page.evaluate(() => window.umi.test.workerEngine.run('Synthetic worker after restart'));
  expect(again?.outcome).toBe('give_up');
  expect(again?.steps[0]?.model?.label ?? '').toContain('Synthetic');

  // The failed run was saved with its error.
  const saved = await SavedRunsPage.open(page);
  await expect(saved.run('Synthetic worker crash test')).toHaveAttribute('data-outcome', 'error');
});

test('the sandbox worker killed mid-tool: the call fails with a clear observation and the run goes on', async ({
  page,
}) => {
  await recordWorkers(page);
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  // A warm sandbox, so the kill lands inside the call (a worker killed while it is still
  // starting is caught later, by the tool runner's own time limit).
  expect((await page.evaluate(() => window.umi.sandbox.run('1'))).ok).toBe(true);
  const run = page.evaluate(() =>
    window.umi.run('Sandbox crash test', {
      script: [
        {
          thought: 'Run a slow computation.',
          call: {
            name: 'run_javascript',
            arguments: { code: 'const t = Date.now(); while (Date.now() - t < 1500) {} "slow done"' },
          },
        },
        {
          thought: 'Try again with a quick one.',
          call: { name: 'run_javascript', arguments: { code: '6 * 7' } },
        },
        { thought: 'Done.', answer: 'The answer is **42**.' },
      ],
    }),
  );
  // The call is shown running once it is sent to the warm worker, whose loop then runs 1.5 s: the
  // kill lands inside it. (Killed a moment earlier, the call would meet the same watchdog.)
  await expect(page.locator('[data-testid="tool-call"].tool-running')).toHaveCount(1);
  expect(await killNewest(page, 'umi-sandbox')).toBe(true);

  const trace = await run;
  expect(trace?.outcome).toBe('answer');
  const observations = app.page.getByTestId('observation');
  await expect(observations.first()).toContainText('SandboxTimeoutError');
  await expect(observations.first()).toContainText('restarted');
  await expect(observations.nth(1)).toContainText('42');
  await expect(app.answer).toContainText('42');
});

test('the page reloaded mid-generation: the run is kept up to its last save, marked interrupted, and exports', async ({
  page,
}) => {
  // Slow enough that the second planner turn (8 tokens) is still running when the test looks.
  const { app } = await AppPage.open(page, { tokenDelayMs: 150 });
  await app.runExample('shopping-total');
  await expect(app.stepsOf('caller').first().getByTestId('observation')).toBeVisible({ timeout: 30_000 });
  await expect(app.stepsOf('planner').nth(1)).toHaveAttribute('data-status', 'running');
  // Saves are throttled (one per 250 ms): wait until the copy on disk holds the running turn.
  await expect(app.outcome).toHaveAttribute('data-saved-steps', /^[3-9]$/);
  await page.reload();
  const savedRuns = await SavedRunsPage.open(page);
  const saved = savedRuns.runs.first();
  await expect(saved).toHaveAttribute('data-status', 'interrupted');
  const file = JSON.parse((await savedRuns.exportRun(saved)).text);
  expect(file.trace.status).toBe('interrupted');
  expect(file.trace.steps.length).toBeGreaterThanOrEqual(3);
  expect(file.trace.steps.some((s: { status: string }) => s.status === 'running')).toBe(false);
  await savedRuns.openRun(saved);
  await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText('16.65');
});

test('storage full while saving: the user is told, the run goes on in memory, export works, saving resumes', async ({
  page,
}) => {
  // The browser refuses every write to the traces store, as a full disk does.
  await fillDisk(page, 'traces');
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(app.answer).toContainText('11.04672 km');
  const alert = page.getByTestId('storage-alert');
  await expect(alert).toContainText('could not be saved');
  await expect(alert).toContainText('storage is full');

  let saved = await SavedRunsPage.open(page);
  await expect(saved.runs).toHaveCount(0);
  const file = JSON.parse((await saved.exportCurrent()).text);
  expect(file.trace.outcome).toBe('answer');

  // In Chinese too: the notice goes through the translation layer.
  await app.switchLanguage('zh-CN');
  await app.showRun();
  await app.runExample('shopping-total');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(alert).toContainText('存储空间已满');

  // Space is freed: the next save works and the notice goes away.
  await freeDisk(page);
  await app.runExample('fever-check');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(alert).toHaveCount(0);
  saved = await SavedRunsPage.open(page);
  await expect(saved.runs).toHaveCount(1);
});

test('50 scripted runs in one page: retained heap grows under 20% after run 5, no worker leaks', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await AppPage.open(page, { tokenDelayMs: 0 });
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  // Calculator, sandbox (run_javascript), country data and dates: every tool path, in turn.
  const tasks = [
    'What is 5 miles plus 3 kilometres, in kilometres?',
    'What are the first 10 prime numbers, and what is their sum?',
    'What is the capital of Australia, and which currency is used there?',
    'A 90-day trial starts on 2025-01-15. On what date, and on which weekday, does it end?',
    'I buy 3 notebooks at $4.75 each and 2 pens at $1.20 each. How much do I spend in total?',
  ];
  const runOnce = async (i: number) => {
    const task = tasks[i % tasks.length] ?? '';
    const outcome = await page.evaluate(async (t) => (await window.umi.run(t))?.outcome, task);
    expect(outcome, task).toBe('answer');
  };
  for (let i = 0; i < 5; i++) await runOnce(i);
  const after5 = await heap();
  const workers5 = page.workers().length;
  for (let i = 5; i < 50; i++) await runOnce(i);
  const after50 = await heap();
  const growth = (after50 - after5) / after5;
  console.log(
    `heap after run 5: ${(after5 / 2 ** 20).toFixed(1)} MB, after run 50: ${(after50 / 2 ** 20).toFixed(1)} MB (${(growth * 100).toFixed(1)}%); workers ${workers5} → ${page.workers().length}`,
  );
  expect(growth).toBeLessThanOrEqual(0.2);
  expect(page.workers().length).toBeLessThanOrEqual(workers5);
});
