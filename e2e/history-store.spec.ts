import type { Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, test } from './fixtures';
import { fillDisk, freeDisk } from './support/full-disk';

/*
 * Saved runs at scale (issue 13, item 7), against the browser's real IndexedDB: every run has a
 * small summary beside its trace, written in the same transaction; the list, the hidden count
 * and the interrupted-run check read summaries only; a full trace is read by id when opened.
 * The database is seeded as the previous page version (3) left it, from a blank page of the
 * app's origin, before the app opens it.
 */

interface Seeded {
  id: string;
  title?: string;
  updatedAt: number;
  trace: unknown;
}

/** A version-2 trace as the page stores it; `extra` changes fields (undefined removes one). */
function trace(id: string, updatedAt: number, extra: Record<string, unknown> = {}) {
  return plain({
    version: 2,
    id,
    task: `Task of ${id}`,
    mode: 'multi',
    dialect: 'chat',
    tools: [],
    models: { planner: { id: 'scripted-planner', label: 'Scripted planner', kind: 'scripted' } },
    sampling: {},
    maxSteps: 10,
    status: 'finished',
    outcome: 'answer',
    answer: '42',
    steps: [],
    origin: 'run',
    createdAt: updatedAt,
    updatedAt,
    ...extra,
  });
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

async function seedVersion3(page: Page, runs: Seeded[]) {
  await page.route('**/seed.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await page.goto('/seed.html');
  await page.evaluate(
    (runs) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('umi-lab', 3);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('tools', { keyPath: 'name' });
          db.createObjectStore('traces', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
          db.createObjectStore('suiteResults', { keyPath: 'id' });
          db.createObjectStore('suiteTraces', { keyPath: 'id' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('traces', 'readwrite');
          for (const run of runs) tx.objectStore('traces').put({ title: `Run ${run.id}`, ...run });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    runs,
  );
}

interface Stores {
  traces: { id: string; title: string; version: unknown; status: unknown }[];
  summaries: ({ id: string } & Record<string, unknown>)[];
}

/** Both stores as they are now, read straight from IndexedDB. */
function readStores(page: Page): Promise<Stores> {
  return page.evaluate(
    () =>
      new Promise<Stores>((resolve, reject) => {
        const open = indexedDB.open('umi-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['traces', 'summaries']);
          const traces = tx.objectStore('traces').getAll();
          const summaries = tx.objectStore('summaries').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              traces: traces.result.map((t) => ({
                id: t.id,
                title: t.title,
                version: t.trace?.version,
                status: t.trace?.status,
              })),
              summaries: summaries.result,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const byId = (list: { id: unknown }[], id: string) => list.find((item) => item.id === id);

test('the storage upgrade 3 → 4 summarises every saved run: readable runs listed, others counted, running ones marked interrupted', async ({
  page,
}) => {
  await seedVersion3(page, [
    {
      id: 'v1-run',
      updatedAt: 1,
      trace: trace('v1-run', 1, { outcome: 'give_up', version: 1, origin: undefined }),
    },
    { id: 'v2-run', updatedAt: 2, trace: trace('v2-run', 2) },
    {
      id: 'left-running',
      updatedAt: 3,
      trace: trace('left-running', 3, { status: 'running', outcome: undefined }),
    },
    { id: 'from-future', updatedAt: 4, trace: trace('from-future', 4, { version: 99, newField: true }) },
    { id: 'damaged', updatedAt: 5, trace: { version: 2, id: 'damaged', task: 5 } },
  ]);
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await page.getByTestId('tab-history').click();
  const saved = page.getByTestId('saved-run');
  await expect(saved).toHaveCount(3);
  // Newest first; the run left running when the page went away is now interrupted.
  await expect(saved.nth(0)).toContainText('Run left-running');
  await expect(saved.nth(0)).toHaveAttribute('data-status', 'interrupted');
  await expect(saved.nth(1)).toContainText('Run v2-run');
  await expect(saved.nth(2)).toContainText('Run v1-run');
  await expect(saved.nth(2)).toHaveAttribute('data-outcome', 'give_up');
  await expect(page.getByTestId('storage-notice')).toContainText('2 saved run(s) were made by a newer');

  const stores = await readStores(page);
  expect(stores.traces).toHaveLength(5);
  expect(stores.summaries).toHaveLength(5);
  expect(byId(stores.summaries, 'v2-run')).toEqual({
    id: 'v2-run',
    title: 'Run v2-run',
    task: 'Task of v2-run',
    mode: 'multi',
    status: 'finished',
    outcome: 'answer',
    engine: 'scripted',
    steps: 0,
    updatedAt: 2,
    version: 2,
  });
  expect(byId(stores.summaries, 'from-future')).toMatchObject({ version: 99 });
  expect(byId(stores.summaries, 'damaged')).toMatchObject({ version: 0 });
  // Marked in both stores; the runs this page cannot read are kept untouched.
  expect(byId(stores.summaries, 'left-running')).toMatchObject({ status: 'interrupted' });
  expect(byId(stores.traces, 'left-running')).toMatchObject({ status: 'interrupted' });
  expect(byId(stores.traces, 'from-future')).toMatchObject({ version: 99 });
  // The version-1 run stays stored as it was: it is upgraded when it is opened.
  expect(byId(stores.traces, 'v1-run')).toMatchObject({ version: 1 });

  await saved.nth(2).getByTestId('saved-run-open').click();
  await expect(app.runButton).toBeVisible();
  const opened = await page.evaluate(() => window.umi.trace());
  expect(opened).toMatchObject({ id: 'v1-run', version: 2, origin: 'run', outcome: 'give_up' });
  expect(byId((await readStores(page)).traces, 'v1-run')).toMatchObject({ version: 1 });
  expect(errors).toEqual([]);
});

test('the list reads summaries only, 50 at a time, newest first; Show more adds the next 50', async ({
  page,
}) => {
  const runs: Seeded[] = [];
  for (let i = 0; i < 120; i++)
    runs.push({ id: `r${i}`, updatedAt: 1_000 + i, trace: trace(`r${i}`, 1_000 + i) });
  await seedVersion3(page, runs);
  // Every read of the traces store, counted (IDBObjectStore and IDBIndex methods that return records).
  await page.addInitScript(() => {
    const reads: string[] = [];
    (window as unknown as { umiTraceReads: string[] }).umiTraceReads = reads;
    for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<
      string,
      unknown
    >[]) {
      for (const name of ['get', 'getAll', 'openCursor']) {
        const original = proto[name] as (...args: unknown[]) => unknown;
        proto[name] = function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
          const store = 'objectStore' in this ? this.objectStore.name : this.name;
          if (store === 'traces') reads.push(name);
          return original.apply(this, args);
        };
      }
    }
  });
  const { errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await page.getByTestId('tab-history').click();
  const saved = page.getByTestId('saved-run');
  await expect(saved).toHaveCount(50);
  // The first load upgraded the database (one pass over the traces): from now on, none are read.
  await page.reload();
  await page.getByTestId('tab-history').click();
  await expect(saved).toHaveCount(50);
  await expect(saved.first()).toContainText('Run r119');
  await expect(saved.nth(49)).toContainText('Run r70');
  const more = page.getByTestId('saved-runs-more');
  await expect(more).toContainText('showing 50 of 120');
  await more.click();
  await expect(saved).toHaveCount(100);
  await expect(saved.nth(99)).toContainText('Run r20');
  await more.click();
  await expect(saved).toHaveCount(120);
  await expect(saved.last()).toContainText('Run r0');
  await expect(more).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { umiTraceReads: string[] }).umiTraceReads)).toEqual(
    [],
  );
  // Opening reads one trace, by id.
  await saved.nth(3).getByTestId('saved-run-open').click();
  await expect.poll(() => page.evaluate(() => window.umi.trace()?.id)).toBe('r116');
  expect(await page.evaluate(() => (window as unknown as { umiTraceReads: string[] }).umiTraceReads)).toEqual(
    ['get'],
  );
  expect(errors).toEqual([]);
});

test('saving writes the summary with the trace; rename and delete keep both stores in step', async ({
  page,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  const run = await page.evaluate(() => window.umi.trace());
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  let stores = await readStores(page);
  expect(stores.traces).toEqual([{ id: run?.id, title: run?.task, version: 2, status: 'finished' }]);
  expect(stores.summaries).toEqual([
    {
      id: run?.id,
      title: run?.task,
      task: run?.task,
      mode: 'multi',
      status: 'finished',
      outcome: 'answer',
      engine: 'scripted',
      steps: run?.steps.length,
      updatedAt: run?.updatedAt,
      version: 2,
    },
  ]);

  page.once('dialog', (dialog) => void dialog.accept('Kilometres, renamed'));
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('saved-run')).toContainText('Kilometres, renamed');
  stores = await readStores(page);
  expect(stores.traces.map((t) => t.title)).toEqual(['Kilometres, renamed']);
  expect(stores.summaries.map((s) => s.title)).toEqual(['Kilometres, renamed']);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('saved-run')).toHaveCount(0);
  stores = await readStores(page);
  expect(stores).toEqual({ traces: [], summaries: [] });
  expect(errors).toEqual([]);
});

test('a listed run whose trace turns out unreadable is counted as hidden when opened, and kept', async ({
  page,
}) => {
  await seedVersion3(page, [
    { id: 'fine', updatedAt: 1, trace: trace('fine', 1) },
    { id: 'later-newer', updatedAt: 2, trace: trace('later-newer', 2) },
  ]);
  const { errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(2);
  // A newer page rewrites the trace in its own format; this page's list has not seen that yet.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('umi-lab');
        open.onsuccess = () => {
          const tx = open.result.transaction('traces', 'readwrite');
          const store = tx.objectStore('traces');
          const get = store.get('later-newer');
          get.onsuccess = () => store.put({ ...get.result, trace: { ...get.result.trace, version: 99 } });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.getByTestId('saved-run').first().getByTestId('saved-run-open').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('storage-notice')).toContainText('1 saved run(s) were made by a newer');
  const stores = await readStores(page);
  expect(byId(stores.summaries, 'later-newer')).toMatchObject({ version: 99 });
  expect(byId(stores.traces, 'later-newer')).toMatchObject({ version: 99 });
  expect(errors).toEqual([]);
});

test('storage full in the summaries store: nothing half-saved, the run goes on in memory, saving resumes', async ({
  page,
}) => {
  await fillDisk(page, 'summaries');
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(app.answer).toContainText('11.04672 km');
  await expect(page.getByTestId('storage-alert')).toContainText('storage is full');
  // The trace's put went through before the summary's failed: the transaction took both back.
  expect(await readStores(page)).toEqual({ traces: [], summaries: [] });

  await freeDisk(page);
  await app.runExample('shopping-total');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(page.getByTestId('storage-alert')).toHaveCount(0);
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  const stores = await readStores(page);
  expect(stores.traces).toHaveLength(1);
  expect(stores.summaries).toHaveLength(1);
  expect(errors).toEqual([]);
});
