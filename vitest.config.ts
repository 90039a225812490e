import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

export default defineConfig({
  // The same build constants as vite.config.ts, so modules that read them run under test.
  define: { WEBLLM_VERSION: JSON.stringify(pkg.dependencies['@mlc-ai/web-llm']) },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'workers/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
