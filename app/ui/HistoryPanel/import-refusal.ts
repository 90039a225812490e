import { traceFileProblemText } from '../../agent/trace-file-messages';
import { type Locale, translate } from '../../i18n/i18n';
import { type ImportRefusal, importRefusalMessages } from '../../store/messages/history-messages';

/** Why an imported file was refused, in `locale`: the file, and its problem written out. */
export function importRefusalText(locale: Locale, refusal: ImportRefusal): string {
  if (refusal.code === 'tooBig') return translate(importRefusalMessages, locale, 'tooBig', refusal.values);
  const { reason } = refusal.values;
  const text = typeof reason === 'string' ? reason : traceFileProblemText(locale, reason);
  return refusal.code === 'fileProblem'
    ? translate(importRefusalMessages, locale, 'fileProblem', { file: refusal.values.file, reason: text })
    : translate(importRefusalMessages, locale, 'notSaved', { reason: text });
}
