import { AppPage } from './app-page';
import { expect, test } from './fixtures';

/**
 * Chromium here runs WebGPU on SwiftShader (`--enable-unsafe-webgpu --enable-unsafe-swiftshader`):
 * a real adapter without `shader-f16`. Model weights cannot be downloaded here, so these tests
 * follow WebLLM's real load path up to the first file it needs.
 */
test.describe('real models: WebGPU on SwiftShader', () => {
  test('the probe reports the adapter without shader-f16 and the f32 variants are chosen', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page);
    const { models } = app;
    await expect(models.gpuStatus).toHaveAttribute('data-f16', 'false');
    await expect(models.gpuStatus).toHaveAttribute('data-arch', 'swiftshader');
    await expect(models.presetNotes.first()).toContainText('no shader-f16');
    await expect(models.slot('planner').model).toHaveValue('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    await expect(models.slot('summarizer').model).toHaveValue('SmolLM2-360M-Instruct-q4f32_1-MLC');
    await expect(models.totalVram).toContainText('2700 MB');

    const probe = await page.evaluate(() => window.umi.gpu.probe());
    expect(probe).toMatchObject({ ok: true, shaderF16: false, adapter: { architecture: 'swiftshader' } });
  });

  test('loading from "this site" starts the real worker and names the missing file; Retry retries', async ({
    page,
  }) => {
    const { app } = await AppPage.open(page);
    const { models } = app;
    await expect(models.gpuStatus).toBeVisible();
    await models.useModelsFrom('this-site');
    // The model folder is not on this server: every request for it gets the page back.
    const modelRequests: string[] = [];
    page.context().on('request', (request) => {
      if (request.url().includes('/models/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/'))
        modelRequests.push(request.url());
    });
    await models.loadModels();

    const planner = models.slot('planner');
    await expect(planner.error).toBeVisible({ timeout: 45_000 });
    await expect(planner.error).toContainText('ModelDownloadError');
    const configUrl = new URL(
      '/models/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/mlc-chat-config.json',
      page.url(),
    );
    await expect(planner.error).toContainText(`Missing file ${configUrl.href}`);
    // The real worker started and created its WebLLM engine before the load failed.
    await expect(planner.root).toHaveAttribute('data-webllm', '0.2.86');
    // The other roles wait for the first one: loads are sequential.
    await expect(models.slot('caller').root).not.toHaveAttribute('data-status', 'ready');
    expect(modelRequests.length).toBeGreaterThan(0);

    const before = modelRequests.length;
    await planner.retry.click();
    await expect(planner.root).toHaveAttribute('data-status', 'failed', { timeout: 45_000 });
    await expect.poll(() => modelRequests.length).toBeGreaterThan(before);
    await expect(planner.error).toContainText('resolve/main/');

    // The page keeps working: the scripted demo still runs a task.
    await app.runExample('shopping-total');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
  });
});

test('running on the GPU engine before loading models says what to do, and the page stays usable', async ({
  page,
}) => {
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  await expect(app.models.gpuStatus).toBeVisible();
  await app.selectEngine('webllm');
  await expect(app.engineLabel).toContainText('runs use the models loaded on this device');
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'error');
  await expect(app.runError).toContainText('Load the models first');
  await app.selectEngine('scripted');
  await app.runButton.click();
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
});
