import { type Catalog, isLocale, type Locale, type Messages, type Translate, translate } from '../i18n/i18n';
import { useAppStore } from './index';

/** The interface language now; a hand-edited or older saved value must not break the page. */
export function currentLocale(): Locale {
  const stored = useAppStore.getState().locale;
  return isLocale(stored) ? stored : 'en';
}

/**
 * Outside React, for text that is read once and never shown again (the console API's errors):
 * a translate function for the language at the time of the call. Anything the page shows is
 * kept as a coded message instead (i18n.ts `Coded`) and translated when it is rendered.
 */
export function tNow<M extends Messages>(catalog: Catalog<M>): Translate<M> {
  const locale = currentLocale();
  return (key, vars) => translate(catalog, locale, key, vars);
}
