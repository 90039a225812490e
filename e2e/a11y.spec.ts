import { AppPage } from './app-page';
import { expect, expectAccessible, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';
import { ToolsPage } from './tools-page';

test.describe('accessibility (axe)', () => {
  test('no serious or critical violations on the run view, after a run, in light and dark themes', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    await expectAccessible(page);
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
  });

  test('no serious or critical violations with the tiny models: model cards, a real run, light and dark', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page, { engine: 'tiny' });
    await expect(app.tinyModels.card('glpft')).toBeVisible();
    for (const id of ['one-stage', 'shared', 'single']) await app.tinyModels.openCard(id);
    await expectAccessible(page);
    await app.runExample('tiny-capital');
    await expect(app.outcome).not.toHaveAttribute('data-outcome', 'running', { timeout: 60_000 });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
  });

  test('no serious or critical violations on the tools and saved-runs views', async ({ page }) => {
    await AppPage.open(page);
    const tools = await ToolsPage.open(page);
    await tools.newButton.click();
    await expectAccessible(page);
    await SavedRunsPage.open(page);
    await expectAccessible(page);
  });

  test('the main flow works from the keyboard with a visible focus', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    await app.example('shopping-total').focus();
    await page.keyboard.press('Enter');
    await expect(app.taskInput).toHaveValue(/notebooks/);
    await app.taskInput.focus();
    await page.keyboard.press('Control+Enter');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    // The answer shows before the final save; Run is enabled (focusable) only after it.
    await expect(app.runButton).toBeEnabled();
    await app.runButton.focus();
    await expect(app.runButton).toBeFocused();
    const outline = await app.runButton.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });
});
