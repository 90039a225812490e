/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { Catalog, Message, Messages } from '../i18n/i18n';
import { EXAMPLE_SCRIPTS } from '../llm/scripted/scripts';
import { EXAMPLE_TITLES_ZH } from './TaskForm/messages';

/** Every catalog file of the app: components' `messages.ts` and the stores' `*-messages.ts`. */
const modules = import.meta.glob<Record<string, unknown>>(['../**/*messages.ts'], { eager: true });

const isCatalog = (value: unknown): value is Catalog<Messages> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Record<string, unknown>).en === 'object' &&
  typeof (value as Record<string, unknown>)['zh-CN'] === 'object';

const catalogs = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isCatalog(value))
    .map(([name, value]) => [`${file.replace('../', 'app/')} ${name}`, value as Catalog<Messages>] as const),
);

const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

/** A message as text: strings as they are, functions called with a value for every name. */
function sample(message: Message): string {
  if (typeof message === 'string') return message;
  const vars = new Proxy({} as Record<string, string | number>, {
    get: (_target, name) => (name === 'count' ? 2 : `<${String(name)}>`),
  });
  return message(vars);
}

describe('translation catalogs', () => {
  it('are found (this test would pass vacuously otherwise)', () => {
    expect(catalogs.length).toBeGreaterThanOrEqual(15);
    const files = new Set(catalogs.map(([name]) => name.split(' ')[0]));
    for (const folder of ['FlowBar', 'StepCard', 'TaskForm', 'ModelPanel', 'HistoryPanel', 'ToolManager'])
      expect([...files].some((f) => f?.includes(`/${folder}/`))).toBe(true);
  });

  it.each(catalogs)(
    '%s: both languages have the same keys, none empty, same placeholders',
    (_name, catalog) => {
      const zh = catalog['zh-CN'];
      expect(Object.keys(zh).sort()).toEqual(Object.keys(catalog.en).sort());
      for (const [key, en] of Object.entries(catalog.en)) {
        const translated = zh[key];
        expect(translated, key).toBeDefined();
        if (translated === undefined) continue;
        expect(sample(en).trim(), `${key} (en)`).not.toBe('');
        expect(sample(translated).trim(), `${key} (zh-CN)`).not.toBe('');
        if (typeof en === 'string' && typeof translated === 'string') {
          for (const name of placeholders(en))
            expect(placeholders(translated).has(name), `${key}: {${name}} missing in zh-CN`).toBe(true);
        }
      }
    },
  );

  it('gives every example task a Chinese label (the task itself stays English)', () => {
    for (const example of EXAMPLE_SCRIPTS)
      expect(EXAMPLE_TITLES_ZH[example.id], example.id).toMatch(/[\u4e00-\u9fff]/);
  });
});
