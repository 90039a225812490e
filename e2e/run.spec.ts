import { AppPage } from './app-page';
import { expect, test } from './fixtures';

test.describe('a scripted run, end to end', () => {
  test('runs an example: rationale, tool call with a real observation, answer', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 2 });
    await expect(app.engineLabel).toContainText('Scripted demo');
    await app.runExample('miles-plus-km');

    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    const planner = app.stepsOf('planner');
    await expect(planner).toHaveCount(2);
    await expect(planner.first().getByTestId('planner-thought')).toContainText('calculator');
    await expect(planner.first().getByTestId('decision-badge')).toHaveText('Next: caller');
    await expect(planner.nth(1).getByTestId('decision-badge')).toHaveText('Next: conclusion');

    const caller = app.stepsOf('caller').first();
    await expect(caller.getByTestId('tool-name')).toHaveText('calculator');
    await expect(caller.getByTestId('tool-args')).toContainText('"expression": "5 mi + 3 km in km"');
    // The observation comes from mathjs actually running, not from the script.
    await expect(caller.getByTestId('observation')).toContainText('11.04672 km');

    await expect(app.stepsOf('summarizer')).toHaveCount(1);
    await expect(app.answer).toContainText('11.04672 km');
    // Markdown is rendered (bold), not shown as asterisks.
    await expect(app.answer.locator('strong')).toContainText('11.04672 km');
    await expect(app.stepsOf('planner').first().getByTestId('usage')).toContainText('simulated');
    await expect(app.runEngine).toHaveAttribute('data-kind', 'scripted');
    // Choosing real models afterwards does not relabel the scripted run on screen.
    await app.selectEngine('webllm');
    await expect(app.engineLabel).toContainText('Models on your GPU');
    await expect(app.runEngine).toHaveAttribute('data-kind', 'scripted');
    await expect(app.runEngine).toContainText('text written in advance');
  });

  test('tokens stream in before the step finishes', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 60 });
    await app.runExample('shopping-total');
    const streaming = app.stepsOf('planner').first().getByTestId('streaming-text');
    await expect(streaming).toBeVisible();
    await expect(streaming).not.toHaveText('');
    await expect(app.stepsOf('planner').first()).toHaveAttribute('data-status', 'running');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
    await expect(app.answer).toContainText('$16.65');
  });

  test('Stop mid-run leaves a consistent, readable partial run', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 80 });
    await app.runExample('circle-tiles');
    // Wait until the first tool call has happened, then stop during the next planner turn.
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toBeVisible({ timeout: 30_000 });
    await expect(app.stepsOf('planner').nth(1)).toHaveAttribute('data-status', 'running');
    await app.stopButton.click();

    await expect(app.outcome).toHaveAttribute('data-outcome', 'aborted');
    await expect(app.runButton).toBeEnabled();
    await expect(app.stopButton).toBeDisabled();
    // Completed steps stay as they were; the interrupted one is marked stopped, nothing runs.
    await expect(app.stepsOf('planner').first()).toHaveAttribute('data-status', 'done');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText('mm^2');
    await expect(app.stepsOf('planner').nth(1)).toHaveAttribute('data-status', 'aborted');
    await expect(page.locator('[data-testid="step-card"][data-status="running"]')).toHaveCount(0);
    await expect(app.answer).toHaveCount(0);
    // Nothing more happens after Stop: a negative, so it can only be watched for a while.
    const count = await app.steps.count();
    await page.waitForTimeout(500);
    await expect(app.steps).toHaveCount(count);
  });

  test('a task the tools cannot do ends in a give-up', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    await app.runExample('weather-give-up');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'give_up');
    await expect(app.stepsOf('planner').first().getByTestId('decision-badge')).toHaveText('Next: give up');
    await expect(app.stepsOf('caller')).toHaveCount(0);
  });

  test('a tool error is fed back and the planner recovers', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    await app.runExample('furlong-recovery');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await expect(app.stepsOf('caller').first().getByTestId('observation')).toContainText('furlong');
    await expect(app.stepsOf('caller').nth(1).getByTestId('observation')).toContainText('1408.176 m');
  });

  for (const [mode, dialect] of [
    ['shared', 'chat'],
    ['single', 'chat'],
    ['multi', 'alpha-umi'],
    ['single', 'alpha-umi'],
  ] as const) {
    test(`runs in ${mode} mode with the ${dialect} dialect`, async ({ page }) => {
      const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
      await app.selectMode(mode);
      await app.selectDialect(dialect);
      await app.runExample('miles-plus-km');
      await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
      await expect(app.answer).toContainText('11.04672 km');
      if (mode === 'single') await expect(app.stepsOf('backbone')).toHaveCount(2);
      else await expect(app.stepsOf('caller')).toHaveCount(1);
      if (dialect === 'alpha-umi') {
        await app.steps.first().getByText('What the model saw').click();
        await expect(app.steps.first().locator('.prompt pre').first()).toContainText(
          'You have assess to the following apis',
        );
        // …and the raw output before parsing, marker included.
        await expect(app.steps.first().getByTestId('raw-output')).toContainText(
          mode === 'single' ? 'Action: calculator' : 'Next: caller.',
        );
      }
    });
  }

  test('a task with no script is answered honestly, not faked', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    await app.runTask('Write me a poem about the sea.');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'give_up');
    await expect(app.stepsOf('planner').first()).toContainText('scripted demo engine');
  });
});
