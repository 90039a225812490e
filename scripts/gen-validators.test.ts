import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATED, traceValidatorSource } from './gen-validators';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('build-time validators', () => {
  it('the committed trace validator is compiled from the current TRACE_SCHEMA (else: npm run gen:validators)', async () => {
    expect(await readFile(`${ROOT}${GENERATED.trace}`, 'utf8')).toBe(traceValidatorSource());
  });

  it('the generated code calls no eval at run time', async () => {
    const code = await readFile(`${ROOT}${GENERATED.trace}`, 'utf8');
    expect(code).not.toMatch(/\bnew Function\b|\beval\(|\bFunction\(/);
  });
});
