import type { Locator, Page } from '@playwright/test';
import { type Downloaded, downloadFrom } from './downloads';
import { openEvaluate } from './evaluate-page';

type Files = Parameters<Locator['setInputFiles']>[0];

/** Page object for the static evaluation (Evaluate tab): the paper's Table 1 metrics. */
export class StaticEvalPage {
  readonly root: Locator;
  /** What the models to evaluate are, or (none loaded) what to do. */
  readonly models: Locator;
  readonly noModels: Locator;
  readonly testSummary: Locator;
  readonly replaySource: Locator;
  readonly replaySummary: Locator;
  readonly notice: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly progress: Locator;
  /** `data-complete` says whether every sample was scored. */
  readonly results: Locator;
  readonly status: Locator;
  /** Who made the predictions. */
  readonly by: Locator;
  readonly sampleRows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('static-eval');
    this.models = page.getByTestId('static-models');
    this.noModels = page.getByTestId('static-no-models');
    this.testSummary = page.getByTestId('static-test-summary');
    this.replaySource = page.getByTestId('static-source-replay');
    this.replaySummary = page.getByTestId('static-replay-summary');
    this.notice = page.getByTestId('static-notice');
    this.runButton = page.getByTestId('static-run');
    this.stopButton = page.getByTestId('static-stop');
    this.progress = page.getByTestId('static-progress');
    this.results = page.getByTestId('static-results');
    this.status = page.getByTestId('static-status');
    this.by = page.getByTestId('static-by');
    this.sampleRows = page.getByTestId('static-sample-row');
  }

  /** Opens the Evaluate tab at the static evaluation. */
  static async open(page: Page): Promise<StaticEvalPage> {
    await openEvaluate(page, 'static');
    return new StaticEvalPage(page);
  }

  /** A metric's cell: its text is rounded, `data-value` is the number. */
  metric(key: string): Locator {
    return this.page.getByTestId(`static-metric-${key}`);
  }

  /** Each metric as shown: text and `data-value`. */
  async shownMetrics(
    keys: readonly string[],
  ): Promise<Record<string, { text: string; value: string | null }>> {
    const shown: Record<string, { text: string; value: string | null }> = {};
    for (const key of keys) {
      const cell = this.metric(key);
      shown[key] = { text: (await cell.textContent()) ?? '', value: await cell.getAttribute('data-value') };
    }
    return shown;
  }

  /** Imports the test trajectories (the release's raw_data_stage_2.json format). */
  async importTestFile(files: Files): Promise<void> {
    await this.page.getByTestId('static-import-test').setInputFiles(files);
  }

  /** Imports predictions to replay (the predictions source must be chosen). */
  async importPredictions(files: Files): Promise<void> {
    await this.page.getByTestId('static-import-predictions').setInputFiles(files);
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }

  /** Exports the predictions of the run, as the CLI scores them. */
  exportPredictions(): Promise<Downloaded> {
    return downloadFrom(this.page.getByTestId('static-export'));
  }
}
