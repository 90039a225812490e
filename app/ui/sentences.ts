import { type Catalog, type Locale, type Messages, translate, type Vars } from '../i18n/i18n';

/**
 * Only the saved-runs panel still uses this (app/ui/HistoryPanel/translate-sentences.ts, for the
 * trace-file checks and the history controller's refusals); every other producer returns coded
 * messages (i18n.ts `Coded`) that the page translates when it shows them. Delete this once the
 * history controller and the trace-file checks do too.
 *
 * It recognises an English sentence by its English template in a catalog — the English entry
 * *is* the pattern, `{name}` matching any text — and shows the same entry in the interface
 * language with the same values. A sentence no template matches is shown as it came, in English.
 * This is fragile: a producer's reworded sentence silently stays English on the Chinese page.
 */

const cache = new Map<string, { re: RegExp; names: string[] }>();

function compile(template: string): { re: RegExp; names: string[] } {
  let hit = cache.get(template);
  if (hit) return hit;
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    source += escapeRegExp(template.slice(last, m.index));
    source += '([\\s\\S]+?)';
    names.push(m[1] ?? '');
    last = (m.index ?? 0) + m[0].length;
  }
  source += escapeRegExp(template.slice(last));
  hit = { re: new RegExp(`^${source}$`), names };
  cache.set(template, hit);
  return hit;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The values that make `template` read as `text`, or undefined when it does not match. */
export function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const { re, names } = compile(template);
  const m = re.exec(text);
  if (!m) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? '']));
}

export interface SentenceMatch<M extends Messages> {
  key: keyof M & string;
  vars: Record<string, string>;
}

/** Which catalog entry (and values) an English sentence was made from. */
export function recognise<M extends Messages>(
  catalog: Catalog<M>,
  text: string,
): SentenceMatch<M> | undefined {
  for (const [key, template] of Object.entries(catalog.en)) {
    if (typeof template !== 'string') continue;
    const vars = matchTemplate(template, text);
    if (vars) return { key: key as keyof M & string, vars };
  }
  return undefined;
}

/**
 * `text` in `locale`: the matching entry with the same values (each passed through `mapVar`,
 * e.g. to translate a nested sentence or a role list), or `text` itself when nothing matches.
 */
export function translateSentence<M extends Messages>(
  catalog: Catalog<M>,
  locale: Locale,
  text: string,
  mapVar: (name: string, value: string) => string = (_name, value) => value,
): string {
  if (locale === 'en') return text;
  const hit = recognise(catalog, text);
  if (!hit) return text;
  const vars: Vars = Object.fromEntries(Object.entries(hit.vars).map(([k, v]) => [k, mapVar(k, v)]));
  return translate(catalog, locale, hit.key, vars);
}
