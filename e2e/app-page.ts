import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the main page: tests speak in user actions, not selectors. */
export class AppPage {
  readonly taskInput: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly steps: Locator;
  readonly outcome: Locator;
  readonly answer: Locator;

  constructor(readonly page: Page) {
    this.taskInput = page.getByTestId('task-input');
    this.runButton = page.getByTestId('run-button');
    this.stopButton = page.getByTestId('stop-button');
    this.steps = page.getByTestId('step-card');
    this.outcome = page.getByTestId('run-outcome');
    this.answer = page.getByTestId('answer');
  }

  /**
   * Collects console errors and page errors so a test can assert there were none. Tests run
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

  async runExample(id: string) {
    await this.page.getByTestId(`example-${id}`).click();
    await this.runButton.click();
  }

  async selectMode(mode: 'multi' | 'shared' | 'single') {
    await this.page.getByTestId('mode-select').selectOption(mode);
  }

  async selectDialect(dialect: 'chat' | 'alpha-umi') {
    await this.page.getByTestId('dialect-select').selectOption(dialect);
  }

  /** Switches the interface language and waits until the page says it is in that language. */
  async switchLanguage(locale: 'en' | 'zh-CN') {
    await this.page.getByTestId('language').selectOption(locale);
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }
}
