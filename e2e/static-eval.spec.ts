import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { scoreCommand } from '../app/agent/eval/static/commands';
import { type PredictionRecord, scorePredictions } from '../app/agent/eval/static/metrics';
import { alphaUmiFixturePath } from '../app/test-support/fixtures';
import { AppPage } from './app-page';

const STAGE2 = alphaUmiFixturePath('raw_data_stage_2.json');
const PREDICTIONS = alphaUmiFixturePath('static-eval/predictions.json');
const expected = JSON.parse(
  readFileSync(alphaUmiFixturePath('static-eval/reference-metrics.json'), 'utf8'),
) as Record<string, number>;
const predictions = JSON.parse(readFileSync(PREDICTIONS, 'utf8')) as PredictionRecord[];

async function openStaticEval(page: Page, options: { clock?: boolean } = {}) {
  if (options.clock) await page.clock.install();
  const opened = await AppPage.open(page);
  await page.getByTestId('tab-eval').click();
  await page.getByTestId('eval-tab-static').click();
  await expect(page.getByTestId('static-eval')).toBeVisible();
  return opened;
}

async function importFixtures(page: Page) {
  await page.getByTestId('static-import-test').setInputFiles(STAGE2);
  await expect(page.getByTestId('static-test-summary')).toContainText(
    'raw_data_stage_2.json: 20 trajectories → 79 samples',
  );
  await page.getByTestId('static-source-replay').check();
  await page.getByTestId('static-import-predictions').setInputFiles(PREDICTIONS);
  await expect(page.getByTestId('static-replay-summary')).toContainText('79 predictions ready to replay');
}

async function shownMetrics(page: Page) {
  const shown: Record<string, { text: string; value: string | null }> = {};
  for (const key of Object.keys(expected)) {
    const cell = page.getByTestId(`static-metric-${key}`);
    shown[key] = { text: (await cell.textContent()) ?? '', value: await cell.getAttribute('data-value') };
  }
  return shown;
}

test.describe('static evaluation (α-UMi Table 1)', () => {
  test('replaying predictions.json on the fixture trajectories shows the reference metrics; the export scores the same', async ({
    page,
  }) => {
    const { errors } = await openStaticEval(page);
    // No models on this machine: choosing them says what to do.
    await expect(page.getByTestId('static-no-models')).toContainText('Models on your GPU');
    await importFixtures(page);
    await page.getByTestId('static-run').click();

    const results = page.getByTestId('static-results');
    await expect(results).toHaveAttribute('data-complete', 'true');
    await expect(page.getByTestId('static-status')).toHaveText('Complete: all 79 samples.');
    await expect(page.getByTestId('static-progress')).toHaveText('79 / 79 samples');
    await expect(page.getByTestId('static-by')).toHaveText(
      'Predictions: scripted replay of predictions.json — not a model.',
    );
    const shown = await shownMetrics(page);
    for (const [key, value] of Object.entries(expected)) {
      expect(shown[key]?.text, key).toBe(value.toFixed(4));
      expect(Math.abs(Number(shown[key]?.value) - value), key).toBeLessThan(1e-9);
    }
    await expect(page.getByTestId('static-sample-row')).toHaveCount(79);
    await expect(page.getByTestId('static-sample-row').nth(37)).toContainText('not a listed tool');
    await expect(page.getByTestId('static-sample-row').first()).toHaveAttribute('data-plan-ok', 'false');

    const download = page.waitForEvent('download');
    await page.getByTestId('static-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('static-eval-predictions.json');
    const text = readFileSync(await file.path(), 'utf8');
    // The replay writes the file it replayed, record for record, and the CLI scores it the same.
    expect(JSON.parse(text)).toEqual(predictions);
    const scored = scoreCommand(text);
    expect(scored.ok).toBe(true);
    const metrics = JSON.parse(scored.ok ? scored.stdout : '{}') as Record<string, number>;
    for (const [key, value] of Object.entries(expected)) {
      expect(Math.abs((metrics[key] ?? Number.NaN) - value), key).toBeLessThan(1e-9);
    }

    const axe = await new AxeBuilder({ page }).include('[data-testid="static-eval"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('a malformed test or predictions file is rejected with the record index, keeping what was loaded', async ({
    page,
  }) => {
    const { errors } = await openStaticEval(page);
    const trajectories = JSON.parse(readFileSync(STAGE2, 'utf8'));
    trajectories[3].conversations[2].from = 'robot';
    const bad = (name: string, data: unknown) => ({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(data)),
    });

    await page.getByTestId('static-import-test').setInputFiles(bad('broken.json', trajectories));
    const notice = page.getByTestId('static-notice');
    await expect(notice).toHaveText(
      'broken.json was not loaded (nothing changed): record [3]: conversations[2].from is “robot”; expected user, assistant, caller, observation or conclusion.',
    );
    await expect(page.getByTestId('static-test-summary')).toContainText('No test file yet');
    await expect(page.getByTestId('static-run')).toBeDisabled();

    await importFixtures(page);
    await expect(notice).toHaveCount(0);
    await page.getByTestId('static-import-test').setInputFiles(bad('broken.json', trajectories));
    await expect(notice).toContainText('record [3]');
    // The good file and its predictions are still loaded.
    await expect(page.getByTestId('static-test-summary')).toContainText(
      'raw_data_stage_2.json: 20 trajectories',
    );
    await expect(page.getByTestId('static-replay-summary')).toContainText('79 predictions');

    const swapped = [...predictions];
    [swapped[5], swapped[6]] = [swapped[6] as PredictionRecord, swapped[5] as PredictionRecord];
    await page.getByTestId('static-import-predictions').setInputFiles(bad('other.json', swapped));
    await expect(notice).toContainText(
      'other.json was not loaded (nothing changed): record [5]: its reference differs',
    );
    const unscorable = predictions.map((p, i) => (i === 2 ? { ...p, predictions: 42 } : p));
    await page.getByTestId('static-import-predictions').setInputFiles(bad('typed.json', unscorable));
    await expect(notice).toContainText('record [2]: “predictions” must be a string.');
    await expect(page.getByTestId('static-replay-summary')).toContainText('predictions.json: 79 predictions');
    expect(errors).toEqual([]);
  });

  test('Stop keeps the finished samples and labels their metrics as partial', async ({ page }) => {
    const { errors } = await openStaticEval(page, { clock: true });
    await importFixtures(page);
    // Freeze timers: the run pauses between samples (it yields to the page there).
    await page.clock.pauseAt(Date.now() + 60_000);
    await page.getByTestId('static-run').click();
    await expect(page.getByTestId('static-progress')).toHaveText('1 / 79 samples');
    await page.getByTestId('static-stop').click();
    await page.clock.runFor(1000);
    await page.clock.resume();

    const results = page.getByTestId('static-results');
    await expect(results).toHaveAttribute('data-complete', 'false');
    await expect(page.getByTestId('static-status')).toHaveText(
      '1 of 79 samples — partial, not comparable to the paper. Stopped by you.',
    );
    const partial = scorePredictions(predictions.slice(0, 1)).metrics;
    const shown = await shownMetrics(page);
    for (const [key, value] of Object.entries(partial)) {
      expect(shown[key]?.value, key).toBe(value === null ? 'null' : String(value));
    }
    const download = page.waitForEvent('download');
    await page.getByTestId('static-export').click();
    expect((await download).suggestedFilename()).toBe('static-eval-predictions-partial-1-of-79.json');
    expect(errors).toEqual([]);
  });
});
