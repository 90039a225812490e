import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

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
    await page.waitForTimeout(400); // the trace is saved at most every 250 ms while it grows
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
