import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for "predict, then reveal" on the Run tab. */
export class PredictPage {
  readonly toggle: Locator;
  readonly form: Locator;
  readonly reveal: Locator;
  readonly problem: Locator;
  readonly verdicts: Locator;
  readonly score: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('predict-mode');
    this.form = page.getByTestId('predict-form');
    this.reveal = page.getByTestId('predict-reveal');
    this.problem = page.getByTestId('predict-problem');
    this.verdicts = page.getByTestId('predict-verdict');
    this.score = page.getByTestId('predict-score');
  }

  option(value: string): Locator {
    return this.form.getByTestId(`predict-option-${value}`);
  }

  /** Picks a radio option and reveals with Enter (the keyboard path). */
  async chooseAndEnter(value: string) {
    await expect(this.form).toHaveAttribute('data-kind', /decision|tool/);
    await this.option(value).check();
    await this.option(value).press('Enter');
  }

  /** Types the answer and reveals with the button. */
  async answerAndReveal(text: string) {
    await expect(this.form).toHaveAttribute('data-kind', 'answer');
    await this.form.getByTestId('predict-answer').fill(text);
    await this.reveal.click();
  }

  /** The score card row of a kind: its "right / total" and its metric text. */
  scoreRow(kind: 'decision' | 'tool' | 'answer') {
    const row = this.score.getByTestId(`predict-score-${kind}`);
    return { right: row.getByTestId('predict-score-right'), metric: row.getByTestId('predict-score-metric') };
  }
}
