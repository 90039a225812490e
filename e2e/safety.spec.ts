import { AppPage } from './app-page';
import { expect, test } from './fixtures';

test('model text with <script>, <img onerror>, javascript: links and <iframe> is shown as text, never run', async ({
  page,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  const hostile = [
    '<script>window.__xss = "script"</script>',
    '<img src="x" onerror="window.__xss = \'img\'">',
    '[click me](javascript:window.__xss=%22link%22)',
    '<iframe src="javascript:parent.__xss=\'iframe\'"></iframe>',
    '<a href="javascript:window.__xss=1">raw link</a>',
  ].join('\n\n');
  await page.evaluate(
    (text) =>
      window.umi.run('A hostile run', {
        mode: 'multi',
        dialect: 'chat',
        script: [
          { thought: `Planning ${text}`, call: { name: 'text_stats', arguments: { text } } },
          { thought: 'Done.', answer: `**Answer** ${text}` },
        ],
      }),
    hostile,
  );
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  // The planner's thought shows the markup as text.
  await expect(app.stepsOf('planner').first().getByTestId('planner-thought')).toContainText(
    '<script>window.__xss',
  );
  // The answer is Markdown without raw HTML: no script, img, iframe elements; no javascript: href.
  const answer = app.answer;
  await expect(answer.locator('strong')).toHaveText('Answer');
  await expect(page.locator('main script, main img, main iframe')).toHaveCount(0);
  const hrefs = await answer
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href.toLowerCase()).not.toContain('javascript:');
  await answer
    .locator('a')
    .first()
    .click({ trial: false })
    .catch(() => undefined);
  // Nothing runs: a negative, so it can only be watched for a while (a click's handler, a
  // navigation to a javascript: URL, an image's onerror would all have run by then).
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});
