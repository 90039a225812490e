import type { NamedErrorData } from '../../agent/types';
import { useLocale, useT } from '../../i18n/use-t';
import { errorMessages } from './messages';

export function isKnownError(name: string): name is keyof typeof errorMessages.en {
  return Object.hasOwn(errorMessages.en, name);
}

/**
 * A named error as a sentence in the interface language. In Chinese, a known error gets its
 * Chinese sentence and keeps the original English one (model id, URL, limits) as the detail;
 * an unknown error is shown as it came.
 */
export function ErrorText({ error }: { error: NamedErrorData }) {
  const locale = useLocale();
  const t = useT(errorMessages);
  const message = error.message || (isKnownError(error.name) ? t(error.name) : '');
  if (locale === 'en' || !isKnownError(error.name)) {
    return (
      <>
        <strong>{error.name}:</strong> <span lang="en">{message}</span>
      </>
    );
  }
  return (
    <>
      <strong>{error.name}：</strong>
      {t(error.name)}
      {error.message && (
        <span className="note error-detail" lang="en">
          {' '}
          ({error.message})
        </span>
      )}
    </>
  );
}
