import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the side-by-side view of two runs (issue 15, item 1), a modal dialog. */
export class SideBySidePage {
  readonly dialog: Locator;
  /** The line at the top: `data-kind` (the first difference, or `same`), `data-step` (its row). */
  readonly summary: Locator;
  /** One per aligned step; `data-kind` pair or gap, `data-differs` the kinds that differ. */
  readonly rows: Locator;
  /** "No step here" cells; `data-side` left (run A) or right (run B). */
  readonly gaps: Locator;
  readonly closeButton: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('side-by-side');
    this.summary = this.dialog.getByTestId('sbs-summary');
    this.rows = this.dialog.getByTestId('sbs-row');
    this.gaps = this.dialog.getByTestId('sbs-gap');
    this.closeButton = this.dialog.getByTestId('sbs-close');
  }

  /** Waits for the view, opened by `open` (a click on a Side by side button). */
  static async opened(page: Page): Promise<SideBySidePage> {
    const view = new SideBySidePage(page);
    await expect(view.dialog).toBeVisible();
    return view;
  }

  row(step: number): Locator {
    return this.rows.nth(step - 1);
  }

  cell(step: number, side: 'left' | 'right'): Locator {
    return this.row(step).locator(`[data-side="${side}"]`);
  }

  /** True when nothing in the view (or the page) scrolls sideways. */
  async overflowsSideways(): Promise<boolean> {
    return this.dialog.evaluate(
      (d) =>
        d.scrollWidth > d.clientWidth + 1 ||
        document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    );
  }
}
