import { expect, test } from '@playwright/test';
import { TINY_EXAMPLES } from '../app/llm/tiny/examples';
import { AppPage } from './app-page';

/**
 * The built-in tiny α-UMi models, for real, in Chromium without WebGPU: the page's default
 * engine loads the committed ONNX models in workers (onnxruntime-web, WebAssembly) and solves
 * the example tasks. Assertions are on behaviour — the tool called, its arguments, the tool's
 * result in the answer — not on exact model text.
 */
test.describe('tiny α-UMi (built in), no GPU', () => {
  test('is the default engine and solves the example tasks with the real tools', async ({ page }) => {
    test.setTimeout(180_000);
    const { app, errors } = await AppPage.open(page, { engine: 'default' });
    await expect(page.getByTestId('engine-select')).toHaveValue('tiny');
    await expect(page.getByTestId('engine-label')).toContainText('Tiny α-UMi');
    await expect(page.getByTestId('dialect-select')).toHaveValue('alpha-umi');
    await expect(page.getByTestId('dialect-select')).toBeDisabled();
    await expect(page.getByTestId('tiny-card-glpft')).toHaveAttribute('open', '');

    for (const example of TINY_EXAMPLES) {
      await app.runExample(example.id);
      await expect(app.outcome).not.toHaveAttribute('data-outcome', 'running', { timeout: 60_000 });
      await expect(app.runButton).toBeEnabled();
      const planner = app.stepsOf('planner').first();
      await expect(planner).toContainText('Tiny α-UMi planner');
      // Real numbers, measured: no "simulated" label on a real model's usage.
      await expect(planner.getByTestId('usage')).not.toContainText('simulated');
      if (!example.tool) {
        await expect(app.outcome, example.id).toHaveAttribute('data-outcome', 'give_up');
        await expect(app.stepsOf('caller')).toHaveCount(0);
        continue;
      }
      await expect(app.outcome, example.id).toHaveAttribute('data-outcome', 'answer');
      const caller = app.stepsOf('caller').first();
      await expect(caller.getByTestId('tool-name'), example.id).toHaveText(example.tool);
      if (example.expect) {
        await expect(caller.getByTestId('observation'), example.id).toContainText(example.expect);
        await expect(app.answer, example.id).toContainText(example.expect);
      }
    }
    await expect(page.getByTestId('run-engine')).toHaveAttribute('data-kind', 'tiny');
    expect(errors).toEqual([]);
  });

  test('the arguments come from the task: the caller copies the numbers it was given', async ({ page }) => {
    const { app, errors } = await AppPage.open(page, { engine: 'tiny' });
    await app.taskInput.fill('What is 7305 * 86?');
    await app.runButton.click();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 60_000 });
    const caller = app.stepsOf('caller').first();
    await expect(caller.getByTestId('tool-name')).toHaveText('calculator');
    await expect(caller.getByTestId('tool-args')).toContainText('7305 * 86');
    await expect(caller.getByTestId('observation')).toContainText('628230');
    await expect(app.answer).toContainText('628230');
    expect(errors).toEqual([]);
  });

  test('a missing model file ends the run with a clear error and keeps the run', async ({ page }) => {
    await page.route('**/tiny/glpft/caller.onnx', (route) => route.fulfill({ status: 404, body: 'missing' }));
    const { app } = await AppPage.open(page, { engine: 'tiny' });
    await app.runExample('tiny-multiply');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'error', { timeout: 60_000 });
    await expect(page.getByTestId('tiny-error')).toContainText('TinyLoadError');
    await expect(page.getByTestId('tiny-error')).toContainText('caller.onnx');
    await expect(page.locator('#run-view')).toContainText('404');
  });
});
