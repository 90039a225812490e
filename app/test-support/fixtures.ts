import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the shared α-UMi golden data lives. The fixtures are read in place, never copied
 * (STYLE.md #10): `$UMI_FIXTURES` if set, else `../shared/fixtures` beside the repository,
 * else the workplace's `/work/shared/fixtures`.
 */
function fixturesRoot(): string {
  const candidates = [
    process.env.UMI_FIXTURES,
    fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url)),
    '/work/shared/fixtures/',
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `The α-UMi fixtures were not found (looked in ${candidates.join(', ')}). Set UMI_FIXTURES.`,
    );
  }
  return found.endsWith('/') ? found : `${found}/`;
}

export function alphaUmiFixturePath(name: string): string {
  return `${fixturesRoot()}alpha-umi/${name}`;
}

export function readAlphaUmiFixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(alphaUmiFixturePath(name), 'utf8')) as T;
}
