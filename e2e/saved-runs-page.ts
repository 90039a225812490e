import { expect, type Locator, type Page } from '@playwright/test';
import { type Downloaded, downloadFrom, jsonFile } from './downloads';

/** Page object for the "Saved runs" tab: runs kept in IndexedDB, import, export, replay. */
export class SavedRunsPage {
  readonly panel: Locator;
  /** One per saved run, newest first; `data-status` and `data-outcome` say how it ended. */
  readonly runs: Locator;
  readonly importMessage: Locator;
  readonly replaySpeed: Locator;
  readonly exportTrainingButton: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('history-panel');
    this.runs = page.getByTestId('saved-run');
    this.importMessage = page.getByTestId('import-trace-message');
    this.replaySpeed = page.getByTestId('replay-speed');
    this.exportTrainingButton = page.getByTestId('export-training');
  }

  /** Opens the Saved runs tab. */
  static async open(page: Page): Promise<SavedRunsPage> {
    await page.getByTestId('tab-history').click();
    const saved = new SavedRunsPage(page);
    await expect(saved.panel).toBeVisible();
    return saved;
  }

  /** The saved run whose row mentions `text` (its title, say). */
  run(text: string): Locator {
    return this.runs.filter({ hasText: text });
  }

  /** Opens a saved run in the Run tab. */
  async openRun(run: Locator): Promise<void> {
    await run.getByTestId('saved-run-open').click();
  }

  /** Replays a saved run in the Run tab, at the speed chosen. */
  async replayRun(run: Locator): Promise<void> {
    await run.getByTestId('saved-run-replay').click();
  }

  /** Exports one saved run as a trace file. */
  exportRun(run: Locator): Promise<Downloaded> {
    return downloadFrom(run.getByTestId('saved-run-export'));
  }

  /** Exports the run on the Run tab (saved or not). */
  exportCurrent(): Promise<Downloaded> {
    return downloadFrom(this.page.getByTestId('export-current'));
  }

  /** Imports a trace file: an object is written as JSON, a string as it is. */
  async importTrace(name: string, content: unknown): Promise<void> {
    await this.page.getByTestId('import-trace-file').setInputFiles(jsonFile(name, content));
  }
}
