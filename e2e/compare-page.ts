import type { Locator, Page } from '@playwright/test';
import { openEvaluate } from './evaluate-page';
import type { RunMode } from './suite-page';

const MODES: readonly RunMode[] = ['multi', 'shared', 'single'];

/** Page object for "compare modes" (Evaluate tab): one task, one column per mode. */
export class ComparePage {
  readonly view: Locator;
  readonly fromSuite: Locator;
  readonly fromTaskBox: Locator;
  readonly taskSelect: Locator;
  /** The task box's text, shown when the comparison takes its task from there. */
  readonly taskBox: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly notice: Locator;
  readonly busyNote: Locator;
  /** One per mode compared, in the order multi, shared, single. */
  readonly columns: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('compare-view');
    this.fromSuite = page.getByTestId('compare-source-suite');
    this.fromTaskBox = page.getByTestId('compare-source-task-box');
    this.taskSelect = page.getByTestId('compare-task-select');
    this.taskBox = page.getByTestId('compare-task-box');
    this.runButton = page.getByTestId('compare-run');
    this.stopButton = page.getByTestId('compare-stop');
    this.notice = page.getByTestId('compare-notice');
    this.busyNote = this.view.getByTestId('busy-note');
    this.columns = page.getByTestId('compare-column');
  }

  /** Opens the Evaluate tab at "compare modes". */
  static async open(page: Page): Promise<ComparePage> {
    await openEvaluate(page, 'compare');
    return new ComparePage(page);
  }

  column(index: number): Locator {
    return this.columns.nth(index);
  }

  mode(mode: RunMode): Locator {
    return this.page.getByTestId(`compare-mode-${mode}`);
  }

  /** Chooses exactly these modes. */
  async chooseModes(modes: readonly RunMode[]): Promise<void> {
    for (const mode of MODES) {
      if (modes.includes(mode)) await this.mode(mode).check();
      else await this.mode(mode).uncheck();
    }
  }

  /** Picks a suite task (the comparison's task comes from the suite by default). */
  async chooseSuiteTask(id: string): Promise<void> {
    await this.taskSelect.selectOption(id);
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }
}
