import type { Page } from '@playwright/test';
import { ADMITTED_ORIGINS_KEY } from '../app/llm/server/types';
import { AppPage } from './app-page';
import { expect, expectConsoleErrors, test } from './fixtures';
import { type StandIn, startStandIn } from './support/openai-stand-in';

/**
 * Issue 14: a role on an OpenAI-compatible server, against the STAND-IN server of
 * e2e/support/openai-stand-in.ts (no real server runs here: it answers from a script). The
 * planner is remote; the caller and the summarizer are the built-in tiny models, for real.
 */
const MODEL = 'alpha-umi-planner-7b';
const TASK = 'What is 4821 * 37?';

/** An α-UMi planner as a script: call the calculator, then hand over to the conclusion. */
function plannerReply(body: Record<string, unknown>): string {
  const prompt = typeof body.prompt === 'string' ? body.prompt : '';
  return prompt.includes('observation: ')
    ? 'The calculator gave the product.\n Next: conclusion.</s>'
    : 'I should multiply the two numbers with the calculator.\n Next: caller.</s>';
}

let server: StandIn;
test.beforeEach(async () => {
  server = await startStandIn({ models: [MODEL], reply: plannerReply, host: '127.0.0.1', chunkChars: 6 });
});
test.afterEach(async () => {
  await server.close();
});

const origin = () => new URL(server.url).origin;

/** The page opened with the planner already on the stand-in (saved and consented, origin admitted). */
async function openWithRemotePlanner(page: Page, extra: { apiKey?: string } = {}) {
  await page.addInitScript(
    ({ url, model, origin, key, admittedKey, apiKey }) => {
      if (sessionStorage.getItem('umi-e2e-server-seeded')) return;
      sessionStorage.setItem('umi-e2e-server-seeded', '1');
      const saved = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":2}');
      saved.state.roleServers = {
        planner: { preset: 'vllm', baseUrl: url, model, consentedOrigin: origin, rememberKey: !!apiKey },
      };
      if (apiKey) saved.state.serverKeys = { planner: { origin, key: apiKey } };
      localStorage.setItem(key, JSON.stringify(saved));
      localStorage.setItem(admittedKey, JSON.stringify([origin]));
    },
    {
      url: server.url,
      model: MODEL,
      origin: origin(),
      key: 'umi-lab.settings',
      admittedKey: ADMITTED_ORIGINS_KEY,
      apiKey: extra.apiKey,
    },
  );
  return AppPage.open(page, { engine: 'tiny' });
}

const generations = () => server.requests.filter((r) => r.method === 'POST');

test.describe('a role on a server (stand-in OpenAI server)', () => {
  test('set up in the panel, admitted after one reload, then a run: remote planner, tiny caller and summarizer', async ({
    page,
    axe,
  }) => {
    test.setTimeout(120_000);
    const { app } = await AppPage.open(page, { engine: 'tiny' });
    const panel = page.getByTestId('server-roles-panel');
    await panel.locator('summary').click();
    await page.getByTestId('server-use-planner').selectOption('server');
    await page.getByTestId('server-url-planner').fill(server.url);
    await page.getByTestId('server-model-planner').fill(MODEL);
    // What to type on the server, with this page's origin in it.
    await expect(page.getByTestId('server-command-planner')).toContainText(
      `vllm serve ${MODEL} --port 8000 --allowed-origins '["${new URL(page.url()).origin}"]'`,
    );
    // Said before any request: what leaves the device, and where to.
    await expect(page.getByTestId('server-privacy-planner')).toContainText(origin());
    expect(generations()).toHaveLength(0);
    // The page's policy admits the servers saved when it loaded: this one needs a reload.
    await expect(page.getByTestId('server-reload-planner')).toBeVisible();
    // A key not kept on the device: it lives in this tab, so the reload below keeps it.
    await page.getByTestId('server-key-planner').fill('sk-tab-only');
    await page.getByTestId('server-consent-planner').check();
    await expect(page.getByTestId('server-banner')).toContainText(`Planner → ${origin()}`);
    await page.reload();
    await expect(app.runButton).toBeVisible();
    await expect(page.getByTestId('server-reload-planner')).toHaveCount(0);
    await expect(page.getByTestId('server-key-planner')).toHaveValue('sk-tab-only');
    expect(await page.evaluate(() => localStorage.getItem('umi-lab.settings'))).not.toContain('sk-tab-only');
    await page.getByTestId('server-check-planner').click();
    await expect(page.getByTestId('server-status-planner')).toContainText(MODEL);
    await axe('[data-testid="server-roles-panel"]');

    await app.runTask(TASK);
    await expect(app.outcome).not.toHaveAttribute('data-outcome', 'running', { timeout: 90_000 });
    const planner = app.stepsOf('planner').first();
    await expect(planner).toContainText(`${MODEL} on 127.0.0.1:${server.port} (server)`);
    await expect(app.stepsOf('caller').first()).toContainText('Tiny α-UMi');
    await expect(app.stepsOf('planner').first()).toContainText('Next: caller');

    // What the server got: the byte-exact α-UMi prompt on /v1/completions, `</s>` as stop,
    // no literal <s> (vLLM adds the BOS itself), and the key as a Bearer header.
    const first = generations()[0];
    expect(first?.path).toBe('/v1/completions');
    const body = first?.body as { prompt: string; stop: string[]; model: string; stream: boolean };
    expect(body.model).toBe(MODEL);
    expect(body.stream).toBe(true);
    expect(body.stop).toEqual(['</s>']);
    expect(body.prompt.startsWith('You have assess to the following apis:')).toBe(true);
    expect(body.prompt).toContain(`user: ${TASK}</s>`);
    expect(first?.headers.authorization).toBe('Bearer sk-tab-only');

    // The trace records the server: URL, model, what it reported; usage from the server.
    const trace = await page.evaluate(() => window.umi.trace());
    expect(JSON.stringify(trace)).not.toContain('sk-tab-only');
    const step = trace?.steps.find((s) => s.role === 'planner');
    expect(step?.model.kind).toBe('server');
    expect(step?.model.server).toMatchObject({ preset: 'vllm', url: server.url, model: MODEL });
    expect(step?.usage?.unknown).toBeFalsy();
    expect(step?.usage?.completionTokens).toBeGreaterThan(0);
    const callers = trace?.steps.filter((s) => s.role === 'caller') ?? [];
    expect(callers[0]?.model.kind).toBe('tiny');
  });

  test('Stop mid-stream aborts the HTTP request; the run ends stopped and is kept', async ({ page }) => {
    test.setTimeout(90_000);
    const { app } = await openWithRemotePlanner(page);
    server.setMode('slow');
    await app.runTask(TASK);
    await expect(app.stepsOf('planner').first()).toContainText('multiply', { timeout: 30_000 });
    await app.stopButton.click();
    await expect(app.outcome).toHaveAttribute('data-outcome', 'aborted', { timeout: 30_000 });
    await expect.poll(() => generations()[0]?.clientClosed).toBe(true);
    // Kept: the saved run holds the partial step.
    await expect(app.outcome).toHaveAttribute('data-saved-steps', /[1-9]/);
  });

  test.describe('failures', () => {
    test.use(expectConsoleErrors(/Failed to load resource|ERR_|net::/));

    test('a server that dies mid-run: a clear step error, and the run is kept', async ({ page }) => {
      test.setTimeout(120_000);
      // The stand-in dies as the second planner request arrives (after the tool ran), not at a
      // moment the test guesses: the first planner turn is answered, the second is not.
      await server.close();
      server = await startStandIn({
        models: [MODEL],
        host: '127.0.0.1',
        reply: (body) => {
          const text = plannerReply(body);
          if (text.includes('Next: conclusion')) server.setMode('die');
          return text;
        },
      });
      const { app } = await openWithRemotePlanner(page);
      await app.runTask(TASK);
      await expect(app.outcome).toHaveAttribute('data-outcome', 'error', { timeout: 90_000 });
      await expect(app.stepsOf('caller').first()).toBeVisible();
      await expect(app.runError).toContainText(/could not reach|unreachable|not reach/i);
      await expect(app.runError).toContainText(server.url);
      await expect(app.outcome).toHaveAttribute('data-saved-steps', /[1-9]/);
      const trace = await page.evaluate(() => window.umi.trace());
      expect(trace?.steps.some((s) => s.role === 'planner' && s.model.kind === 'server')).toBe(true);
      expect(generations().length).toBeGreaterThanOrEqual(2);
    });

    test('a wrong key: refused before the run, said plainly, and the key never leaves for elsewhere', async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await server.close();
      server = await startStandIn({
        models: [MODEL],
        reply: plannerReply,
        host: '127.0.0.1',
        apiKey: 'sk-right',
      });
      const { app } = await openWithRemotePlanner(page, { apiKey: 'sk-wrong' });
      await app.runTask(TASK);
      await expect(app.outcome).toHaveAttribute('data-outcome', 'error', { timeout: 60_000 });
      await expect(app.runError).toContainText(/key/i);
      await expect(app.runError).toContainText('401');
      const sent = server.requests.filter((r) => r.method !== 'OPTIONS');
      expect(sent.length).toBeGreaterThan(0);
      for (const r of sent) expect(r.headers.authorization).toBe('Bearer sk-wrong');
      // Not in the saved run.
      const trace = await page.evaluate(() => window.umi.trace());
      expect(JSON.stringify(trace)).not.toContain('sk-wrong');
    });
  });
});
