import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

test.describe('tool manager', () => {
  test('create, test-run, disable, reload (persisted in IndexedDB), export and delete a user tool', async ({
    page,
  }) => {
    const { errors } = await AppPage.open(page);
    await page.getByTestId('tab-tools').click();
    const manager = page.getByTestId('tool-manager');
    for (const name of ['calculator', 'run_javascript', 'date_calc', 'country_facts', 'text_stats']) {
      await expect(manager.locator(`[data-testid="tool-row"][data-name="${name}"]`)).toBeVisible();
    }

    await page.getByTestId('tool-new').click();
    await page.getByTestId('tool-test-run').click();
    const result = page.getByTestId('tool-test-result');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('calls caller the plans planner the');
    const row = manager.locator('[data-testid="tool-row"][data-name="word_reverse"]');
    await expect(row).toBeVisible();

    await page.getByTestId('tool-enabled-word_reverse').uncheck();
    await expect(row).toHaveAttribute('data-enabled', 'false');

    await page.reload();
    await page.getByTestId('tab-tools').click();
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-enabled', 'false');

    const download = page.waitForEvent('download');
    await page.getByTestId('tool-export').click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const pack = JSON.parse(await readFile(file, 'utf8'));
    expect(pack).toMatchObject({
      format: 'umi-lab.tool-pack',
      version: 1,
      tools: [{ name: 'word_reverse' }],
    });

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('tool-delete-word_reverse').click();
    await expect(row).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a bad tool pack is rejected with a clear error and nothing is lost', async ({ page }) => {
    const { errors } = await AppPage.open(page);
    await page.getByTestId('tab-tools').click();
    const good = {
      format: 'umi-lab.tool-pack',
      version: 1,
      exportedAt: '2026-01-01T00:00:00Z',
      tools: [
        {
          name: 'shout',
          description: 'Upper-cases a text.',
          parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
          source: 'function run(args) { return args.text.toUpperCase(); }',
        },
      ],
    };
    await page.getByTestId('tool-import-file').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await expect(page.getByTestId('tool-import-message')).toContainText('Imported shout');

    const bad = { ...good, tools: [{ ...good.tools[0], name: 'calculator' }, { name: 'x y' }] };
    await page.getByTestId('tool-import-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const message = page.getByTestId('tool-import-message');
    await expect(message).toContainText('bad.json was not imported');
    await expect(message).toContainText('"calculator" is a built-in tool');
    await page.getByTestId('tool-import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "umi-lab.tool-pack", '),
    });
    await expect(message).toContainText('not JSON');
    // What was there before is still there, and still works.
    await expect(page.locator('[data-testid="tool-row"][data-name="shout"]')).toBeVisible();
    const called = await page.evaluate(() => window.umi.tools.call('shout', { text: 'hi' }));
    expect(called).toMatchObject({ ok: true, observation: 'HI' });
    expect(errors).toEqual([]);
  });
});
