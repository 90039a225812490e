import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, expectConsoleErrors, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';

/** The first visit installs the service worker; the app is saved once "Ready offline" shows. */
async function visitOnce(page: Page, engine: 'scripted' | 'tiny' = 'scripted') {
  const opened = await AppPage.open(page, { tokenDelayMs: 1, engine });
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
  // The next load is served by the worker (the first one was fetched before it existed).
  await page.reload();
  await expect(opened.app.runButton).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  // Panels load their chunks after the first paint: a reload while one is in flight would
  // abort it, and count as a request that failed offline.
  await page.waitForLoadState('networkidle');
  return opened;
}

test.describe('offline after one visit', () => {
  test('the tiny α-UMi models run for real with the network off (precached with the page)', async ({
    page,
    context,
  }) => {
    const { app } = await visitOnce(page, 'tiny');
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('offline-now')).toBeVisible();
    await app.runExample('tiny-multiply');
    // Real inference from the precached models and wasm: the caller picks the calculator and
    // the calculator runs (the models of this commit do not copy numbers reliably yet).
    await expect(app.stepsOf('caller').first().getByTestId('tool-name')).toHaveText('calculator', {
      timeout: 60_000,
    });
    await expect(app.stepsOf('caller').first().getByTestId('observation')).not.toBeEmpty();
    await expect(app.outcome).not.toHaveAttribute('data-outcome', 'running', { timeout: 60_000 });
  });

  test('opens, runs a scripted task with tools, and exports its trace with the network off', async ({
    page,
    context,
  }) => {
    const { app } = await visitOnce(page);
    const fromNetwork: string[] = [];
    page.on('requestfailed', (request) => fromNetwork.push(request.url()));

    await context.setOffline(true);
    await page.reload();
    await expect(app.runButton).toBeVisible();
    await expect(page.getByTestId('offline-now')).toBeVisible();
    await expect(page.getByTestId('offline-ready')).toBeVisible();

    // The calculator (mathjs chunk) and run_javascript (sandbox worker + QuickJS wasm), offline.
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText('11.04672 km');
    await app.runExample('bakery-word-problem');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText('108');

    const saved = await SavedRunsPage.open(page);
    await expect(saved.runs).toHaveCount(2);
    const file = JSON.parse((await saved.exportCurrent()).text);
    expect(file).toMatchObject({ format: 'umi-lab.trace', trace: { outcome: 'answer' } });
    expect(file.trace.task).toContain('bakery');

    expect(fromNetwork).toEqual([]);
  });

  test('a new version is announced, and updating switches to it', async ({ page }) => {
    await visitOnce(page);
    await expect(page.getByTestId('update-available')).toHaveCount(0);
    // Deploy a new version: the service worker script on the server changes (vite preview reads
    // files from disk on every request). Playwright's routes do not see the browser's update check.
    const swPath = join(process.env.UMI_DIST ?? 'dist', 'sw.js');
    const original = await readFile(swPath, 'utf8');
    try {
      await writeFile(swPath, `${original}\n// next version\n`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await expect(page.getByTestId('update-available')).toBeVisible({ timeout: 30_000 });
    } finally {
      await writeFile(swPath, original);
    }
    const reloaded = page.waitForEvent('framenavigated');
    await page.getByTestId('update-now').click();
    await reloaded;
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('update-available')).toHaveCount(0);
    // The new version is the active one: nothing waits any more.
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting,
    );
    expect(waiting).toBeNull();
  });
});

test.describe('prepare for offline', () => {
  // Offline, the size check's requests fail, as the test means them to; Chromium logs each one.
  test.use(expectConsoleErrors(/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/));

  test('shows the download size first, reports the cache, starts the download; offline it says what to do', async ({
    page,
    context,
  }) => {
    const { app } = await AppPage.open(page);
    await expect(app.models.gpuStatus).toBeVisible();
    await app.models.useModelsFrom('this-site');
    // This server has no model files: stand in for the two small files the size check reads.
    await page.route('**/models/*/resolve/main/tensor-cache.json', (route) =>
      route.fulfill({ json: { records: [{ nbytes: 300 * 2 ** 20 }, { nbytes: 200 * 2 ** 20 }] } }),
    );
    await page.route('**/models/libs/*.wasm', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-length': String(2 ** 20) },
        body: Buffer.alloc(2 ** 20),
      }),
    );
    const offline = app.models.prepareOffline;
    await offline.sizesButton.click();
    // Tiny on a GPU without shader-f16: Qwen2.5-0.5B (planner and caller share it) and SmolLM2-360M.
    await expect(offline.models).toHaveCount(2);
    await expect(offline.total).toContainText('1,002 MB for 2 models');
    await expect(offline.downloadButton).toContainText('1,002 MB');

    await offline.checkCacheButton.click();
    await expect(offline.cacheReport).toContainText('0 of 2 models', { timeout: 45_000 });
    await expect(offline.modelsCached(false)).toHaveCount(2);

    // Download goes through WebLLM's loader, which here stops at the first real model file.
    await offline.downloadButton.click();
    await expect(app.models.slot('planner').error).toContainText('Missing file', { timeout: 45_000 });
    await expect(offline.downloadButton).toBeEnabled();

    await context.setOffline(true);
    await app.models.useModelsFrom('huggingface');
    await offline.sizesButton.click();
    await expect(offline.sizeError).toContainText('https://huggingface.co/');
    await expect(offline.sizeError).toContainText('Connect to the internet');
  });
});
