import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

async function seriousViolations(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('accessibility (axe)', () => {
  test('no serious or critical violations on the run view, after a run, in light and dark themes', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    expect(await seriousViolations(page)).toEqual([]);
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('no serious or critical violations with the tiny models: model cards, a real run, light and dark', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page, { engine: 'tiny' });
    await expect(page.getByTestId('tiny-card-glpft')).toBeVisible();
    for (const id of ['one-stage', 'shared', 'single'])
      await page.getByTestId(`tiny-card-${id}`).locator('summary').click();
    expect(await seriousViolations(page)).toEqual([]);
    await app.runExample('tiny-capital');
    await expect(app.outcome).not.toHaveAttribute('data-outcome', 'running', { timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('no serious or critical violations on the tools and saved-runs views', async ({ page }) => {
    await AppPage.open(page);
    await page.getByTestId('tab-tools').click();
    await page.getByTestId('tool-new').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('tab-history').click();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the main flow works from the keyboard with a visible focus', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    await page.getByTestId('example-shopping-total').focus();
    await page.keyboard.press('Enter');
    await expect(app.taskInput).toHaveValue(/notebooks/);
    await app.taskInput.focus();
    await page.keyboard.press('Control+Enter');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    // The answer shows before the final save; Run is enabled (focusable) only after it.
    await expect(app.runButton).toBeEnabled();
    await app.runButton.focus();
    await expect(app.runButton).toBeFocused();
    const outline = await app.runButton.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
