import { expect, type Page } from '@playwright/test';

export type EvaluateSection = 'compare' | 'suite' | 'static';

const SECTION_ROOT: Record<EvaluateSection, string> = {
  compare: 'compare-view',
  suite: 'suite-runner',
  static: 'static-eval',
};

/** Opens the Evaluate tab at one of its sections and waits until that section is shown. */
export async function openEvaluate(page: Page, section: EvaluateSection): Promise<void> {
  await page.getByTestId('tab-eval').click();
  await page.getByTestId(`eval-tab-${section}`).click();
  await expect(page.getByTestId(SECTION_ROOT[section])).toBeVisible();
}
