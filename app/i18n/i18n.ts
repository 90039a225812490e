/**
 * The translation layer: every string the page shows goes through `defineMessages` + `useT`.
 *
 * Why not i18next/react-i18next: together they add ~20 KB gzip to the first load, against a
 * 150 KB budget for the whole page (issue 7), and the page needs only two locales, typed keys,
 * `{name}` interpolation and plurals — which `Intl.PluralRules` provides. Catalogs live beside
 * the component that uses them, so features never edit one shared file; the compiler checks
 * that the Chinese catalog has exactly the English keys.
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** Names shown in the language switch, each in its own language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export type Vars = Readonly<Record<string, string | number>>;
/** A string with `{name}` placeholders, or a function for anything more (plurals, lists). */
export type Message = string | ((vars: Vars) => string);
export type Messages = Record<string, Message>;

export interface Catalog<M extends Messages> {
  readonly en: M;
  readonly 'zh-CN': { readonly [K in keyof M]: Message };
}

/**
 * One feature's strings. The second argument must translate every key of the first. The
 * English strings keep their literal types (`const`), so `Coded` can read their placeholders.
 */
export function defineMessages<const M extends Messages>(
  en: M,
  zh: { readonly [K in keyof M]: Message },
): Catalog<M> {
  return { en, 'zh-CN': zh };
}

export type Translate<M extends Messages> = (key: keyof M & string, vars?: Vars) => string;

/** A placeholder name; `{ ... }` in a code sample is text, not a placeholder (as in `format`). */
type PlaceholderName<N extends string> = N extends '' | `${string}${' ' | '{'}${string}` ? never : N;

/** The `{name}` placeholders of a template, as a union of names. */
export type Placeholders<T extends string> = T extends `${string}{${infer N}}${infer Rest}`
  ? PlaceholderName<N> | Placeholders<Rest>
  : never;

/**
 * The values a message needs: one per placeholder of its English template, each text or a
 * number — or, for a name in `Rich`, richer data that the code showing the message turns into
 * text (a list of roles, a nested message). A function message takes any values.
 */
export type ValuesOf<T, Rich = object> = T extends string
  ? string extends T
    ? Vars
    : [Placeholders<T>] extends [never]
      ? undefined
      : { readonly [K in Placeholders<T>]: K extends keyof Rich ? Rich[K] : string | number }
  : Vars;

/**
 * A message for the user as data: the key of a catalog entry (`code`) and the values of its
 * placeholders. Producers outside the interface return these instead of sentences; the page
 * translates them when it shows them, so a notice follows a change of language. A code that is
 * not in the catalog, or a missing value, does not compile.
 */
export type Coded<C extends { readonly en: Messages }, Rich = object> = {
  [K in keyof C['en'] & string]: ValuesOf<C['en'][K], Rich> extends undefined
    ? { readonly code: K; readonly values?: undefined }
    : { readonly code: K; readonly values: ValuesOf<C['en'][K], Rich> };
}[keyof C['en'] & string];

/** Fills `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function format(template: string, vars: Vars | undefined): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate<M extends Messages>(
  catalog: Catalog<M>,
  locale: Locale,
  key: keyof M & string,
  vars?: Vars,
): string {
  const message = catalog[locale][key] ?? catalog.en[key];
  if (message === undefined) return key;
  return typeof message === 'function' ? message(vars ?? {}) : format(message, vars);
}

/** A coded message whose values are all text or numbers, in `locale`. */
export function translateCoded<M extends Messages>(
  catalog: Catalog<M>,
  locale: Locale,
  message: Coded<Catalog<M>>,
): string {
  return translate(catalog, locale, message.code, message.values as Vars | undefined);
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

/** English-style plural choice (`one` / `other`) for a locale; Chinese always answers `other`. */
export function plural(locale: Locale, n: number, forms: { one: string; other: string }): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return format(rules.select(n) === 'one' ? forms.one : forms.other, { n });
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** First visit: Chinese for a browser that prefers any Chinese, English otherwise. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Numbers formatted for the locale (thousands separators). */
export function formatNumber(locale: Locale, n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale, options).format(n);
}
