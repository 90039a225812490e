import { expect, type Locator, type Page } from '@playwright/test';
import { ModelsPanel, TinyModelsPanel } from './models-panel';

/**
 * Page object for the main page and its Run tab: tests speak in user actions, not selectors.
 * The side panel's models are `models` (GPU engine) and `tinyModels` (tiny engine); the other
 * tabs have their own page objects (ToolsPage, SavedRunsPage, SuitePage, ComparePage,
 * StaticEvalPage).
 */
export class AppPage {
  readonly taskInput: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly steps: Locator;
  /** `data-outcome`: running, answer, give_up, step_limit, aborted, error. */
  readonly outcome: Locator;
  readonly answer: Locator;
  readonly engineSelect: Locator;
  /** The banner that says which engine runs use. */
  readonly engineLabel: Locator;
  /** What made the run shown (`data-kind`: scripted, tiny, webllm), whatever is chosen now. */
  readonly runEngine: Locator;
  readonly runError: Locator;
  readonly modeSelect: Locator;
  readonly dialectSelect: Locator;
  readonly stepThrough: Locator;
  /** A tiny model that could not load (shown by the task form). */
  readonly tinyError: Locator;
  readonly models: ModelsPanel;
  readonly tinyModels: TinyModelsPanel;

  constructor(readonly page: Page) {
    this.taskInput = page.getByTestId('task-input');
    this.runButton = page.getByTestId('run-button');
    this.stopButton = page.getByTestId('stop-button');
    this.steps = page.getByTestId('step-card');
    this.outcome = page.getByTestId('run-outcome');
    this.answer = page.getByTestId('answer');
    this.engineSelect = page.getByTestId('engine-select');
    this.engineLabel = page.getByTestId('engine-label');
    this.runEngine = page.getByTestId('run-engine');
    this.runError = page.getByTestId('run-error');
    this.modeSelect = page.getByTestId('mode-select');
    this.dialectSelect = page.getByTestId('dialect-select');
    this.stepThrough = page.getByTestId('step-through');
    this.tinyError = page.getByTestId('tiny-error');
    this.models = new ModelsPanel(page);
    this.tinyModels = new TinyModelsPanel(page);
  }

  /**
   * Opens the page. `errors` collects its console errors and page errors from here on, for the
   * specs that still assert on them; the `pageErrors` fixture (fixtures.ts) checks every test's
   * console whether they do or not. Tests run
   * the scripted engine unless they ask for another (`engine: 'default'` leaves the page's own
   * default): its text is known in advance, so they can assert on it.
   */
  static async open(
    page: Page,
    {
      tokenDelayMs,
      engine = 'scripted',
    }: { tokenDelayMs?: number; engine?: 'scripted' | 'tiny' | 'default' } = {},
  ) {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    if (tokenDelayMs !== undefined || engine !== 'default') {
      await page.addInitScript(
        ({ delay, engine }) => {
          const key = 'umi-lab.settings';
          const saved = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":2}');
          // Only on the first load of the test: a reload keeps what the test changed.
          if (sessionStorage.getItem('umi-e2e-seeded')) return;
          sessionStorage.setItem('umi-e2e-seeded', '1');
          if (delay !== undefined) saved.state.scriptedTokenDelayMs = delay;
          if (engine !== 'default') saved.state.engine = engine;
          localStorage.setItem(key, JSON.stringify(saved));
        },
        { delay: tokenDelayMs, engine },
      );
    }
    await page.goto('/');
    const app = new AppPage(page);
    await expect(app.runButton).toBeVisible();
    return { app, errors };
  }

  stepsOf(role: 'planner' | 'caller' | 'summarizer' | 'backbone') {
    return this.page.locator(`[data-testid="step-card"][data-role="${role}"]`);
  }

  /** An example task's button. */
  example(id: string): Locator {
    return this.page.getByTestId(`example-${id}`);
  }

  /** Picks an example and runs it; returns once the new run is on the page (not the last one's outcome). */
  async runExample(id: string) {
    await this.example(id).click();
    await this.startRun();
  }

  /** Types a task and runs it; returns once the new run is on the page. */
  async runTask(task: string) {
    await this.taskInput.fill(task);
    await this.startRun();
  }

  /**
   * Presses Run and waits until the page shows the run it started: until then the outcome on
   * screen is the previous run's, and a test that read it would read a finished run.
   */
  private async startRun() {
    const before = (await this.outcome.count()) > 0 ? await this.outcome.getAttribute('data-run-id') : null;
    await this.runButton.click();
    if (before) await expect(this.outcome).not.toHaveAttribute('data-run-id', before, { timeout: 60_000 });
    else await expect(this.outcome).toHaveAttribute('data-run-id', /./, { timeout: 60_000 });
  }

  /** Back to the Run tab from another tab. */
  async showRun() {
    const tab = this.page.getByTestId('tab-run');
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  async selectEngine(engine: 'scripted' | 'tiny' | 'webllm') {
    await this.engineSelect.selectOption(engine);
  }

  async selectMode(mode: 'multi' | 'shared' | 'single') {
    await this.modeSelect.selectOption(mode);
  }

  async selectDialect(dialect: 'chat' | 'alpha-umi') {
    await this.dialectSelect.selectOption(dialect);
  }

  /** Switches the interface language and waits until the page says it is in that language. */
  async switchLanguage(locale: 'en' | 'zh-CN') {
    await this.page.getByTestId('language').selectOption(locale);
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }
}
