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
 * model libraries from raw.githubusercontent.com. They are fixed when the app is built — a
 * custom model on another host must not widen the policy silently, and the LLM worker gets its
 * policy from a header — so other model hosts are added at build time:
 * UMI_MODEL_HOSTS="https://models.example.org". "This site" (/models/) is 'self'.
 *
 * Servers (issue 14, the "Server (OpenAI-compatible)" engine) are the user's, added without a
 * rebuild. A policy can only be tightened at run time (a second policy is intersected with the
 * first), so the page's connect-src is in two layers:
 * - PAGE_CSP (the <meta> in index.html, and the header `vite preview` sends for the page) keeps
 *   every directive strict but leaves connect-src at the widest set the second layer could ever
 *   admit: `'self' http: https:`. Not `*`: that also matches ws:, wss: and the page's own scheme,
 *   which nothing here needs; data: and blob: stay refused either way.
 * - public/csp-boot.js, the first script in <head> (classic and synchronous, so it runs before
 *   any module and before any request of the app), adds a second <meta> policy
 *   `connect-src 'self' <MODEL_HOSTS> <the origins saved under ADMITTED_ORIGINS_KEY>`, read from
 *   localStorage when the page loads; strict validation keeps a hostile value from widening it
 *   beyond exact http(s) origins (at most 32). The build fills in MODEL_HOSTS (bootScript(),
 *   below), so the list is not copied by hand. A server saved while the page runs is
 *   admitted after a reload. The fetches of the server engine run on the page, so the workers'
 *   policies below are untouched.
 * If the boot script did not run, connect-src would stay at `'self' http: https:` (scripts are
 * still only this site's): a host that serves the page must serve /csp-boot.js with it, and a
 * host that sends its own policy header for the page must leave connect-src as PAGE_CSP has it.
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

/** The page: scripts only from this site, no inline script; fetches as csp-boot.js narrows them (above). */
export const PAGE_CSP = policy({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  // Narrowed at load by public/csp-boot.js to this site, MODEL_HOSTS and the saved servers (above).
  'connect-src': ["'self'", 'http:', 'https:'],
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

/** Where public/csp-boot.js takes the model hosts; left null, the script does nothing (dev server). */
const BOOT_PLACEHOLDER = '/* umi:csp-boot */ null';

/** public/csp-boot.js as the build ships it: its placeholder replaced by the model hosts. */
export function bootScript(template: string, modelHosts: readonly string[] = MODEL_HOSTS): string {
  const parts = template.split(BOOT_PLACEHOLDER);
  if (parts.length !== 2) throw new Error(`public/csp-boot.js must contain ${BOOT_PLACEHOLDER} exactly once`);
  // A model host is a source expression: a space, quote, comma or semicolon would change the policy.
  const broken = modelHosts.find((host) => !/^[^\s'";,]+$/.test(host));
  if (broken !== undefined)
    throw new Error(`Not a CSP source expression in MODEL_HOSTS: ${JSON.stringify(broken)}`);
  return parts.join(JSON.stringify(modelHosts));
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
  // public/ is copied as it is; the boot script is emitted over its copy with the placeholder filled
  // (before vite-plugin-pwa lists the output, so the precache has the shipped file and revision).
  generateBundle() {
    const template = readFileSync(new URL('./public/csp-boot.js', import.meta.url), 'utf8');
    this.emitFile({ type: 'asset', fileName: 'csp-boot.js', source: bootScript(template) });
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
