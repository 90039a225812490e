import { AppPage } from './app-page';
import { expect, test } from './fixtures';

test.describe('saved runs', () => {
  test('a finished run is saved and can be reopened after a reload', async ({ page }) => {
    const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await page.reload();
    await page.getByTestId('tab-history').click();
    const saved = page.getByTestId('saved-run').first();
    await expect(saved).toHaveAttribute('data-outcome', 'answer');
    await saved.getByTestId('saved-run-open').click();
    await expect(app.answer).toContainText('11.04672 km');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText('11.04672 km');
    expect(errors).toEqual([]);
  });

  test('reloading the page mid-run keeps the run up to its last saved event, marked interrupted', async ({
    page,
  }) => {
    const { app, errors } = await AppPage.open(page, { tokenDelayMs: 60 });
    await app.runExample('circle-tiles');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toBeVisible({ timeout: 30_000 });
    // The trace is saved at most every 250 ms while it grows: wait until the copy on disk has
    // the caller's finished step (the planner's next turn has started).
    await expect(app.outcome).toHaveAttribute('data-saved-steps', /^[3-9]$/);
    await page.reload();
    await page.getByTestId('tab-history').click();
    const saved = page.getByTestId('saved-run').first();
    await expect(saved).toHaveAttribute('data-status', 'interrupted');
    await saved.getByTestId('saved-run-open').click();
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText('mm^2');
    await expect(page.locator('[data-testid="step-card"][data-status="running"]')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test('saved runs export as GLPFT training data, one JSONL file per role', async ({ page }) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.selectDialect('alpha-umi');
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await page.getByTestId('tab-history').click();
  const downloads: { name: string; text: string }[] = [];
  page.on('download', async (download) => {
    const { readFile } = await import('node:fs/promises');
    downloads.push({
      name: download.suggestedFilename(),
      text: await readFile(await download.path(), 'utf8'),
    });
  });
  await page.getByTestId('export-training').click();
  await expect(page.getByTestId('export-training-message')).toContainText(
    '2 planner, 1 caller, 1 summarizer',
  );
  await expect.poll(() => downloads.length).toBe(4);
  const planner = downloads.find((d) => d.name === 'glpft-planner.jsonl');
  const records = (planner?.text ?? '')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(records).toHaveLength(2);
  expect(records[0].input.startsWith('You have assess to the following apis:\n{"Name": "calculator"')).toBe(
    true,
  );
  expect(records[0].input.endsWith(' assistant: ')).toBe(true);
  expect(records[0].target).toMatch(/Next: caller\.$/);
  expect(errors).toEqual([]);
});

test('a saved run replays without a model, labelled as a replay; export → import round-trips; bad files are refused', async ({
  page,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('shopping-total');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');

  await page.getByTestId('tab-history').click();
  await page.getByTestId('replay-speed').selectOption('1');
  await page.getByTestId('saved-run').first().getByTestId('saved-run-replay').click();
  await expect(page.getByTestId('replay-banner')).toContainText('no model is running');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
  await expect(app.answer).toContainText('$16.65');
  await expect(page.getByTestId('replay-banner')).toHaveCount(0);

  await page.getByTestId('tab-history').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('saved-run').first().getByTestId('saved-run-export').click();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await (await download).path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({
    format: 'umi-lab.trace',
    version: 2,
    trace: { version: 2, origin: 'run', env: { app: expect.any(String) } },
  });
  expect(JSON.parse(text).trace.env.webllm).toBeUndefined(); // scripted: no engine version

  await page
    .getByTestId('import-trace-file')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-trace-message')).toContainText('Imported');
  await expect(page.getByTestId('saved-run')).toHaveCount(2);

  const future = JSON.stringify({ ...JSON.parse(text), version: 99 });
  await page
    .getByTestId('import-trace-file')
    .setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(future) });
  await expect(page.getByTestId('import-trace-message')).toContainText('newer umi-lab (version 99)');
  await page
    .getByTestId('import-trace-file')
    .setInputFiles({ name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await expect(page.getByTestId('import-trace-message')).toContainText('not JSON');
  await expect(page.getByTestId('saved-run')).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('export → clear storage → import gives the identical trace', async ({ page }) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('furlong-recovery');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  const original = await page.evaluate(() => window.umi.trace());
  await page.getByTestId('tab-history').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('saved-run').first().getByTestId('saved-run-export').click();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await (await download).path(), 'utf8');

  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase('umi-lab');
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(0);
  await page
    .getByTestId('import-trace-file')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await page.getByTestId('saved-run').first().getByTestId('saved-run-open').click();
  const imported = await page.evaluate(() => window.umi.trace());
  expect(imported).toEqual(original);
  expect(errors).toEqual([]);
});

test('a saved run from a newer version is kept, said to exist, and never overwritten by an import', async ({
  page,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 0 });
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByTestId('saved-run').first().getByTestId('saved-run-export').click();
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(await (await download).path(), 'utf8');
  const id = JSON.parse(text).trace.id as string;

  // A newer page (e.g. before an update was reloaded here) stored this run in its own format,
  // and its summary says so, as every page since version 4 of the database writes it.
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('umi-lab');
        open.onsuccess = () => {
          const tx = open.result.transaction(['traces', 'summaries'], 'readwrite');
          const store = tx.objectStore('traces');
          const get = store.get(id);
          get.onsuccess = () => {
            store.put({ ...get.result, trace: { ...get.result.trace, version: 99, newField: true } });
          };
          const summaries = tx.objectStore('summaries');
          const summary = summaries.get(id);
          summary.onsuccess = () => summaries.put({ ...summary.result, version: 99 });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    id,
  );
  await page.reload();
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(0);
  await expect(page.getByTestId('storage-notice').first()).toContainText(
    '1 saved run(s) were made by a newer',
  );

  // Importing the same run again lands beside the hidden one, not on top of it.
  await page
    .getByTestId('import-trace-file')
    .setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  const stored = await page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('umi-lab');
        open.onsuccess = () => {
          const get = open.result.transaction('traces').objectStore('traces').get(id);
          get.onsuccess = () => {
            resolve(get.result.trace.version);
            open.result.close();
          };
        };
      }),
    id,
  );
  expect(stored).toBe(99);
  expect(errors).toEqual([]);
});
