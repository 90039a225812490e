import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * The specs' `test`: Playwright's, with two fixtures every spec gets.
 *
 * - `pageErrors` (automatic): every console error and uncaught page error of the test. A test
 *   that passes with one fails at its end, naming it. A test that provokes errors on purpose
 *   (a refused file, a disconnected network) lists what it expects with
 *   `test.use(expectConsoleErrors(/pattern/, …))`.
 * - `axe`: runs axe-core on the page (or a part of it) and fails on serious or critical
 *   violations.
 */
interface Fixtures {
  expectedConsoleErrors: RegExp[];
  pageErrors: string[];
  axe: (include?: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  expectedConsoleErrors: [[], { option: true }],
  pageErrors: [
    async ({ page, expectedConsoleErrors }, use, testInfo) => {
      if (!Array.isArray(expectedConsoleErrors))
        throw new Error(
          'expectedConsoleErrors is not a list: set it with test.use(expectConsoleErrors(/a/, /b/))',
        );
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await use(errors);
      // A test that already failed says why itself; this is about tests that would pass.
      if (testInfo.status !== testInfo.expectedStatus) return;
      const unexpected = errors.filter((e) => !expectedConsoleErrors.some((pattern) => pattern.test(e)));
      expect(unexpected, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  axe: async ({ page }, use) => {
    await use((include) => expectAccessible(page, include));
  },
});

/**
 * For `test.use`: the console errors the tests of a file or describe block provoke on purpose.
 * A helper, because Playwright reads a list in `test.use` whose second item is an object (a
 * RegExp is one) as a fixture value and its options: `[/a/, /b/]` would set `/a/` alone.
 */
export function expectConsoleErrors(...patterns: RegExp[]): Parameters<typeof test.use>[0] {
  return { expectedConsoleErrors: [patterns, { scope: 'test' }] };
}

/** axe-core on the page, or on the part `include` selects: no serious or critical violation. */
export async function expectAccessible(page: Page, include?: string): Promise<void> {
  const builder = include ? new AxeBuilder({ page }).include(include) : new AxeBuilder({ page });
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, 'serious or critical accessibility violations').toEqual([]);
}

export { expect };
