import { AppPage } from './app-page';
import { expect, test } from './fixtures';
import { ToolsPage } from './tools-page';

test.describe('tool manager', () => {
  test('create, test-run, disable, reload (persisted in IndexedDB), export and delete a user tool', async ({
    page,
  }) => {
    await AppPage.open(page);
    let tools = await ToolsPage.open(page);
    for (const name of ['calculator', 'run_javascript', 'date_calc', 'country_facts', 'text_stats']) {
      await expect(tools.row(name)).toBeVisible();
    }

    await tools.newButton.click();
    await tools.testRunButton.click();
    await expect(tools.testResult).toHaveAttribute('data-ok', 'true');
    await expect(tools.testResult).toContainText('calls caller the plans planner the');
    const row = tools.row('word_reverse');
    await expect(row).toBeVisible();

    await tools.enabled('word_reverse').uncheck();
    await expect(row).toHaveAttribute('data-enabled', 'false');

    await page.reload();
    tools = await ToolsPage.open(page);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-enabled', 'false');

    const pack = JSON.parse((await tools.exportPack()).text);
    expect(pack).toMatchObject({
      format: 'umi-lab.tool-pack',
      version: 1,
      tools: [{ name: 'word_reverse' }],
    });

    await tools.deleteTool('word_reverse');
    await expect(row).toHaveCount(0);
  });

  test('a bad tool pack is rejected with a clear error and nothing is lost', async ({ page }) => {
    await AppPage.open(page);
    const tools = await ToolsPage.open(page);
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
    await tools.importPack('good.json', good);
    await expect(tools.importMessage).toContainText('Imported shout');

    const bad = { ...good, tools: [{ ...good.tools[0], name: 'calculator' }, { name: 'x y' }] };
    await tools.importPack('bad.json', bad);
    await expect(tools.importMessage).toContainText('bad.json was not imported');
    await expect(tools.importMessage).toContainText('"calculator" is a built-in tool');
    await tools.importPack('broken.json', '{"format": "umi-lab.tool-pack", ');
    await expect(tools.importMessage).toContainText('not JSON');
    // What was there before is still there, and still works.
    await expect(tools.row('shout')).toBeVisible();
    const called = await page.evaluate(() => window.umi.tools.call('shout', { text: 'hi' }));
    expect(called).toMatchObject({ ok: true, observation: 'HI' });
  });
});
