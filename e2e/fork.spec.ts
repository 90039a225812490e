import { AppPage } from './app-page';
import { expect, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';

test('fork from step k: the first k steps are kept, the run goes on from there', async ({ page }) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('circle-tiles');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  // The trace says what made it: a Run-tab run of this page; scripted, so no WebLLM and no GPU.
  const provenance = page.getByTestId('run-provenance');
  await expect(provenance).toHaveAttribute('data-origin', 'run');
  await expect(provenance).toContainText(/umi-lab \d+\.\d+\.\d+$/);
  const firstObservation = await app.stepsOf('caller').first().getByTestId('observation').textContent();

  // Fork at the second planner turn (step 2).
  await app.stepsOf('planner').nth(1).getByTestId('fork-here').click();
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(page.getByTestId('carried-over')).toHaveCount(2);
  await expect(app.stepsOf('caller').first().getByTestId('observation')).toHaveText(firstObservation ?? '');
  await expect(app.stepsOf('planner').nth(1).getByTestId('carried-over')).toHaveCount(0);
  await expect(app.answer).toContainText('353.7');
  await expect(provenance).toHaveAttribute('data-origin', 'fork');
  await expect(provenance).toContainText('a fork of an earlier run');
  // Both runs are kept.
  const saved = await SavedRunsPage.open(page);
  await expect(saved.runs).toHaveCount(2);
});
