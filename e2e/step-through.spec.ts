import { AppPage } from './app-page';
import { expect, test } from './fixtures';

test('step-through: the run pauses at each turn; an edit to the call changes what the tool runs and is marked', async ({
  page,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.stepThrough.check();
  await app.runExample('miles-plus-km');

  // Paused after the planner: nothing else has started.
  const planner = app.stepsOf('planner').first();
  await expect(planner.getByTestId('review-box')).toBeVisible();
  await expect(app.stepsOf('caller')).toHaveCount(0);
  await planner.getByTestId('review-next').click();

  // Paused after the caller, before the tool: edit the call.
  const caller = app.stepsOf('caller').first();
  const text = caller.getByTestId('review-text');
  await expect(text).toHaveValue(/5 mi \+ 3 km/);
  await expect(caller.getByTestId('tool-call')).toHaveCount(0);
  await text.fill((await text.inputValue()).replace('5 mi', '6 mi'));
  await caller.getByTestId('review-next').click();
  await expect(caller.getByTestId('observation')).toContainText('12.656064 km');
  await expect(caller.getByTestId('edited')).toContainText('edited by you');

  // Go on to the end.
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('review-next').first().click();
  }
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
});

test('step-through: Stop while paused ends the run, keeping what was done', async ({ page }) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.stepThrough.check();
  await app.runExample('shopping-total');
  await expect(app.stepsOf('planner').first().getByTestId('review-box')).toBeVisible();
  await app.stopButton.click();
  await expect(app.outcome).toHaveAttribute('data-outcome', 'aborted');
  await expect(page.getByTestId('review-box')).toHaveCount(0);
  await expect(app.stepsOf('planner').first()).toHaveAttribute('data-status', 'done');
});
