import type { Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, expectAccessible, test } from './fixtures';
import { PredictPage } from './predict-page';
import { SavedRunsPage } from './saved-runs-page';

/** A scripted run (the labelled test double), saved, then replayed with "predict, then reveal" on. */
async function replayInPredictMode(page: Page) {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  const predict = new PredictPage(page);
  await predict.toggle.check();
  const saved = await SavedRunsPage.open(page);
  await saved.replaySpeed.selectOption('16');
  await saved.replayRun(saved.runs.first());
  return { app, predict };
}

test('predict, then reveal on a replay: each turn hidden until predicted, verdicts, and the α-UMi score', async ({
  page,
}) => {
  const { app, predict } = await replayInPredictMode(page);

  // Nothing of the run shows before the first prediction: no step, no answer, no outcome.
  await expect(predict.form).toHaveAttribute('data-kind', 'decision');
  await expect(app.steps).toHaveCount(0);
  await expect(app.outcome).toHaveCount(0);
  await expectAccessible(page);

  // Reveal with no prediction: told what to do, nothing revealed.
  await predict.reveal.click();
  await expect(predict.problem).toContainText('Make a prediction first');
  await expect(app.steps).toHaveCount(0);

  // 1. Planner: caller (right), from the keyboard.
  await predict.chooseAndEnter('caller');
  await expect(app.steps).toHaveCount(1);
  await expect(app.stepsOf('planner')).toHaveCount(1);
  await expect(predict.verdicts.nth(0)).toHaveAttribute('data-right', 'true');
  await expect(predict.verdicts.nth(0)).toContainText('The model: Call a tool (caller)');
  // The next question has the focus.
  await expect(predict.option('calculator')).toBeFocused();

  // 2. Caller: date_calc (wrong; it called the calculator).
  await predict.chooseAndEnter('date_calc');
  await expect(predict.verdicts.nth(1)).toHaveAttribute('data-right', 'false');
  await expect(predict.verdicts.nth(1)).toContainText('You said: date_calc');
  await expect(predict.verdicts.nth(1)).toContainText('The model: calculator');
  await expect(app.stepsOf('caller').getByTestId('observation')).toContainText('11.04672 km');

  // 3. Planner: give up (wrong; it concluded).
  await predict.chooseAndEnter('give_up');
  await expect(predict.verdicts.nth(2)).toHaveAttribute('data-right', 'false');
  await expect(predict.verdicts.nth(2)).toContainText('The model: Answer (summarizer)');
  await expect(app.stepsOf('summarizer')).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // 4. Summarizer: the number (right, by containment; its ROUGE-L is 0.33).
  await predict.answerAndReveal('11.04672 km');
  await expect(predict.verdicts.nth(3)).toHaveAttribute('data-right', 'true');
  await expect(predict.verdicts.nth(3)).toContainText('ROUGE-L 0.33');

  // The score card, with the metrics' names; then the answer and outcome are shown.
  await expect(predict.form).toHaveCount(0);
  await expect(predict.scoreRow('decision').right).toHaveText('1 / 2');
  await expect(predict.scoreRow('decision').metric).toHaveText('plan accuracy (plan_em) 0.5');
  await expect(predict.scoreRow('tool').right).toHaveText('0 / 1');
  await expect(predict.scoreRow('tool').metric).toHaveText('action match (action_em) 0');
  await expect(predict.scoreRow('answer').right).toHaveText('1 / 1');
  await expect(predict.scoreRow('answer').metric).toHaveText('ROUGE-L 0.33');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(app.answer).toContainText('11.04672 km');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
});

for (const width of [390, 1024]) {
  test(`predict, then reveal fits ${width} px: form, verdicts and score card, no sideways scroll`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    const { predict } = await replayInPredictMode(page);
    const fits = async () => {
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      if ((await predict.reveal.count()) === 0) return;
      const box = await predict.reveal.boundingBox();
      expect(box).not.toBeNull();
      if (box) expect(box.x + box.width).toBeLessThanOrEqual(width + 0.5);
    };
    await fits();
    await predict.chooseAndEnter('caller');
    await predict.chooseAndEnter('calculator');
    await predict.chooseAndEnter('conclusion');
    await fits();
    // Enter in the answer line reveals too.
    await predict.form
      .getByTestId('predict-answer')
      .fill('5 miles + 3 kilometres = 11.04672 km. 5 miles is 8.04672 km, plus 3 km.');
    await predict.form.getByTestId('predict-answer').press('Enter');
    await expect(predict.scoreRow('decision').right).toHaveText('2 / 2');
    await expect(predict.scoreRow('tool').right).toHaveText('1 / 1');
    await expect(predict.scoreRow('answer').metric).toHaveText('ROUGE-L 0.93');
    await fits();
  });
}

function lessonUrl(lesson: Record<string, unknown>): string {
  const json = JSON.stringify(lesson);
  const b64 = Buffer.from(json, 'utf8')
    .toString('base64')
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
  return `/#lesson=${b64}`;
}

test('a lesson link opens predict mode (in the class language) for a live step-through run', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(
    lessonUrl({
      task: 'What is 5 miles plus 3 kilometres, in kilometres?',
      mode: 'multi',
      dialect: 'chat',
      engine: 'scripted',
      stepThrough: true,
      predict: true,
      locale: 'zh-CN',
    }),
  );
  const app = new AppPage(page);
  const predict = new PredictPage(page);
  await expect(page.getByTestId('page-notice')).toContainText('已从链接载入课堂');
  await expect(predict.toggle).toBeChecked();
  await app.runButton.click();
  await expect(predict.form.locator('legend')).toContainText('它接下来做什么决定');
  await expect(app.steps).toHaveCount(0);
  // Live, the planner may still be writing: Reveal then keeps the prediction and says to wait.
  await predict.chooseAndEnter('caller');
  await expect(async () => {
    if ((await predict.verdicts.count()) === 0) await predict.reveal.click();
    await expect(predict.verdicts.first()).toContainText('✓ 猜对了', { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(app.stepsOf('planner')).toHaveCount(1);
  // Step-through: the revealed planner turn waits for Next; nothing is asked until the caller runs.
  const planner = app.stepsOf('planner').first();
  await expect(planner.getByTestId('review-box')).toBeVisible();
  await expect(predict.form).toHaveCount(0);
  await expectAccessible(page);
  await planner.getByTestId('review-next').click();
  await expect(predict.form).toHaveAttribute('data-kind', 'tool');
  await expect(app.stepsOf('caller')).toHaveCount(0);
  await predict.chooseAndEnter('calculator');
  await expect(async () => {
    if ((await predict.verdicts.count()) < 2) await predict.reveal.click();
    await expect(predict.verdicts.nth(1)).toHaveAttribute('data-right', 'true', { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  // Paused after the caller, before the tool: the revealed call can still be reviewed.
  await expect(app.stepsOf('caller').first().getByTestId('review-box')).toBeVisible();
  await context.close();
});

test('a lesson link with an unknown predict value says so and loads the rest', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(lessonUrl({ task: 'What is 2 + 2?', mode: 'multi', dialect: 'chat', predict: 'maybe' }));
  await expect(page.getByTestId('page-notice')).toContainText('Lesson loaded');
  await expect(page.getByTestId('page-notice')).toContainText('does not know ("maybe")');
  await expect(new PredictPage(page).toggle).not.toBeChecked();
  await expect(new AppPage(page).taskInput).toHaveValue('What is 2 + 2?');
  await context.close();
});
