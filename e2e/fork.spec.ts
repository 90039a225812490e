import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('fork from step k: the first k steps are kept, the run goes on from there', async ({ page }) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('circle-tiles');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  const firstObservation = await app.stepsOf('caller').first().getByTestId('observation').textContent();

  // Fork at the second planner turn (step 2).
  await app.stepsOf('planner').nth(1).getByTestId('fork-here').click();
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(page.getByTestId('carried-over')).toHaveCount(2);
  await expect(app.stepsOf('caller').first().getByTestId('observation')).toHaveText(firstObservation ?? '');
  await expect(app.stepsOf('planner').nth(1).getByTestId('carried-over')).toHaveCount(0);
  await expect(app.answer).toContainText('353.7');
  // Both runs are kept.
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('saved-run')).toHaveCount(2);
  expect(errors).toEqual([]);
});
