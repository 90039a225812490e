import type { Locator, Page } from '@playwright/test';
import { type Downloaded, downloadFrom } from './downloads';
import { openEvaluate } from './evaluate-page';

export type RunMode = 'multi' | 'shared' | 'single';
export interface SuiteTask {
  id: string;
  category: string;
}

const MODES: readonly RunMode[] = ['multi', 'shared', 'single'];

/** Page object for the task suite (Evaluate tab): pick tasks and modes, run, read the scores. */
export class SuitePage {
  readonly runner: Locator;
  readonly engineSelect: Locator;
  readonly scriptedNote: Locator;
  readonly busyNote: Locator;
  readonly selectedCount: Locator;
  readonly runCount: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly progress: Locator;
  readonly notice: Locator;
  /** One per finished run (task × mode). */
  readonly cells: Locator;
  /** One per configuration (mode, preset or tiny system). */
  readonly summaryRows: Locator;
  readonly chart: Locator;
  readonly chartBars: Locator;
  readonly mixedNote: Locator;
  /** Each configuration's settings, as a short hash (`#1a2b3c`). */
  readonly settingsTags: Locator;
  readonly taskPicker: Locator;
  readonly heldOutSet: Locator;
  readonly heldOutCount: Locator;

  constructor(readonly page: Page) {
    this.runner = page.getByTestId('suite-runner');
    this.engineSelect = page.getByTestId('lab-engine-select');
    this.scriptedNote = this.runner.getByTestId('lab-scripted-note');
    this.busyNote = this.runner.getByTestId('busy-note');
    this.selectedCount = page.getByTestId('suite-selected-count');
    this.runCount = page.getByTestId('suite-run-count');
    this.runButton = page.getByTestId('suite-run');
    this.stopButton = page.getByTestId('suite-stop');
    this.progress = page.getByTestId('suite-progress');
    this.notice = page.getByTestId('suite-notice');
    this.cells = page.getByTestId('suite-cell');
    this.summaryRows = page.getByTestId('suite-summary-row');
    this.chart = page.getByTestId('suite-chart');
    this.chartBars = page.getByTestId('suite-chart-bar');
    this.mixedNote = page.getByTestId('suite-mixed-note');
    this.settingsTags = page.locator('.suite-settings-tag');
    this.taskPicker = page.getByTestId('suite-task-picker');
    this.heldOutSet = page.getByTestId('suite-set-held-out');
    this.heldOutCount = page.getByTestId('suite-held-out-count');
  }

  /** Opens the Evaluate tab at the task suite. */
  static async open(page: Page): Promise<SuitePage> {
    await openEvaluate(page, 'suite');
    return new SuitePage(page);
  }

  /** The result of one task under one mode. */
  cell(taskId: string, mode: RunMode): Locator {
    return this.page.locator(`[data-testid="suite-cell"][data-task="${taskId}"][data-mode="${mode}"]`);
  }

  /** A mode's checkbox (scripted engine). */
  mode(mode: RunMode): Locator {
    return this.page.getByTestId(`suite-mode-${mode}`);
  }

  /** A preset (GPU engine): its checkbox, its label and the line that says what it loads. */
  preset(choice: string): { box: Locator; label: Locator; plan: Locator } {
    const box = this.page.getByTestId(`suite-choice-${choice}`);
    return {
      box,
      label: this.page.locator('.suite-preset', { has: box }).locator('label'),
      plan: this.page.getByTestId(`suite-plan-${choice}`),
    };
  }

  /** A tiny system's checkbox (tiny engine). */
  tinySystem(system: string): Locator {
    return this.page.getByTestId(`suite-tiny-${system}`);
  }

  async selectAllTasks(): Promise<void> {
    await this.runner.getByRole('button', { name: 'All', exact: true }).click();
  }

  async selectNoTasks(): Promise<void> {
    await this.runner.getByRole('button', { name: 'None', exact: true }).click();
  }

  async selectOneOfEachCategory(): Promise<void> {
    await this.runner.getByRole('button', { name: 'One of each category' }).click();
  }

  /** Ticks these tasks, opening their category's list; the tasks already chosen stay chosen. */
  async tickTasks(tasks: readonly SuiteTask[]): Promise<void> {
    for (const { id, category } of tasks) {
      const details = this.runner
        .locator('.suite-category', { has: this.page.getByTestId(`suite-category-${category}`) })
        .locator('details');
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
        await details.locator('summary').click();
      await this.page.getByTestId(`suite-task-${id}`).check();
    }
  }

  /** Chooses exactly these tasks. */
  async chooseTasks(tasks: readonly SuiteTask[]): Promise<void> {
    await this.selectNoTasks();
    await this.tickTasks(tasks);
  }

  /** Chooses exactly these modes (scripted engine). */
  async chooseModes(modes: readonly RunMode[]): Promise<void> {
    for (const mode of MODES) {
      if (modes.includes(mode)) await this.mode(mode).check();
      else await this.mode(mode).uncheck();
    }
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }

  /** Exports the results as CSV. */
  exportCsv(): Promise<Downloaded> {
    return downloadFrom(this.page.getByTestId('suite-export-csv'));
  }
}
