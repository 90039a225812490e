import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
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
    // onnx + model: the built-in tiny α-UMi models and their tokenizer (public/tiny/), a few MB each.
    globPatterns: ['**/*.{html,js,mjs,css,wasm,svg,json,webmanifest,onnx,model}'],
    // Weights and model libraries (public/models/) are huge and cached by WebLLM; source maps are for debugging.
    // The tiny models precached are the default system's (α-UMi GLPFT, multi); the other three
    // systems (comparisons) are cached on first use by the rule below. checks.json is for tests.
    globIgnores: [
      'models/**',
      '**/*.map',
      'tiny/one-stage/**',
      'tiny/shared/**',
      'tiny/single/**',
      'tiny/**/checks.json',
    ],
    runtimeCaching: [
      {
        urlPattern: ({ url }) => /\/tiny\/(one-stage|shared|single)\/[\w-]+\.onnx$/.test(url.pathname),
        handler: 'CacheFirst',
        options: { cacheName: 'umi-tiny-models' },
      },
    ],
    // WebLLM's chunk is ~6 MB; 32 MB leaves room without precaching anything unexpected.
    maximumFileSizeToCacheInBytes: 32 * 2 ** 20,
    navigateFallback: 'index.html',
    // A missing model file must be a 404, not the page (preflight names the missing file).
    navigateFallbackDenylist: [/\/models\//],
    cleanupOutdatedCaches: true,
  },
});

/**
 * Content-Security-Policy of the built app (the dev server has none: HMR needs inline scripts).
 * The page's runtime has no eval: fixed schemas are compiled at build time, tool schemas are
 * interpreted (see app/agent/validate-args.ts), so no 'unsafe-eval' anywhere.
 *
 * Model hosts: WebLLM downloads weights from huggingface.co (redirected to *.hf.co CDNs) and
 * model libraries from raw.githubusercontent.com. A policy is fixed when the page is built — a
 * <meta> policy cannot change at run time, and a custom model on another host must not widen
 * it silently — so other hosts are added at build time: UMI_MODEL_HOSTS="https://models.example.org".
 * "This site" (/models/) is 'self'.
 */
export const MODEL_HOSTS = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://raw.githubusercontent.com',
  ...(process.env.UMI_MODEL_HOSTS ?? '').split(/[\s,]+/).filter(Boolean),
];

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** The page: scripts only from this site, no inline script, fetches only to this site and the model hosts. */
export const PAGE_CSP = policy({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'", ...MODEL_HOSTS],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
});
/** Workers get their policy from their own response headers, not from the page's <meta>. */
export const LLM_WORKER_CSP = policy({
  'default-src': ["'none'"],
  // WebLLM's runtime, tokenizers and model libraries are WebAssembly.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // data: the tokenizers' wasm is embedded as a data: URL and read with fetch().
  'connect-src': ["'self'", 'data:', ...MODEL_HOSTS],
});
/** The tiny models' worker: onnxruntime-web's wasm and glue, the models and tokenizer, all from this site. */
export const TINY_WORKER_CSP = policy({
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // data: the tokenizer library's wasm is embedded as a data: URL and read with fetch().
  'connect-src': ["'self'", 'data:'],
});
/** The sandbox runs untrusted code: QuickJS's wasm from this site, and nothing else. */
export const SANDBOX_WORKER_CSP = policy({
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'connect-src': ["'self'"],
});
export const SERVICE_WORKER_CSP = policy({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'connect-src': ["'self'"],
});

/** The policy a response of the built app carries, by path. */
export function cspFor(path: string): string {
  const file = path.split('?')[0] ?? '';
  if (/\/sandbox\.worker-[\w-]+\.js$/.test(file)) return SANDBOX_WORKER_CSP;
  if (/\/llm\.worker-[\w-]+\.js$/.test(file)) return LLM_WORKER_CSP;
  if (/\/tiny\.worker-[\w-]+\.js$/.test(file)) return TINY_WORKER_CSP;
  if (/\/sw\.js$|\/workbox-[\w-]+\.js$/.test(file)) return SERVICE_WORKER_CSP;
  // frame-ancestors works only as a header.
  return `${PAGE_CSP}; frame-ancestors 'none'`;
}

const csp: Plugin = {
  name: 'umi-csp',
  // As a <meta> in the built page (any static host), and as headers from `vite preview`
  // (the only way a worker gets a policy). See README, "Security policy", for other hosts.
  transformIndexHtml: {
    order: 'post',
    handler(html, context) {
      if (context.server) return html;
      return html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}" />`,
      );
    },
  },
  configurePreviewServer(server) {
    server.middlewares.use((request, response, next) => {
      response.setHeader('Content-Security-Policy', cspFor(request.url ?? '/'));
      next();
    });
  },
};

/**
 * Regenerates the build-time validators (scripts/gen-validators.ts) before every build and
 * dev-server start, so a changed schema never ships with a stale validator.
 */
const validators: Plugin = {
  name: 'umi-validators',
  buildStart() {
    execFileSync(
      fileURLToPath(new URL('./node_modules/.bin/tsx', import.meta.url)),
      ['scripts/gen-validators.ts'],
      {
        cwd: fileURLToPath(new URL('.', import.meta.url)),
        stdio: 'inherit',
      },
    );
  },
};

export default defineConfig(({ command }) => ({
  plugins: [validators, react(), pwa, csp],
  define: {
    WEBLLM_VERSION: JSON.stringify(pkg.dependencies['@mlc-ai/web-llm']),
    // The policy's model hosts, so a refused download says why (app/llm/webllm/model-hosts.ts).
    UMI_MODEL_HOSTS: command === 'build' ? JSON.stringify(MODEL_HOSTS) : 'undefined',
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
}));
