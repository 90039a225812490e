import { expect, type Locator, type Page, test } from '@playwright/test';
import { AppPage } from './app-page';

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
      const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
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
      await expectReachable(page, page.getByTestId('example-miles-plus-km'), 'an example');
      await expectReachable(page, page.getByTestId('mode-select'), 'mode');

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
      const panel = page.getByTestId('model-panel');
      await expectReachable(page, panel.locator('h2'), 'model panel');
      const load = page.getByTestId('load-models');
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

      await page.getByTestId('tab-tools').click();
      await page.getByTestId('tool-new').click();
      await expectNoHorizontalScroll(page, 'tools tab, editor open');
      await expectReachable(page, page.getByTestId('tool-test-run'), 'Save and test-run');
      await expectReachable(page, page.getByTestId('tool-enabled-calculator'), 'a tool switch');

      await page.getByTestId('tab-history').click();
      await expect(page.getByTestId('saved-run')).toHaveCount(1);
      await expectNoHorizontalScroll(page, 'saved runs tab');
      await expectReachable(page, page.getByTestId('saved-run').getByRole('button').last(), 'Delete');
      await expectReachable(page, page.getByTestId('export-training'), 'Export training data');

      await page.getByTestId('tab-eval').click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await expectNoHorizontalScroll(page, 'evaluate tab');

      await page.getByTestId('tab-run').click();
      await expectReachable(page, app.answer, 'the answer, back on the run tab');
      expect(errors).toEqual([]);
    });

    test('in Chinese too, nothing is wider than the window', async ({ page }) => {
      const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
      await app.switchLanguage('zh-CN');
      await expectNoHorizontalScroll(page, 'Chinese, first view');
      await app.runExample('miles-plus-km');
      await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
      await expectNoHorizontalScroll(page, 'Chinese, after a run');
      for (const tab of ['tab-tools', 'tab-history', 'tab-eval']) {
        await page.getByTestId(tab).click();
        await expectNoHorizontalScroll(page, `Chinese, ${tab}`);
      }
      expect(errors).toEqual([]);
    });
  });
}

test.describe('phone: running', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('pressing Run brings the run view, below the form, into sight', async ({ page }) => {
    const { app, errors } = await AppPage.open(page, { tokenDelayMs: 0 });
    await page.getByTestId('example-circle-tiles').click();
    await app.runButton.scrollIntoViewIfNeeded();
    await expect(page.locator('#run-view')).not.toBeInViewport();
    await app.runButton.click();
    await expect(page.locator('#run-view')).toBeInViewport();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});

test.describe('projector: large text', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('one switch scales the whole page, nothing gets wider than the window, and it is remembered', async ({
    page,
  }) => {
    const { app, errors } = await AppPage.open(page, { tokenDelayMs: 0 });
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
    expect(errors).toEqual([]);
  });
});
