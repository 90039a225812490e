import { AppPage } from './app-page';
import { expect, test } from './fixtures';
import { ToolsPage } from './tools-page';

test('a lesson link carries task, mode, dialect, tools and settings — not outputs', async ({
  page,
  browser,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.example('fever-check').click();
  await app.selectMode('single');
  await app.selectDialect('alpha-umi');
  const tools = await ToolsPage.open(page);
  await tools.enabled('text_stats').uncheck();
  await page.getByTestId('copy-lesson-link').click();
  const url = page.url();
  expect(url).toContain('#lesson=');

  // Another browser profile: nothing comes from the teacher's storage, only from the link.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto(url);
  const studentApp = new AppPage(student);
  await expect(student.getByTestId('page-notice')).toContainText('Lesson loaded');
  await expect(studentApp.taskInput).toHaveValue('Convert 100 °F to Celsius. Is that a fever?');
  await expect(studentApp.modeSelect).toHaveValue('single');
  await expect(studentApp.dialectSelect).toHaveValue('alpha-umi');
  const studentTools = await student.evaluate(() => window.umi.tools.list().map((t) => [t.name, t.enabled]));
  expect(Object.fromEntries(studentTools)).toMatchObject({ calculator: true, text_stats: false });
  await studentApp.runButton.click();
  await expect(studentApp.outcome).toHaveAttribute('data-outcome', 'answer');
  await studentContext.close();
});

test('a lesson link carries the class language', async ({ page, browser }) => {
  const { app } = await AppPage.open(page);
  await app.example('fever-check').click();
  await app.switchLanguage('zh-CN');
  await page.getByTestId('copy-lesson-link').click();
  const url = page.url();

  const studentContext = await browser.newContext(); // an English browser
  const student = await studentContext.newPage();
  await student.goto(url);
  await expect(student.getByTestId('language')).toHaveValue('zh-CN');
  await expect(student.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(student.getByTestId('page-notice')).toContainText('已从链接载入课堂');
  await studentContext.close();
});
