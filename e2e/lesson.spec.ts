import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test('a lesson link carries task, mode, dialect, tools and settings — not outputs', async ({
  page,
  browser,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await page.getByTestId('example-fever-check').click();
  await app.selectMode('single');
  await app.selectDialect('alpha-umi');
  await page.getByTestId('tab-tools').click();
  await page.getByTestId('tool-enabled-text_stats').uncheck();
  await page.getByTestId('copy-lesson-link').click();
  const url = page.url();
  expect(url).toContain('#lesson=');

  // Another browser profile: nothing comes from the teacher's storage, only from the link.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await student.goto(url);
  await expect(student.getByTestId('page-notice')).toContainText('Lesson loaded');
  await expect(student.getByTestId('task-input')).toHaveValue('Convert 100 °F to Celsius. Is that a fever?');
  await expect(student.getByTestId('mode-select')).toHaveValue('single');
  await expect(student.getByTestId('dialect-select')).toHaveValue('alpha-umi');
  const tools = await student.evaluate(() => window.umi.tools.list().map((t) => [t.name, t.enabled]));
  expect(Object.fromEntries(tools)).toMatchObject({ calculator: true, text_stats: false });
  await student.getByTestId('run-button').click();
  await expect(student.getByTestId('run-outcome')).toHaveAttribute('data-outcome', 'answer');
  await studentContext.close();
  expect(errors).toEqual([]);
});

test('a lesson link carries the class language', async ({ page, browser }) => {
  const { app, errors } = await AppPage.open(page);
  await page.getByTestId('example-fever-check').click();
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
  expect(errors).toEqual([]);
});
