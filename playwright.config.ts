import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Real Chromium against the built app (`vite preview`). Uses the system Chromium when there
 * is one (this machine cannot download Playwright's browsers) and Playwright's own otherwise.
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
/** Override with UMI_E2E_PORT to run two suites side by side. */
const PORT = Number(process.env.UMI_E2E_PORT ?? 4173);
/** Without these, Chromium floods a closed network with background requests. */
const QUIET = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const executable = systemChromium ? { executablePath: systemChromium } : {};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      // WebGPU on SwiftShader: a real adapter (no shader-f16) on a machine without a GPU.
      name: 'chromium',
      testIgnore: /\.nogpu\.spec\.ts$/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...executable,
          args: [...QUIET, '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader'],
        },
      },
    },
    {
      // Plain headless Chromium: no WebGPU adapter, as on many classroom machines.
      name: 'no-webgpu',
      testMatch: /\.nogpu\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], launchOptions: { ...executable, args: QUIET } },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
