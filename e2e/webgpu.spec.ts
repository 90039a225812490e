import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';

/**
 * Chromium here runs WebGPU on SwiftShader (`--enable-unsafe-webgpu --enable-unsafe-swiftshader`):
 * a real adapter without `shader-f16`. Model weights cannot be downloaded here, so these tests
 * follow WebLLM's real load path up to the first file it needs.
 */
test.describe('real models: WebGPU on SwiftShader', () => {
  test('the probe reports the adapter without shader-f16 and the f32 variants are chosen', async ({
    page,
  }) => {
    const { errors } = await AppPage.open(page);
    const status = page.getByTestId('gpu-status');
    await expect(status).toHaveAttribute('data-f16', 'false');
    await expect(status).toHaveAttribute('data-arch', 'swiftshader');
    await expect(page.getByTestId('preset-note').first()).toContainText('no shader-f16');
    await expect(page.getByTestId('role-model-planner')).toHaveValue('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    await expect(page.getByTestId('role-model-summarizer')).toHaveValue('SmolLM2-360M-Instruct-q4f32_1-MLC');
    await expect(page.getByTestId('total-vram')).toContainText('2700 MB');

    const probe = await page.evaluate(() => window.umi.gpu.probe());
    expect(probe).toMatchObject({ ok: true, shaderF16: false, adapter: { architecture: 'swiftshader' } });
    expect(errors).toEqual([]);
  });

  test('loading from "this site" starts the real worker and names the missing file; Retry retries', async ({
    page,
  }) => {
    const { errors } = await AppPage.open(page);
    await expect(page.getByTestId('gpu-status')).toBeVisible();
    await page.getByTestId('model-source-select').selectOption('this-site');
    // The model folder is not on this server: every request for it gets the page back.
    const modelRequests: string[] = [];
    page.context().on('request', (request) => {
      if (request.url().includes('/models/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/'))
        modelRequests.push(request.url());
    });
    await page.getByTestId('load-models').click();

    const error = page.getByTestId('slot-error-planner');
    await expect(error).toBeVisible({ timeout: 45_000 });
    await expect(error).toContainText('ModelDownloadError');
    const configUrl = new URL(
      '/models/Qwen2.5-0.5B-Instruct-q4f32_1-MLC/resolve/main/mlc-chat-config.json',
      page.url(),
    );
    await expect(error).toContainText(`Missing file ${configUrl.href}`);
    // The real worker started and created its WebLLM engine before the load failed.
    await expect(page.getByTestId('slot-planner')).toHaveAttribute('data-webllm', '0.2.86');
    // The other roles wait for the first one: loads are sequential.
    await expect(page.getByTestId('slot-caller')).not.toHaveAttribute('data-status', 'ready');
    expect(modelRequests.length).toBeGreaterThan(0);

    const before = modelRequests.length;
    await page.getByTestId('retry-planner').click();
    await expect(page.getByTestId('slot-planner')).toHaveAttribute('data-status', 'failed', {
      timeout: 45_000,
    });
    await expect.poll(() => modelRequests.length).toBeGreaterThan(before);
    await expect(error).toContainText('resolve/main/');

    // The page keeps working: the scripted demo still runs a task.
    const app = new AppPage(page);
    await app.runExample('shopping-total');
    await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});

test('running on the GPU engine before loading models says what to do, and the page stays usable', async ({
  page,
}) => {
  const { app, errors } = await AppPage.open(page, { tokenDelayMs: 1 });
  await expect(page.getByTestId('gpu-status')).toBeVisible();
  await page.getByTestId('engine-select').selectOption('webllm');
  await expect(page.getByTestId('engine-label')).toContainText('runs use the models loaded on this device');
  await app.runExample('miles-plus-km');
  await expect(app.outcome).toHaveAttribute('data-outcome', 'error');
  await expect(page.getByTestId('run-error')).toContainText('Load the models first');
  await page.getByTestId('engine-select').selectOption('scripted');
  await app.runButton.click();
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  expect(errors).toEqual([]);
});
