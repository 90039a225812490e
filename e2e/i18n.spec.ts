import type { Page } from '@playwright/test';
import type { Catalog, Message, Messages } from '../app/i18n/i18n';
import { gpuFailureMessages, gpuNoteMessages } from '../app/llm/gpu-messages';
import { presetNoteMessages } from '../app/llm/preset-messages';
import { appMessages } from '../app/ui/App/messages';
import { errorMessages } from '../app/ui/ErrorText/messages';
import { flowMessages } from '../app/ui/FlowBar/messages';
import { historyMessages } from '../app/ui/HistoryPanel/messages';
import {
  customModelMessages,
  gpuStatusMessages,
  modelPanelMessages,
  presetMessages,
} from '../app/ui/ModelPanel/messages';
import { roleSettingsMessages } from '../app/ui/RoleSettings/messages';
import { roleMessages } from '../app/ui/Roles/messages';
import { runSummaryMessages } from '../app/ui/RunSummary/messages';
import { reviewMessages, stepCardMessages } from '../app/ui/StepCard/messages';
import { exampleMessages, taskFormMessages } from '../app/ui/TaskForm/messages';
import { timelineMessages } from '../app/ui/Timeline/messages';
import { toolEditorMessages, toolManagerMessages } from '../app/ui/ToolManager/messages';
import { AppPage } from './app-page';
import { expect, expectAccessible, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';
import { ToolsPage } from './tools-page';

const CATALOGS: Catalog<Messages>[] = [
  appMessages,
  roleMessages,
  flowMessages,
  taskFormMessages,
  exampleMessages,
  roleSettingsMessages,
  runSummaryMessages,
  stepCardMessages,
  reviewMessages,
  timelineMessages,
  errorMessages,
  modelPanelMessages,
  presetMessages,
  customModelMessages,
  gpuStatusMessages,
  gpuFailureMessages,
  gpuNoteMessages,
  presetNoteMessages,
  historyMessages,
  toolManagerMessages,
  toolEditorMessages,
];

const latinWords = (text: string) => text.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w)).length;
const asText = (m: Message) => (typeof m === 'string' ? m : m({ n: '', count: 2 }));

/**
 * The English interface text that must not be seen in Chinese: every English catalog entry of
 * two words or more (the literal parts around `{placeholders}`), minus the entries that are the
 * same in both languages on purpose (decision markers the model writes, product names).
 */
const ENGLISH = [
  ...new Set(
    CATALOGS.flatMap((catalog) =>
      Object.entries(catalog.en).flatMap(([key, message]) => {
        const en = asText(message);
        const zh = catalog['zh-CN'][key];
        if (zh !== undefined && asText(zh) === en) return [];
        return en
          .split(/\{\w+\}/)
          .map((part) => part.trim())
          .filter((part) => latinWords(part) >= 2);
      }),
    ),
  ),
];

/**
 * The interface text now on screen: visible text, accessible names, placeholders, titles and
 * option labels — leaving out what models and tools wrote (that stays as written) and
 * anything marked `lang="en"` on purpose (tool descriptions, model-facing prompts).
 */
async function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const modelText = [
      '[data-testid="planner-thought"]',
      '[data-testid="streaming-text"]',
      '[data-testid="caller-raw"]',
      '[data-testid="observation"]',
      '[data-testid="answer"]',
      '[data-testid="tool-args"]',
      '[data-testid="raw-output"]',
      '.prompt pre',
      '.markdown',
      '[lang="en"]',
      'textarea',
    ].join(',');
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(modelText) || !parent.checkVisibility()) continue;
      out.push(node.textContent ?? '');
    }
    for (const el of Array.from(document.querySelectorAll('[aria-label],[placeholder]'))) {
      if (el.closest(modelText) && el.tagName !== 'TEXTAREA') continue;
      out.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '');
    }
    for (const el of Array.from(document.querySelectorAll('[title]:not(.example)')))
      out.push(el.getAttribute('title') ?? '');
    for (const option of Array.from(document.querySelectorAll('option'))) out.push(option.textContent ?? '');
    return out.join('\n');
  });
}

async function expectNoEnglish(page: Page, view: string) {
  const text = await shownText(page);
  expect(
    ENGLISH.filter((english) => text.includes(english)),
    `English interface text on the ${view} in Chinese`,
  ).toEqual([]);
}

test('the interface in Simplified Chinese: remembered, complete, a scripted run works, accessible', async ({
  page,
}) => {
  expect(ENGLISH.length).toBeGreaterThan(150);
  const { app } = await AppPage.open(page, { tokenDelayMs: 2 });
  // Playwright's browser asks for en-US: the first visit is English. The Models panel of the
  // GPU engine loads after the first paint: read the page once it is there.
  await expect(page.getByTestId('model-panel')).toBeVisible();
  await page.getByTestId('role-settings').locator('summary').click();
  const shown = await shownText(page);
  await page.getByTestId('role-settings').locator('summary').click();
  await expect(app.runButton).toHaveText('Run');
  // The detector sees the interface: in English it finds many of these strings.
  const englishShown = ENGLISH.filter((english) => shown.includes(english));
  expect(englishShown.length).toBeGreaterThan(15);
  await app.switchLanguage('zh-CN');

  // The chrome: header, tabs, task form, role settings, model panel.
  await expect(page.locator('.tagline')).toContainText('规划器、调用器与总结器');
  await expect(page.getByTestId('tab-history')).toHaveText('已保存的运行');
  await expect(app.runButton).toHaveText('运行');
  await expect(app.example('miles-plus-km')).toHaveText('英里加公里');
  await expect(page.getByTestId('examples-note')).toContainText('英文原文');
  await expect(page.getByTestId('timeline-empty')).toContainText('选一个示例');
  await page.getByTestId('role-settings').locator('summary').click();
  await expect(page.getByTestId('role-settings')).toContainText('温度');
  await expect(page.getByTestId('prompts-english-note')).toContainText('提示词都保持英文');
  await expect(app.models.heading).toHaveText('在你的 GPU 上运行的模型');
  await expectNoEnglish(page, 'run view before a run');

  // Remembered across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.runButton).toHaveText('运行');

  // A scripted run works in Chinese; the timeline and summary are Chinese, the model text is not translated.
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(app.outcome).toHaveText('已回答');
  await expect(app.answer).toContainText('11.04672 km');
  await expect(app.stepsOf('planner').first().locator('header .badge').first()).toHaveText('规划器');
  await expect(app.stepsOf('planner').first().getByTestId('decision-badge')).toHaveText('Next: caller');
  await expect(app.stepsOf('caller').first()).toContainText('观察结果');
  await expect(page.getByTestId('run-summary')).toContainText('次工具调用');
  await expect(page.getByTestId('flow-announcement')).toHaveText(/^交接：/);
  await app.steps.first().getByTestId('what-the-model-saw').locator('summary').click();
  await expect(app.steps.first().getByTestId('what-the-model-saw')).toContainText('解析前的原始输出');
  await expectNoEnglish(page, 'run view after a run');
  await expectAccessible(page);

  const tools = await ToolsPage.open(page);
  await expect(tools.heading).toHaveText('工具');
  await tools.newButton.click();
  await expect(tools.editor).toContainText('保存并试运行');
  await expectNoEnglish(page, 'tools tab');
  await expectAccessible(page);

  const saved = await SavedRunsPage.open(page);
  await expect(saved.runs).toHaveCount(1);
  await expect(saved.runs).toContainText('已回答');
  await expect(saved.panel).toContainText('导出训练数据');
  await expectNoEnglish(page, 'saved runs tab');
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page);
  await page.emulateMedia({ colorScheme: 'light' });

  // Switching back restores English everywhere, the run included.
  await app.switchLanguage('en');
  await expect(page.getByTestId('tab-history')).toHaveText('Saved runs');
  await expect(saved.runs).toContainText('answered');
  await app.showRun();
  await expect(app.runButton).toHaveText('Run');
  await expect(app.outcome).toHaveText('Answered');
  await expect(app.stepsOf('planner').first().locator('header .badge').first()).toHaveText('Planner');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.runButton).toHaveText('Run');
});

test('refusals and notices from outside the components are shown in Chinese', async ({ page }) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await app.switchLanguage('zh-CN');
  const saved = await SavedRunsPage.open(page);
  await saved.importTrace('junk.json', 'not json');
  await expect(saved.importMessage).toHaveText('junk.json：此文件不是 JSON，所以不可能是 umi-lab 运行记录。');
  const tools = await ToolsPage.open(page);
  await tools.importPack('bad.json', '[]');
  await expect(tools.importMessage).toContainText('bad.json 未导入');
  await expect(tools.importMessage).toContainText('此文件不是工具包');
  // The GPU probe's sentences (SwiftShader here: a software adapter) are translated too.
  const gpu = app.models.gpuStatus;
  if ((await gpu.count()) > 0) await expect(gpu).not.toContainText('software rendering');
});
