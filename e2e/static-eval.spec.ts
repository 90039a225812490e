import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { scoreCommand } from '../app/agent/eval/static/commands';
import { type PredictionRecord, scorePredictions } from '../app/agent/eval/static/metrics';
import { alphaUmiFixturePath } from '../app/test-support/fixtures';
import { AppPage } from './app-page';
import { jsonFile } from './downloads';
import { expect, expectAccessible, test } from './fixtures';
import { StaticEvalPage } from './static-eval-page';

const STAGE2 = alphaUmiFixturePath('raw_data_stage_2.json');
const PREDICTIONS = alphaUmiFixturePath('static-eval/predictions.json');
const expected = JSON.parse(
  readFileSync(alphaUmiFixturePath('static-eval/reference-metrics.json'), 'utf8'),
) as Record<string, number>;
const predictions = JSON.parse(readFileSync(PREDICTIONS, 'utf8')) as PredictionRecord[];

async function openStaticEval(page: Page, options: { clock?: boolean } = {}) {
  if (options.clock) await page.clock.install();
  await AppPage.open(page);
  return StaticEvalPage.open(page);
}

/** Loads the release's test trajectories and the predictions to replay on them. */
async function importFixtures(staticEval: StaticEvalPage) {
  await staticEval.importTestFile(STAGE2);
  await expect(staticEval.testSummary).toContainText('raw_data_stage_2.json: 20 trajectories → 79 samples');
  await staticEval.replaySource.check();
  await staticEval.importPredictions(PREDICTIONS);
  await expect(staticEval.replaySummary).toContainText('79 predictions ready to replay');
}

test.describe('static evaluation (α-UMi Table 1)', () => {
  test('replaying predictions.json on the fixture trajectories shows the reference metrics; the export scores the same', async ({
    page,
  }) => {
    const staticEval = await openStaticEval(page);
    // No models on this machine: choosing them says what to do.
    await expect(staticEval.noModels).toContainText('Models on your GPU');
    await importFixtures(staticEval);
    await staticEval.run();

    await expect(staticEval.results).toHaveAttribute('data-complete', 'true');
    await expect(staticEval.status).toHaveText('Complete: all 79 samples.');
    await expect(staticEval.progress).toHaveText('79 / 79 samples');
    await expect(staticEval.by).toHaveText('Predictions: scripted replay of predictions.json — not a model.');
    const shown = await staticEval.shownMetrics(Object.keys(expected));
    for (const [key, value] of Object.entries(expected)) {
      expect(shown[key]?.text, key).toBe(value.toFixed(4));
      expect(Math.abs(Number(shown[key]?.value) - value), key).toBeLessThan(1e-9);
    }
    await expect(staticEval.sampleRows).toHaveCount(79);
    await expect(staticEval.sampleRows.nth(37)).toContainText('not a listed tool');
    await expect(staticEval.sampleRows.first()).toHaveAttribute('data-plan-ok', 'false');

    const file = await staticEval.exportPredictions();
    expect(file.name).toBe('static-eval-predictions.json');
    // The replay writes the file it replayed, record for record, and the CLI scores it the same.
    expect(JSON.parse(file.text)).toEqual(predictions);
    const scored = scoreCommand(file.text);
    expect(scored.ok).toBe(true);
    const metrics = JSON.parse(scored.ok ? scored.stdout : '{}') as Record<string, number>;
    for (const [key, value] of Object.entries(expected)) {
      expect(Math.abs((metrics[key] ?? Number.NaN) - value), key).toBeLessThan(1e-9);
    }

    await expectAccessible(page, '[data-testid="static-eval"]');
  });

  test('a malformed test or predictions file is rejected with the record index, keeping what was loaded', async ({
    page,
  }) => {
    const staticEval = await openStaticEval(page);
    const trajectories = JSON.parse(readFileSync(STAGE2, 'utf8'));
    trajectories[3].conversations[2].from = 'robot';

    await staticEval.importTestFile(jsonFile('broken.json', trajectories));
    const notice = staticEval.notice;
    await expect(notice).toHaveText(
      'broken.json was not loaded (nothing changed): record [3]: conversations[2].from is “robot”; expected user, assistant, caller, observation or conclusion.',
    );
    await expect(staticEval.testSummary).toContainText('No test file yet');
    await expect(staticEval.runButton).toBeDisabled();

    await importFixtures(staticEval);
    await expect(notice).toHaveCount(0);
    await staticEval.importTestFile(jsonFile('broken.json', trajectories));
    await expect(notice).toContainText('record [3]');
    // The good file and its predictions are still loaded.
    await expect(staticEval.testSummary).toContainText('raw_data_stage_2.json: 20 trajectories');
    await expect(staticEval.replaySummary).toContainText('79 predictions');

    const swapped = [...predictions];
    [swapped[5], swapped[6]] = [swapped[6] as PredictionRecord, swapped[5] as PredictionRecord];
    await staticEval.importPredictions(jsonFile('other.json', swapped));
    await expect(notice).toContainText(
      'other.json was not loaded (nothing changed): record [5]: its reference differs',
    );
    const unscorable = predictions.map((p, i) => (i === 2 ? { ...p, predictions: 42 } : p));
    await staticEval.importPredictions(jsonFile('typed.json', unscorable));
    await expect(notice).toContainText('record [2]: “predictions” must be a string.');
    await expect(staticEval.replaySummary).toContainText('predictions.json: 79 predictions');
  });

  test('Stop keeps the finished samples and labels their metrics as partial', async ({ page }) => {
    const staticEval = await openStaticEval(page, { clock: true });
    await importFixtures(staticEval);
    // Freeze timers: the run pauses between samples (it yields to the page there).
    await page.clock.pauseAt(Date.now() + 60_000);
    await staticEval.run();
    await expect(staticEval.progress).toHaveText('1 / 79 samples');
    await staticEval.stop();
    await page.clock.runFor(1000);
    await page.clock.resume();

    await expect(staticEval.results).toHaveAttribute('data-complete', 'false');
    await expect(staticEval.status).toHaveText(
      '1 of 79 samples — partial, not comparable to the paper. Stopped by you.',
    );
    const partial = scorePredictions(predictions.slice(0, 1)).metrics;
    const shown = await staticEval.shownMetrics(Object.keys(expected));
    for (const [key, value] of Object.entries(partial)) {
      expect(shown[key]?.value, key).toBe(value === null ? 'null' : String(value));
    }
    const file = await staticEval.exportPredictions();
    expect(file.name).toBe('static-eval-predictions-partial-1-of-79.json');
  });
});
