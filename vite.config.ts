import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

/**
 * The service worker precaches everything the page runs on — the app shell, every JS chunk
 * (the WebLLM chunk of the LLM worker is ~6 MB, the sandbox worker), the QuickJS WebAssembly —
 * so after one online visit the page opens and runs with the network off. Model weights are
 * never precached (gigabytes): WebLLM keeps them in its own cache, and files served from
 * this site's /models/ go straight to the network.
 */
const pwa = VitePWA({
  // The page asks before switching to a new version (a run in progress must not be reloaded away).
  registerType: 'prompt',
  // Registered by app/ui/OfflineStatus (lazily, after the first paint), not by an inline script.
  injectRegister: false,
  devOptions: { enabled: false },
  includeAssets: ['favicon.svg'],
  manifest: {
    name: 'umi-lab — a multi-LLM agent in your browser',
    short_name: 'umi-lab',
    description: 'α-UMi multi-LLM tool-using agent, running in your browser.',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#2f6fde',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,wasm,svg,json,webmanifest}'],
    // Weights and model libraries (public/models/) are huge and cached by WebLLM; source maps are for debugging.
    globIgnores: ['models/**', '**/*.map'],
    // WebLLM's chunk is ~6 MB; 32 MB leaves room without precaching anything unexpected.
    maximumFileSizeToCacheInBytes: 32 * 2 ** 20,
    navigateFallback: 'index.html',
    // A missing model file must be a 404, not the page (preflight names the missing file).
    navigateFallbackDenylist: [/\/models\//],
    cleanupOutdatedCaches: true,
  },
});

export default defineConfig({
  plugins: [react(), pwa],
  define: {
    WEBLLM_VERSION: JSON.stringify(pkg.dependencies['@mlc-ai/web-llm']),
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    /** UMI_DIST lets two builds (e.g. parallel e2e runs) live side by side. */
    outDir: process.env.UMI_DIST ?? 'dist',
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
