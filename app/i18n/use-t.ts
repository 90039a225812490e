import { useCallback } from 'react';
import { useAppStore } from '../store';
import { type Catalog, isLocale, type Locale, type Messages, type Translate, translate } from './i18n';

/** The current locale, for components that format numbers or dates themselves. */
export function useLocale(): Locale {
  const locale = useAppStore((s) => s.locale);
  // A hand-edited or older localStorage value must not break the page.
  return isLocale(locale) ? locale : 'en';
}

/** A translate function bound to the current locale; components re-render when it changes. */
export function useT<M extends Messages>(catalog: Catalog<M>): Translate<M> {
  const locale = useLocale();
  return useCallback((key, vars) => translate(catalog, locale, key, vars), [catalog, locale]);
}
