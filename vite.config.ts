import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

export default defineConfig({
  plugins: [react()],
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
