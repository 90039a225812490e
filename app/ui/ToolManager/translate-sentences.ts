import type { Locale } from '../../i18n/i18n';
import { translateSentence } from '../sentences';
import { toolLabelMessages, toolProblemMessages } from './sentence-messages';

/** A problem with a tool or tool pack, in `locale` (unknown sentences stay as they came). */
export function toolProblem(locale: Locale, problem: string): string {
  return translateSentence(toolProblemMessages, locale, problem, (name, value) =>
    name === 'label' ? translateSentence(toolLabelMessages, locale, value) : value,
  );
}
