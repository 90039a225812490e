import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('without WebGPU: a panel says what to do, and the scripted demo still runs a task', async ({ page }) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  const panel = page.getByTestId('no-webgpu-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Chrome');
  await expect(panel).toContainText('scripted demo');
  // Real models cannot be chosen; the scripted demo can.
  await expect(page.locator('[data-testid="engine-select"] option[value="webllm"]')).toBeDisabled();
  await page.getByTestId('use-scripted').click();
  await expect(page.getByTestId('engine-select')).toHaveValue('scripted');

  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(app.answer).toContainText('11.04672 km');
  const probe = await page.evaluate(() => window.umi.gpu.probe());
  expect(probe.ok).toBe(false);
  expect(errors).toEqual([]);
});
