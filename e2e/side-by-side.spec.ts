import { AppPage } from './app-page';
import { ComparePage } from './compare-page';
import { expect, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';
import { SideBySidePage } from './side-by-side-page';

const VIEW = '[data-testid="side-by-side"]';

test.describe('two runs side by side', () => {
  test('two saved runs: aligned steps, the extra tool call as a gap, differences marked, the summary; stacks at 390 px', async ({
    page,
    axe,
  }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await app.runExample('circle-tiles');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');

    const saved = await SavedRunsPage.open(page);
    await expect(saved.runs).toHaveCount(2);
    const button = page.getByTestId('saved-runs-side-by-side');
    await expect(button).toBeDisabled();
    for (const run of await saved.runs.all()) await run.getByRole('checkbox').check();
    await button.click();
    const view = await SideBySidePage.opened(page);

    // A (older, left): planner, caller, planner, summarizer. B: one more planner + caller turn.
    await expect(view.rows).toHaveCount(6);
    await expect(view.rows.nth(0)).toHaveAttribute('data-kind', 'pair');
    await expect(view.row(2)).toHaveAttribute('data-differs', /tool-args/);
    await expect(view.row(3)).toHaveAttribute('data-kind', 'gap');
    await expect(view.row(4)).toHaveAttribute('data-kind', 'gap');
    await expect(view.gaps).toHaveCount(2);
    for (const gap of await view.gaps.all()) {
      await expect(gap).toHaveAttribute('data-side', 'left');
      await expect(gap).toContainText('No step here');
    }
    await expect(view.cell(4, 'right').getByTestId('sbs-tool-args')).toContainText('1 m^2 / (pi * (3 cm)^2)');
    // The arguments differ: marked in text (<del> on A, <ins> on B), not by colour alone.
    await expect(view.cell(2, 'left').locator('[data-testid="sbs-tool-args"] del').first()).toBeVisible();
    await expect(view.cell(2, 'right').locator('[data-testid="sbs-tool-args"] ins').first()).toBeVisible();
    await expect(view.cell(2, 'right').getByTestId('sbs-observation')).toContainText('mm^2');

    // Different tasks: the planners' first outputs already differ, and so did their prompts.
    await expect(view.summary).toHaveAttribute('data-step', '1');
    await expect(view.summary).toContainText('Step 1: the Planner wrote a different output in run B.');
    await expect(view.summary).toContainText('The prompts differed too.');
    // A prompt's diff is there when opened.
    await view.cell(1, 'right').getByTestId('sbs-prompt').locator('summary').click();
    await expect(view.cell(1, 'right').locator('[data-testid="sbs-prompt"] ins').first()).toBeVisible();
    // Both sides open together, so the two prompts are read side by side.
    await expect(view.cell(1, 'left').locator('[data-testid="sbs-prompt"] del').first()).toBeVisible();

    // Keyboard: the summary's button takes focus to the row; Escape closes the view.
    await view.summary.getByTestId('sbs-go').focus();
    await page.keyboard.press('Enter');
    await expect(view.row(1)).toBeFocused();

    await axe(VIEW);
    await page.emulateMedia({ colorScheme: 'dark' });
    await axe(VIEW);
    await page.emulateMedia({ colorScheme: 'light' });

    // Wide: the two runs in two columns.
    const [wideA, wideB] = [
      await view.cell(2, 'left').boundingBox(),
      await view.cell(2, 'right').boundingBox(),
    ];
    expect(wideB?.x ?? 0).toBeGreaterThan((wideA?.x ?? 0) + (wideA?.width ?? 0) - 1);
    // A phone: stacked, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(async () => {
        const [a, b] = [await view.cell(2, 'left').boundingBox(), await view.cell(2, 'right').boundingBox()];
        return !!a && !!b && Math.abs(a.x - b.x) < 2 && b.y >= a.y + a.height;
      })
      .toBe(true);
    expect(await view.overflowsSideways()).toBe(false);
    await axe(VIEW);

    await page.keyboard.press('Escape');
    await expect(view.dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test('the comparison of modes opens it for a task: multi and single, the planner turns as gaps by design', async ({
    page,
    axe,
  }) => {
    await AppPage.open(page, { tokenDelayMs: 1 });
    const compare = await ComparePage.open(page);
    await compare.fromSuite.check();
    await compare.chooseSuiteTask('capital-australia');
    await compare.chooseModes(['multi', 'single']);
    await compare.run();
    await expect(compare.column(1)).toHaveAttribute('data-status', 'done');
    await page.getByTestId('compare-side-by-side').click();
    const view = await SideBySidePage.opened(page);

    // multi: planner, caller, planner, summarizer; single: the two model turns beside caller and summarizer.
    await expect(view.rows).toHaveCount(4);
    await expect(view.gaps).toHaveCount(2);
    for (const gap of await view.gaps.all()) {
      await expect(gap).toHaveAttribute('data-side', 'right');
      await expect(gap).toContainText('decides inside its next output');
    }
    await expect(view.cell(2, 'left')).toHaveAttribute('data-role', 'caller');
    await expect(view.cell(2, 'right')).toHaveAttribute('data-role', 'backbone');
    // The scripted single model makes the same call and gives the same answer.
    await expect(view.summary).toHaveAttribute('data-kind', 'same');
    await expect(view.summary).toContainText('2 planner steps of one run are part of the other');
    await axe(VIEW);
    await view.closeButton.click();
    await expect(view.dialog).toHaveCount(0);
  });
});
