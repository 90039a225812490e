import type { Locator, Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';
import { ToolsPage } from './tools-page';

/** The page never scrolls sideways. */
async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(
    scrollWidth,
    `${where}: page is ${scrollWidth}px wide in a ${innerWidth}px window`,
  ).toBeLessThanOrEqual(innerWidth);
}

/** A control the user can reach: visible, and, once scrolled to, entirely inside the window. */
async function expectReachable(page: Page, control: Locator, name: string) {
  await expect(control, name).toBeVisible();
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  const viewport = page.viewportSize();
  expect(box, name).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x, `${name} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${name} ends inside the window`).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y, `${name} is scrolled into view`).toBeGreaterThanOrEqual(-0.5);
  expect(box.y + box.height, `${name} is scrolled into view`).toBeLessThanOrEqual(viewport.height + 0.5);
}

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'projector', width: 1024, height: 768 },
] as const;

for (const size of SIZES) {
  test.describe(`${size.name} (${size.width}×${size.height})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('every view fits the width and its controls are reachable, before and after a run', async ({
      page,
    }) => {
      const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
      await expectNoHorizontalScroll(page, 'first view');
      for (const id of [
        'language',
        'tab-run',
        'tab-tools',
        'tab-history',
        'tab-eval',
        'task-input',
        'run-button',
      ])
        await expectReachable(page, page.getByTestId(id), id);
      await expectReachable(page, app.example('miles-plus-km'), 'an example');
      await expectReachable(page, app.modeSelect, 'mode');

      const side = await page.locator('aside.side').boundingBox();
      const run = await page.locator('section.run').boundingBox();
      if (size.name === 'phone') {
        // The side panel stacks above the run view.
        expect((side?.y ?? 0) + (side?.height ?? 0)).toBeLessThanOrEqual((run?.y ?? 0) + 1);
      } else {
        // Side by side.
        expect((side?.x ?? 0) + (side?.width ?? 0)).toBeLessThanOrEqual((run?.x ?? 0) + 1);
      }
      await page.getByTestId('role-settings').locator('summary').click();
      await expectReachable(page, page.getByTestId('system-prompt-summarizer'), 'a system prompt');
      await expectNoHorizontalScroll(page, 'role settings open');
      await expectReachable(page, app.models.heading, 'model panel');
      const load = app.models.loadButton;
      if ((await load.count()) > 0) await expectReachable(page, load, 'Load models');

      await app.runExample('circle-tiles');
      await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
      await expectNoHorizontalScroll(page, 'after a run');
      await expectReachable(page, app.answer, 'the answer');
      // The longest text of a step: what the model saw, opened.
      const first = app.steps.first();
      await first.getByTestId('what-the-model-saw').locator('summary').click();
      await expectNoHorizontalScroll(page, 'prompt view open');
      await expectReachable(page, first.getByTestId('raw-output'), 'raw output');
      await expectReachable(page, app.stepsOf('caller').first().getByTestId('tool-args'), 'tool arguments');
      await expectReachable(page, app.runButton, 'Run after a run');

      const tools = await ToolsPage.open(page);
      await tools.newButton.click();
      await expectNoHorizontalScroll(page, 'tools tab, editor open');
      await expectReachable(page, tools.testRunButton, 'Save and test-run');
      await expectReachable(page, tools.enabled('calculator'), 'a tool switch');

      const saved = await SavedRunsPage.open(page);
      await expect(saved.runs).toHaveCount(1);
      await expectNoHorizontalScroll(page, 'saved runs tab');
      await expectReachable(page, saved.runs.getByRole('button').last(), 'Delete');
      await expectReachable(page, saved.exportTrainingButton, 'Export training data');

      await page.getByTestId('tab-eval').click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await expectNoHorizontalScroll(page, 'evaluate tab');

      await app.showRun();
      await expectReachable(page, app.answer, 'the answer, back on the run tab');
    });

    test('in Chinese too, nothing is wider than the window', async ({ page }) => {
      const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
      await app.switchLanguage('zh-CN');
      await expectNoHorizontalScroll(page, 'Chinese, first view');
      await app.runExample('miles-plus-km');
      await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
      await expectNoHorizontalScroll(page, 'Chinese, after a run');
      for (const tab of ['tab-tools', 'tab-history', 'tab-eval']) {
        await page.getByTestId(tab).click();
        await expectNoHorizontalScroll(page, `Chinese, ${tab}`);
      }
    });
  });
}

test.describe('phone: running', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('pressing Run brings the run view, below the form, into sight', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 0 });
    await app.example('circle-tiles').click();
    await app.runButton.scrollIntoViewIfNeeded();
    await expect(page.locator('#run-view')).not.toBeInViewport();
    await app.runButton.click();
    await expect(page.locator('#run-view')).toBeInViewport();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
  });
});

test.describe('projector: large text', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('one switch scales the whole page, nothing gets wider than the window, and it is remembered', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 0 });
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('17px');
    await page.getByTestId('large-text').check();
    expect(await rootSize()).toBe('21px');
    await app.runExample('circle-tiles');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
    await expectNoHorizontalScroll(page, 'large text, after a run');
    await page.reload();
    await expect(page.getByTestId('large-text')).toBeChecked();
    expect(await rootSize()).toBe('21px');
  });
});
