import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { CSV_COLUMNS, SCRIPTED_NOTE } from '../app/agent/eval/suite/export';
import { parseCsv } from '../app/test-support/csv';
import { AppPage } from './app-page';

const TASKS = [
  { id: 'pages-read', category: 'arithmetic' }, // run_javascript in the sandbox worker
  { id: 'moon-landing-weekday', category: 'calendar' }, // date_calc
  { id: 'wakanda-population', category: 'give-up' }, // a real failed lookup, then a give-up
] as const;

async function openLab(page: Page, section: 'suite' | 'compare') {
  await page.getByTestId('tab-eval').click();
  await page.getByTestId(`eval-tab-${section}`).click();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('task suite', () => {
  test('three tasks under two modes: scores per task and mode, CSV export, kept after a reload', async ({
    page,
  }) => {
    const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
    await openLab(page, 'suite');
    const runner = page.getByTestId('suite-runner');
    await expect(runner.getByTestId('lab-scripted-note')).toContainText(SCRIPTED_NOTE);

    for (const { id, category } of TASKS) {
      await runner
        .locator('.suite-category', { has: page.getByTestId(`suite-category-${category}`) })
        .locator('summary')
        .click();
      await page.getByTestId(`suite-task-${id}`).check();
    }
    await expect(page.getByTestId('suite-selected-count')).toHaveText('3 tasks chosen');
    await page.getByTestId('suite-mode-multi').check();
    await page.getByTestId('suite-mode-shared').uncheck();
    await page.getByTestId('suite-mode-single').check();
    await expect(page.getByTestId('suite-run-count')).toHaveText('This makes 6 runs.');
    await page.getByTestId('suite-run').click();

    const cells = page.getByTestId('suite-cell');
    await expect(cells).toHaveCount(6, { timeout: 30_000 });
    await expect(page.getByTestId('suite-run')).toBeEnabled();
    for (const { id } of TASKS) {
      for (const mode of ['multi', 'single']) {
        await expect(
          page.locator(`[data-testid="suite-cell"][data-task="${id}"][data-mode="${mode}"]`),
        ).toHaveAttribute('data-correct', 'true');
      }
    }
    const rows = page.getByTestId('suite-summary-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-mode', 'multi');
    await expect(rows.nth(1)).toHaveAttribute('data-mode', 'single');
    for (const i of [0, 1]) {
      await expect(rows.nth(i).getByTestId('suite-accuracy')).toHaveText('100% (3/3)');
      await expect(rows.nth(i)).toContainText(SCRIPTED_NOTE);
    }
    await expect(page.getByTestId('suite-chart-bar')).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('suite-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^umi-suite-.*\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    const [header, ...body] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(body).toHaveLength(6);
    const records = body.map((fields) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, fields[i]])));
    expect(records.map((r) => `${r.mode}:${r.task_id}`)).toEqual([
      'multi:pages-read',
      'multi:moon-landing-weekday',
      'multi:wakanda-population',
      'single:pages-read',
      'single:moon-landing-weekday',
      'single:wakanda-population',
    ]);
    for (const r of records) {
      expect(r).toMatchObject({
        engine: 'scripted',
        engine_note: SCRIPTED_NOTE,
        correct: 'true',
        give_up_correct: 'true',
      });
    }
    const wakanda = records.find((r) => r.task_id === 'wakanda-population');
    expect(wakanda).toMatchObject({ gave_up: 'true', tool_calls: '1', valid_tool_calls: '1', answer: '' });
    expect(records.find((r) => r.task_id === 'pages-read')?.answer).toContain('477 pages');

    // Results persist: after a reload they are read back from IndexedDB.
    await page.reload();
    await openLab(page, 'suite');
    await expect(page.getByTestId('suite-cell')).toHaveCount(6);
    await expect(page.getByTestId('suite-summary-row')).toHaveCount(2);

    // A result opens its run in the Run tab.
    await page
      .locator('[data-testid="suite-cell"][data-task="moon-landing-weekday"][data-mode="multi"]')
      .getByRole('button')
      .click();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await expect(app.answer).toContainText('Sunday');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText(
      '"weekday":"Sunday"',
    );
    expect(errors).toEqual([]);
  });

  test('Stop ends a long suite run; finished runs stay, the stopped one is not scored', async ({ page }) => {
    const { errors } = await AppPage.open(page, { tokenDelayMs: 1 });
    await openLab(page, 'suite');
    await page.getByRole('button', { name: 'All', exact: true }).click();
    for (const mode of ['multi', 'shared', 'single']) await page.getByTestId(`suite-mode-${mode}`).check();
    await page.getByTestId('suite-run').click();
    await expect(page.getByTestId('suite-progress')).toBeVisible();
    await expect(page.getByTestId('suite-cell').first()).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('suite-stop').click();
    await expect(page.getByTestId('suite-notice')).toContainText('Stopped after');
    await expect(page.getByTestId('suite-run')).toBeEnabled();
    const count = await page.getByTestId('suite-cell').count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(198);
    expect(errors).toEqual([]);
  });
});

test('with the GPU engine, a preset loads its models first; when they cannot load, nothing runs and it says why', async ({
  page,
}) => {
  const { errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await expect(page.getByTestId('gpu-status')).toBeVisible();
  // The model files are not on this server: the load fails on its first file, as it would offline.
  await page.getByTestId('model-source-select').selectOption('this-site');
  await openLab(page, 'suite');
  await page.getByTestId('lab-engine-select').selectOption('webllm');
  await expect(page.getByTestId('lab-scripted-note')).toHaveCount(0);
  await expect(page.getByTestId('suite-choice-tiny')).toBeChecked();
  // SwiftShader has no shader-f16: the f32 variants, their GPU memory and their download, before anything loads.
  const plan = page.getByTestId('suite-plan-tiny');
  await expect(plan).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC (planner)');
  await expect(plan).toContainText('about 2,700 MB of GPU memory');
  await expect(plan).toContainText('about 538 MB to download');
  await page.getByRole('button', { name: 'One of each category' }).click();
  await page.getByTestId('suite-run').click();
  await expect(page.getByTestId('suite-progress')).toContainText('loading the models of Tiny');
  const notice = page.getByTestId('suite-notice');
  await expect(notice).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC did not load', { timeout: 45_000 });
  await expect(notice).toContainText('Missing file');
  await expect(page.getByTestId('suite-run')).toBeEnabled();
  await expect(page.getByTestId('suite-cell')).toHaveCount(0);
  await expect(page.getByTestId('slot-planner')).toHaveAttribute('data-status', 'failed');
  expect(errors).toEqual([]);
});

test.describe('compare modes', () => {
  test('a suite task under two modes: both columns with answers and right/wrong; a typed task has no checker', async ({
    page,
  }) => {
    const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
    await openLab(page, 'compare');
    await page.getByTestId('compare-source-suite').check();
    await page.getByTestId('compare-task-select').selectOption('capital-australia');
    await page.getByTestId('compare-mode-multi').check();
    await page.getByTestId('compare-mode-shared').uncheck();
    await page.getByTestId('compare-mode-single').check();
    await page.getByTestId('compare-run').click();

    const columns = page.getByTestId('compare-column');
    await expect(columns).toHaveCount(2);
    for (const [i, mode] of ['multi', 'single'].entries()) {
      const column = columns.nth(i);
      await expect(column).toHaveAttribute('data-mode', mode);
      await expect(column).toHaveAttribute('data-status', 'done');
      await expect(column.getByTestId('compare-answer')).toContainText('Canberra');
      await expect(column.getByTestId('compare-verdict')).toContainText('right');
      await expect(column).toHaveAttribute('data-correct', 'true');
      await expect(column.getByTestId('compare-tool-calls')).toContainText('1 (1 valid, 0 to unknown tools)');
      await expect(column).toContainText(SCRIPTED_NOTE);
    }
    // multi: planner, caller, planner, summarizer; single: two model turns.
    await expect(columns.nth(0).getByTestId('compare-steps')).toHaveText('4');
    await expect(columns.nth(1).getByTestId('compare-steps')).toHaveText('2');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);

    // A task typed into the task box is compared too, without a checker.
    await app.taskInput.fill('Write me a poem about the sea.');
    await page.getByTestId('compare-source-task-box').check();
    await expect(page.getByTestId('compare-task-box')).toHaveText('Write me a poem about the sea.');
    await page.getByTestId('compare-run').click();
    await expect(columns.nth(0)).toHaveAttribute('data-status', 'done');
    await expect(columns.nth(1)).toHaveAttribute('data-status', 'done');
    for (const i of [0, 1]) {
      await expect(columns.nth(i).getByTestId('compare-verdict')).toHaveText('no checker');
      await expect(columns.nth(i)).toHaveAttribute('data-correct', 'none');
    }

    // Each column's run opens in the Run tab.
    await columns.nth(1).getByTestId('compare-open').click();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'give_up');
    await expect(app.stepsOf('backbone')).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('Stop during a comparison stops the running mode and skips the rest', async ({ page }) => {
    const { errors } = await AppPage.open(page, { tokenDelayMs: 120 });
    await openLab(page, 'compare');
    await page.getByTestId('compare-task-select').selectOption('germany-density');
    for (const mode of ['multi', 'shared', 'single']) await page.getByTestId(`compare-mode-${mode}`).check();
    await page.getByTestId('compare-run').click();
    const columns = page.getByTestId('compare-column');
    await expect(columns.nth(0)).toHaveAttribute('data-status', 'running');
    await page.getByTestId('compare-stop').click();
    await expect(page.getByTestId('compare-notice')).toContainText('Stopped');
    for (const i of [0, 1, 2]) await expect(columns.nth(i)).toHaveAttribute('data-status', 'stopped');
    await expect(page.getByTestId('compare-run')).toBeEnabled();
    expect(errors).toEqual([]);
  });
});

test('the storage upgrade keeps the runs saved by the previous version', async ({ page }) => {
  // A blank page on the app's origin, to write a version-2 database before the app opens it.
  await page.route('**/seed.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  await page.goto('/seed.html');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('umi-lab', 2);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('tools', { keyPath: 'name' });
          db.createObjectStore('traces', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('traces', 'readwrite');
          tx.objectStore('traces').put({
            id: 'old-run',
            title: 'A run saved before the upgrade',
            updatedAt: 1,
            trace: {
              version: 1,
              id: 'old-run',
              task: 'What is the weather in Paris right now?',
              mode: 'multi',
              dialect: 'chat',
              tools: [],
              models: {},
              sampling: {},
              maxSteps: 10,
              status: 'finished',
              outcome: 'give_up',
              steps: [],
              createdAt: 1,
              updatedAt: 1,
            },
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const { errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(1);
  await expect(page.getByTestId('saved-run')).toContainText('A run saved before the upgrade');
  // …and the new stores work next to it.
  await openLab(page, 'suite');
  await page.getByRole('button', { name: 'One of each category' }).click();
  await page.getByTestId('suite-mode-multi').check();
  await page.getByTestId('suite-mode-single').uncheck();
  await page.getByTestId('suite-mode-shared').uncheck();
  await page.getByTestId('suite-run').click();
  await expect(page.getByTestId('suite-cell')).toHaveCount(6, { timeout: 30_000 });
  await expect(page.getByTestId('suite-notice')).toHaveCount(0);
  const version = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('umi-lab');
        open.onsuccess = () => {
          resolve(open.result.version);
          open.result.close();
        };
      }),
  );
  expect(version).toBe(3);
  expect(errors).toEqual([]);
});

test('a suite task typed into the Run tab plays its script before the Evaluate tab was ever opened', async ({
  page,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 0 });
  await app.taskInput.fill('On which day of the week was 20 July 1969?');
  await app.runButton.click();
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
  await expect(app.answer).toContainText('Sunday');
  expect(errors).toEqual([]);
});

/** Ticks suite tasks by id (opening their category's list) and leaves every other task unticked. */
async function chooseTasks(page: Page, tasks: readonly { id: string; category: string }[]) {
  const runner = page.getByTestId('suite-runner');
  await runner.getByRole('button', { name: 'None', exact: true }).click();
  for (const { id, category } of tasks) {
    const details = runner.locator('.suite-category', {
      has: page.getByTestId(`suite-category-${category}`),
    });
    if (!(await details.locator('details').evaluate((d) => (d as HTMLDetailsElement).open)))
      await details.locator('summary').click();
    await page.getByTestId(`suite-task-${id}`).check();
  }
}

async function chooseModes(page: Page, modes: readonly string[]) {
  for (const mode of ['multi', 'shared', 'single']) {
    const box = page.getByTestId(`suite-mode-${mode}`);
    if (modes.includes(mode)) await box.check();
    else await box.uncheck();
  }
}

test('the suite and the comparison wait while a Run-tab run holds the models, and say what is running', async ({
  page,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 150 });
  await app.taskInput.fill(
    'In which subregion of the world is Peru, according to the offline country dataset?',
  );
  await app.runButton.click();
  await expect(app.stopButton).toBeEnabled();
  await openLab(page, 'suite');
  await page.getByRole('button', { name: 'One of each category' }).click();
  await expect(page.getByTestId('suite-run')).toBeDisabled();
  const note = page.getByTestId('suite-runner').getByTestId('busy-note');
  await expect(note).toHaveAttribute('data-activity', 'run');
  await expect(note).toContainText('A run is in progress on the Run tab.');
  await page.getByTestId('eval-tab-compare').click();
  await page.getByTestId('compare-task-select').selectOption('capital-australia');
  await expect(page.getByTestId('compare-run')).toBeDisabled();
  await expect(page.getByTestId('compare-view').getByTestId('busy-note')).toHaveAttribute(
    'data-activity',
    'run',
  );

  await page.getByTestId('tab-run').click();
  await app.stopButton.click();
  await expect(app.runButton).toBeEnabled();
  await openLab(page, 'suite');
  await expect(page.getByTestId('suite-run')).toBeEnabled();
  await expect(page.getByTestId('suite-runner').getByTestId('busy-note')).toHaveCount(0);

  // …and the other way round: while the suite runs (all of it: lab runs do not wait between tokens), the Run tab waits.
  await page.getByRole('button', { name: 'All', exact: true }).click();
  await chooseModes(page, ['multi', 'shared', 'single']);
  await page.getByTestId('suite-run').click();
  await expect(page.getByTestId('suite-progress')).toBeVisible();
  await page.getByTestId('tab-run').click();
  await expect(app.runButton).toBeDisabled();
  await expect(page.getByTestId('busy-note')).toHaveAttribute('data-activity', 'suite');
  // The console says so too, and changes no setting.
  const taskBefore = await app.taskInput.inputValue();
  await expect(page.evaluate(() => window.umi.run('What is 2 + 2?'))).rejects.toThrow(
    'The task suite is running',
  );
  await expect(app.taskInput).toHaveValue(taskBefore);
  await openLab(page, 'suite');
  await page.getByTestId('suite-stop').click();
  await expect(page.getByTestId('suite-run')).toBeEnabled();
  expect(errors).toEqual([]);
});

test('configurations that ran different tasks are marked, and compared on the tasks all ran (table, chart, CSV)', async ({
  page,
}) => {
  const { errors } = await AppPage.open(page, { tokenDelayMs: 0 });
  await openLab(page, 'suite');
  const three = [
    { id: 'capital-australia', category: 'countries' },
    { id: 'peru-subregion', category: 'countries' },
    { id: 'moon-landing-weekday', category: 'calendar' },
  ];
  await chooseTasks(page, three);
  await chooseModes(page, ['multi']);
  await page.getByTestId('suite-run').click();
  await expect(page.getByTestId('suite-cell')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('suite-mixed-note')).toHaveCount(0);

  await chooseTasks(page, three.slice(0, 1));
  await chooseModes(page, ['single']);
  await page.getByTestId('suite-run').click();
  await expect(page.getByTestId('suite-cell')).toHaveCount(4, { timeout: 30_000 });

  const rows = page.getByTestId('suite-summary-row');
  await expect(rows.nth(0).getByTestId('suite-task-count')).toHaveText('3 of 3');
  await expect(rows.nth(0)).toHaveAttribute('data-same-tasks', 'true');
  await expect(rows.nth(1).getByTestId('suite-task-count')).toContainText('1 of 3');
  await expect(rows.nth(1).getByTestId('suite-partial')).toHaveText('not all tasks');
  await expect(rows.nth(1)).toHaveAttribute('data-same-tasks', 'false');
  for (const i of [0, 1])
    await expect(rows.nth(i).getByTestId('suite-common-accuracy')).toHaveText('100% (1/1)');
  await expect(page.getByTestId('suite-mixed-note')).toContainText('3 in all, 1 run by every one');
  // Each configuration is labelled with its settings (a mode's roles have their own sampling and prompts).
  const tags = await page.locator('.suite-settings-tag').allTextContents();
  expect(tags).toHaveLength(2);
  for (const tag of tags) expect(tag).toMatch(/^#[0-9a-f]{6}$/);
  await expect(page.getByTestId('suite-chart')).toContainText('on the one task every configuration ran');
  expect(await seriousViolations(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('suite-export-csv').click(),
  ]);
  const [header, ...body] = parseCsv(readFileSync((await download.path()) as string, 'utf8'));
  const records = body.map((fields) => Object.fromEntries((header ?? []).map((c, i) => [c, fields[i]])));
  expect(records.map((r) => [r.mode, r.task_id, r.config_tasks, r.all_tasks, r.same_task_set])).toEqual([
    // Suite order: calendar before countries.
    ['multi', 'moon-landing-weekday', '3', '3', 'true'],
    ['multi', 'capital-australia', '3', '3', 'true'],
    ['multi', 'peru-subregion', '3', '3', 'true'],
    ['single', 'capital-australia', '1', '3', 'false'],
  ]);
  expect(records[0]?.settings).toMatch(/^[0-9a-f]{16}$/);
  expect(errors).toEqual([]);
});

test('in Chinese the lab names presets and their notes in Chinese, and a notice follows a change of language', async ({
  page,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await expect(page.getByTestId('gpu-status')).toBeVisible();
  await page.getByTestId('model-source-select').selectOption('this-site');
  await app.switchLanguage('zh-CN');
  await openLab(page, 'suite');
  await page.getByTestId('lab-engine-select').selectOption('webllm');
  const tiny = page.locator('.suite-preset', { has: page.getByTestId('suite-choice-tiny') });
  await expect(tiny.locator('label')).toContainText('迷你');
  // SwiftShader has no shader-f16: the note about the f32 twins, in Chinese.
  await expect(page.getByTestId('suite-plan-tiny')).toContainText('你的 GPU 不支持 shader-f16');
  await expect(page.getByTestId('suite-plan-tiny')).not.toContainText('Your GPU has no shader-f16');
  await page.getByRole('button', { name: '每类各选一个' }).click();
  await page.getByTestId('suite-run').click();
  await expect(page.getByTestId('suite-progress')).toContainText('正在加载 迷你 的模型');
  const notice = page.getByTestId('suite-notice');
  await expect(notice).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC 未能加载', { timeout: 45_000 });
  await expect(notice).toContainText('无法下载模型文件');
  await expect(notice).toHaveAttribute('data-key', 'notLoaded');
  await app.switchLanguage('en');
  await expect(notice).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC did not load (failed)');
  await expect(notice).toContainText('Missing file');
  await app.switchLanguage('zh-CN');

  await page.getByTestId('eval-tab-compare').click();
  await page.getByTestId('compare-mode-multi').check();
  const presetSelect = page.getByLabel('multi 使用的模型');
  await expect(presetSelect.locator('option').first()).toHaveText('迷你');
  expect(await seriousViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
