import { CSV_COLUMNS, SCRIPTED_NOTE } from '../app/agent/eval/suite/export';
import { parseCsv } from '../app/test-support/csv';
import { AppPage } from './app-page';
import { ComparePage } from './compare-page';
import { expect, expectAccessible, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';
import { SuitePage } from './suite-page';

const TASKS = [
  { id: 'pages-read', category: 'arithmetic' }, // run_javascript in the sandbox worker
  { id: 'moon-landing-weekday', category: 'calendar' }, // date_calc
  { id: 'wakanda-population', category: 'give-up' }, // a real failed lookup, then a give-up
] as const;

/** A CSV export as records, one per run, keyed by the header's column names. */
function csvRecords(text: string) {
  const [header, ...body] = parseCsv(text);
  return {
    header,
    records: body.map((fields) => Object.fromEntries((header ?? []).map((c, i) => [c, fields[i]]))),
  };
}

test.describe('task suite', () => {
  test('three tasks under two modes: scores per task and mode, CSV export, kept after a reload', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    let suite = await SuitePage.open(page);
    await expect(suite.scriptedNote).toContainText(SCRIPTED_NOTE);

    await suite.tickTasks(TASKS);
    await expect(suite.selectedCount).toHaveText('3 tasks chosen');
    await suite.chooseModes(['multi', 'single']);
    await expect(suite.runCount).toHaveText('This makes 6 runs.');
    await suite.run();

    await expect(suite.cells).toHaveCount(6, { timeout: 30_000 });
    await expect(suite.runButton).toBeEnabled();
    for (const { id } of TASKS) {
      for (const mode of ['multi', 'single'] as const) {
        await expect(suite.cell(id, mode)).toHaveAttribute('data-correct', 'true');
      }
    }
    const rows = suite.summaryRows;
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-mode', 'multi');
    await expect(rows.nth(1)).toHaveAttribute('data-mode', 'single');
    for (const i of [0, 1]) {
      await expect(rows.nth(i).getByTestId('suite-accuracy')).toHaveText('100% (3/3)');
      await expect(rows.nth(i)).toContainText(SCRIPTED_NOTE);
    }
    await expect(suite.chartBars).toHaveCount(2);
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'light' });

    const csv = await suite.exportCsv();
    expect(csv.name).toMatch(/^umi-suite-.*\.csv$/);
    const { header, records } = csvRecords(csv.text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(6);
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
    suite = await SuitePage.open(page);
    await expect(suite.cells).toHaveCount(6);
    await expect(suite.summaryRows).toHaveCount(2);

    // A result opens its run in the Run tab.
    await suite.cell('moon-landing-weekday', 'multi').getByRole('button').click();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await expect(app.answer).toContainText('Sunday');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText(
      '"weekday":"Sunday"',
    );
  });

  test('Stop ends a long suite run; finished runs stay, the stopped one is not scored', async ({ page }) => {
    await AppPage.open(page, { tokenDelayMs: 1 });
    const suite = await SuitePage.open(page);
    await suite.selectAllTasks();
    for (const mode of ['multi', 'shared', 'single'] as const) await suite.mode(mode).check();
    await suite.run();
    await expect(suite.progress).toBeVisible();
    await expect(suite.cells.first()).toBeVisible({ timeout: 30_000 });
    await suite.stop();
    await expect(suite.notice).toContainText('Stopped after');
    await expect(suite.runButton).toBeEnabled();
    const count = await suite.cells.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(198);
  });
});

test('with the GPU engine, a preset loads its models first; when they cannot load, nothing runs and it says why', async ({
  page,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await expect(app.models.gpuStatus).toBeVisible();
  // The model files are not on this server: the load fails on its first file, as it would offline.
  await app.models.useModelsFrom('this-site');
  const suite = await SuitePage.open(page);
  await suite.engineSelect.selectOption('webllm');
  await expect(suite.scriptedNote).toHaveCount(0);
  const tiny = suite.preset('tiny');
  await expect(tiny.box).toBeChecked();
  // SwiftShader has no shader-f16: the f32 variants, their GPU memory and their download, before anything loads.
  await expect(tiny.plan).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC (planner)');
  await expect(tiny.plan).toContainText('about 2,700 MB of GPU memory');
  await expect(tiny.plan).toContainText('about 538 MB to download');
  await suite.selectOneOfEachCategory();
  await suite.run();
  await expect(suite.progress).toContainText('loading the models of Tiny');
  await expect(suite.notice).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC did not load', {
    timeout: 45_000,
  });
  await expect(suite.notice).toContainText('Missing file');
  await expect(suite.runButton).toBeEnabled();
  await expect(suite.cells).toHaveCount(0);
  await expect(app.models.slot('planner').root).toHaveAttribute('data-status', 'failed');
});

test.describe('compare modes', () => {
  test('a suite task under two modes: both columns with answers and right/wrong; a typed task has no checker', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    const compare = await ComparePage.open(page);
    await compare.fromSuite.check();
    await compare.chooseSuiteTask('capital-australia');
    await compare.chooseModes(['multi', 'single']);
    await compare.run();

    await expect(compare.columns).toHaveCount(2);
    for (const [i, mode] of ['multi', 'single'].entries()) {
      const column = compare.column(i);
      await expect(column).toHaveAttribute('data-mode', mode);
      await expect(column).toHaveAttribute('data-status', 'done');
      await expect(column.getByTestId('compare-answer')).toContainText('Canberra');
      await expect(column.getByTestId('compare-verdict')).toContainText('right');
      await expect(column).toHaveAttribute('data-correct', 'true');
      await expect(column.getByTestId('compare-tool-calls')).toContainText('1 (1 valid, 0 to unknown tools)');
      await expect(column).toContainText(SCRIPTED_NOTE);
    }
    // multi: planner, caller, planner, summarizer; single: two model turns.
    await expect(compare.column(0).getByTestId('compare-steps')).toHaveText('4');
    await expect(compare.column(1).getByTestId('compare-steps')).toHaveText('2');
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);

    // A task typed into the task box is compared too, without a checker.
    await app.taskInput.fill('Write me a poem about the sea.');
    await compare.fromTaskBox.check();
    await expect(compare.taskBox).toHaveText('Write me a poem about the sea.');
    await compare.run();
    await expect(compare.column(0)).toHaveAttribute('data-status', 'done');
    await expect(compare.column(1)).toHaveAttribute('data-status', 'done');
    for (const i of [0, 1]) {
      await expect(compare.column(i).getByTestId('compare-verdict')).toHaveText('no checker');
      await expect(compare.column(i)).toHaveAttribute('data-correct', 'none');
    }

    // Each column's run opens in the Run tab.
    await compare.column(1).getByTestId('compare-open').click();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'give_up');
    await expect(app.stepsOf('backbone')).toHaveCount(1);
  });

  test('Stop during a comparison stops the running mode and skips the rest', async ({ page }) => {
    await AppPage.open(page, { tokenDelayMs: 120 });
    const compare = await ComparePage.open(page);
    await compare.chooseSuiteTask('germany-density');
    for (const mode of ['multi', 'shared', 'single'] as const) await compare.mode(mode).check();
    await compare.run();
    await expect(compare.column(0)).toHaveAttribute('data-status', 'running');
    await compare.stop();
    await expect(compare.notice).toContainText('Stopped');
    for (const i of [0, 1, 2]) await expect(compare.column(i)).toHaveAttribute('data-status', 'stopped');
    await expect(compare.runButton).toBeEnabled();
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
  await AppPage.open(page, { tokenDelayMs: 1 });
  const saved = await SavedRunsPage.open(page);
  await expect(saved.runs).toHaveCount(1);
  await expect(saved.runs).toContainText('A run saved before the upgrade');
  // …and the new stores work next to it.
  const suite = await SuitePage.open(page);
  await suite.selectOneOfEachCategory();
  await suite.chooseModes(['multi']);
  await suite.run();
  await expect(suite.cells).toHaveCount(6, { timeout: 30_000 });
  await expect(suite.notice).toHaveCount(0);
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
  // Version 4 added the run summaries (app/storage/db.ts).
  expect(version).toBe(4);
});

test('a suite task typed into the Run tab plays its script before the Evaluate tab was ever opened', async ({
  page,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 0 });
  await app.runTask('On which day of the week was 20 July 1969?');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
  await expect(app.answer).toContainText('Sunday');
});

test('the suite and the comparison wait while a Run-tab run holds the models, and say what is running', async ({
  page,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 150 });
  await app.runTask('In which subregion of the world is Peru, according to the offline country dataset?');
  await expect(app.stopButton).toBeEnabled();
  let suite = await SuitePage.open(page);
  await suite.selectOneOfEachCategory();
  await expect(suite.runButton).toBeDisabled();
  await expect(suite.busyNote).toHaveAttribute('data-activity', 'run');
  await expect(suite.busyNote).toContainText('A run is in progress on the Run tab.');
  const compare = await ComparePage.open(page);
  await compare.chooseSuiteTask('capital-australia');
  await expect(compare.runButton).toBeDisabled();
  await expect(compare.busyNote).toHaveAttribute('data-activity', 'run');

  await app.showRun();
  await app.stopButton.click();
  await expect(app.runButton).toBeEnabled();
  suite = await SuitePage.open(page);
  await expect(suite.runButton).toBeEnabled();
  await expect(suite.busyNote).toHaveCount(0);

  // …and the other way round: while the suite runs (all of it: lab runs do not wait between tokens), the Run tab waits.
  await suite.selectAllTasks();
  await suite.chooseModes(['multi', 'shared', 'single']);
  await suite.run();
  await expect(suite.progress).toBeVisible();
  await app.showRun();
  await expect(app.runButton).toBeDisabled();
  await expect(page.getByTestId('busy-note')).toHaveAttribute('data-activity', 'suite');
  // The console says so too, and changes no setting.
  const taskBefore = await app.taskInput.inputValue();
  await expect(page.evaluate(() => window.umi.run('What is 2 + 2?'))).rejects.toThrow(
    'The task suite is running',
  );
  await expect(app.taskInput).toHaveValue(taskBefore);
  suite = await SuitePage.open(page);
  await suite.stop();
  await expect(suite.runButton).toBeEnabled();
});

test('configurations that ran different tasks are marked, and compared on the tasks all ran (table, chart, CSV)', async ({
  page,
}) => {
  await AppPage.open(page, { tokenDelayMs: 0 });
  const suite = await SuitePage.open(page);
  const three = [
    { id: 'capital-australia', category: 'countries' },
    { id: 'peru-subregion', category: 'countries' },
    { id: 'moon-landing-weekday', category: 'calendar' },
  ];
  await suite.chooseTasks(three);
  await suite.chooseModes(['multi']);
  await suite.run();
  await expect(suite.cells).toHaveCount(3, { timeout: 30_000 });
  await expect(suite.mixedNote).toHaveCount(0);

  await suite.chooseTasks(three.slice(0, 1));
  await suite.chooseModes(['single']);
  await suite.run();
  await expect(suite.cells).toHaveCount(4, { timeout: 30_000 });

  const rows = suite.summaryRows;
  await expect(rows.nth(0).getByTestId('suite-task-count')).toHaveText('3 of 3');
  await expect(rows.nth(0)).toHaveAttribute('data-same-tasks', 'true');
  await expect(rows.nth(1).getByTestId('suite-task-count')).toContainText('1 of 3');
  await expect(rows.nth(1).getByTestId('suite-partial')).toHaveText('not all tasks');
  await expect(rows.nth(1)).toHaveAttribute('data-same-tasks', 'false');
  for (const i of [0, 1])
    await expect(rows.nth(i).getByTestId('suite-common-accuracy')).toHaveText('100% (1/1)');
  await expect(suite.mixedNote).toContainText('3 in all, 1 run by every one');
  // Each configuration is labelled with its settings (a mode's roles have their own sampling and prompts).
  const tags = await suite.settingsTags.allTextContents();
  expect(tags).toHaveLength(2);
  for (const tag of tags) expect(tag).toMatch(/^#[0-9a-f]{6}$/);
  await expect(suite.chart).toContainText('on the one task every configuration ran');
  await expectAccessible(page);

  const { records } = csvRecords((await suite.exportCsv()).text);
  expect(records.map((r) => [r.mode, r.task_id, r.config_tasks, r.all_tasks, r.same_task_set])).toEqual([
    // Suite order: calendar before countries.
    ['multi', 'moon-landing-weekday', '3', '3', 'true'],
    ['multi', 'capital-australia', '3', '3', 'true'],
    ['multi', 'peru-subregion', '3', '3', 'true'],
    ['single', 'capital-australia', '1', '3', 'false'],
  ]);
  expect(records[0]?.settings).toMatch(/^[0-9a-f]{16}$/);
});

test('in Chinese the lab names presets and their notes in Chinese, and a notice follows a change of language', async ({
  page,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await expect(app.models.gpuStatus).toBeVisible();
  await app.models.useModelsFrom('this-site');
  await app.switchLanguage('zh-CN');
  const suite = await SuitePage.open(page);
  await suite.engineSelect.selectOption('webllm');
  const tiny = suite.preset('tiny');
  await expect(tiny.label).toContainText('迷你');
  // SwiftShader has no shader-f16: the note about the f32 twins, in Chinese.
  await expect(tiny.plan).toContainText('你的 GPU 不支持 shader-f16');
  await expect(tiny.plan).not.toContainText('Your GPU has no shader-f16');
  await suite.runner.getByRole('button', { name: '每类各选一个' }).click();
  await suite.run();
  await expect(suite.progress).toContainText('正在加载 迷你 的模型');
  await expect(suite.notice).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC 未能加载', { timeout: 45_000 });
  await expect(suite.notice).toContainText('无法下载模型文件');
  await expect(suite.notice).toHaveAttribute('data-key', 'notLoaded');
  await app.switchLanguage('en');
  await expect(suite.notice).toContainText('Qwen2.5-0.5B-Instruct-q4f32_1-MLC did not load (failed)');
  await expect(suite.notice).toContainText('Missing file');
  await app.switchLanguage('zh-CN');

  const compare = await ComparePage.open(page);
  await compare.mode('multi').check();
  const presetSelect = page.getByLabel('multi 使用的模型');
  await expect(presetSelect.locator('option').first()).toHaveText('迷你');
  await expectAccessible(page);
});
