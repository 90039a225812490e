import { AppPage } from './app-page';
import { expect, test } from './fixtures';

test('without WebGPU: a panel says what to do, and the scripted demo still runs a task', async ({ page }) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  const panel = app.models.noWebGpu;
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Chrome');
  await expect(panel).toContainText('scripted demo');
  // Real models cannot be chosen; the scripted demo can.
  await expect(app.engineSelect.locator('option[value="webllm"]')).toBeDisabled();
  await app.models.useScriptedButton.click();
  await expect(app.engineSelect).toHaveValue('scripted');

  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(app.answer).toContainText('11.04672 km');
  const probe = await page.evaluate(() => window.umi.gpu.probe());
  expect(probe.ok).toBe(false);
});
