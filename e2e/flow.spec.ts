import type { Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';

/** Records every hand-off the flow strip shows and every sentence it announces, in order. */
async function recordHandoffs(page: Page) {
  await page.evaluate(() => {
    const flow = document.querySelector('[data-testid="flow"]');
    const live = document.querySelector('[data-testid="flow-announcement"]');
    const seen: { handoffs: string[]; announcements: string[]; pulses: string[] } = {
      handoffs: [],
      announcements: [],
      pulses: [],
    };
    (window as unknown as { flowSeen: typeof seen }).flowSeen = seen;
    new MutationObserver(() => {
      const handoff = flow?.getAttribute('data-handoff') ?? '';
      if (handoff && handoff !== seen.handoffs.at(-1)) seen.handoffs.push(handoff);
      const pulse = document.querySelector('[data-testid="flow-pulse"]');
      if (pulse) seen.pulses.push(`${getComputedStyle(pulse).animationName}:${pulse.checkVisibility()}`);
    }).observe(flow?.parentElement ?? document.body, { attributes: true, childList: true, subtree: true });
    new MutationObserver(() => {
      const text = live?.textContent ?? '';
      if (text && text !== seen.announcements.at(-1)) seen.announcements.push(text);
    }).observe(live ?? document.body, { childList: true, characterData: true, subtree: true });
  });
}

const seen = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { flowSeen: { handoffs: string[]; announcements: string[]; pulses: string[] } })
        .flowSeen,
  );

test.describe('the flow strip animates each hand-off', () => {
  test('multi mode: planner → caller → tool → planner → summarizer, announced politely', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 20 });
    await expect(page.getByTestId('flow-announcement')).toHaveAttribute('aria-live', 'polite');
    await recordHandoffs(page);
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
    await expect(page.getByTestId('flow')).toHaveAttribute('data-handoff', 'planner→summarizer');
    const { handoffs, announcements, pulses } = await seen(page);
    expect(handoffs).toEqual(['planner→caller', 'caller→tool', 'tool→planner', 'planner→summarizer']);
    expect(announcements).toEqual([
      'Planner is working',
      'Hand-off: Planner → Caller',
      'Hand-off: Caller → Tool',
      'Hand-off: Tool → Planner',
      'Hand-off: Planner → Summarizer',
    ]);
    // The pulse travels (a CSS animation), and is there to be seen.
    expect(pulses.length).toBeGreaterThan(0);
    expect(pulses.every((p) => p === 'flow-travel:true')).toBe(true);
    // Opening the finished run again does not replay its hand-offs.
    await page.reload();
    const saved = await SavedRunsPage.open(page);
    await saved.openRun(saved.runs.first());
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
    await expect(page.getByTestId('flow')).toHaveAttribute('data-handoff', '');
    await expect(page.getByTestId('flow-pulse')).toHaveCount(0);
  });

  test('single mode: the model hands off to the tool and back', async ({ page }) => {
    const { app } = await AppPage.open(page, { tokenDelayMs: 20 });
    await app.selectMode('single');
    await recordHandoffs(page);
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
    await expect(page.getByTestId('flow')).toHaveAttribute('data-handoff', 'tool→backbone');
    expect((await seen(page)).handoffs).toEqual(['backbone→tool', 'tool→backbone']);
  });

  test('in Chinese, with reduced motion: announced in Chinese, no travelling pulse', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const { app } = await AppPage.open(page, { tokenDelayMs: 20 });
    await app.switchLanguage('zh-CN');
    await recordHandoffs(page);
    await app.runExample('miles-plus-km');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
    await expect(page.getByTestId('flow')).toHaveAttribute('data-handoff', 'planner→summarizer');
    // Without animation each hand-off shows at once (several in one frame: only the latest).
    const { handoffs, announcements, pulses } = await seen(page);
    expect(handoffs.at(0)).toBe('planner→caller');
    expect(handoffs.at(-1)).toBe('planner→summarizer');
    expect(announcements.at(0)).toBe('规划器开始工作');
    expect(announcements).toContain('交接：规划器 → 调用器');
    expect(announcements.at(-1)).toBe('交接：规划器 → 总结器');
    // The pulse element may exist for a moment, but it is never shown.
    expect(pulses.every((p) => p.endsWith(':false'))).toBe(true);
  });
});
