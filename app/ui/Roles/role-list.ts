import type { Role } from '../../agent/types';
import { type Locale, translate } from '../../i18n/i18n';
import { roleMessages } from './messages';

/*
 * Roles inside a sentence of a coded message. English keeps the role ids ("planner"), as
 * those sentences always read; Chinese uses the role names of roleMessages.
 */

function names(locale: Locale, roles: readonly Role[]): string[] {
  return locale === 'en' ? [...roles] : roles.map((role) => translate(roleMessages, locale, role));
}

/** "planner, caller and summarizer"; "规划器、调用器和总结器". */
export function roleList(locale: Locale, roles: readonly Role[]): string {
  const list = names(locale, roles);
  if (list.length <= 1) return list.join('');
  const [last] = list.slice(-1);
  return locale === 'en'
    ? `${list.slice(0, -1).join(', ')} and ${last}`
    : `${list.slice(0, -1).join('、')}和${last}`;
}

/** Roles served by one loaded model: "planner + caller"; "规划器 + 调用器". */
export function roleGroup(locale: Locale, roles: readonly Role[]): string {
  return names(locale, roles).join(' + ');
}
