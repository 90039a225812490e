import { type Locale, translate } from '../../i18n/i18n';
import { translateSentence } from '../sentences';
import {
  importErrorMessages,
  traceFileMessages,
  traceProblemMessages,
  traceWordMessages,
} from './sentence-messages';

function word(locale: Locale, value: string): string {
  return Object.hasOwn(traceWordMessages.en, value)
    ? translate(traceWordMessages, locale, value as keyof typeof traceWordMessages.en)
    : value;
}

/** A schema problem ("steps[3].prompt is missing") in `locale`. */
export function traceProblem(locale: Locale, problem: string): string {
  return translateSentence(traceProblemMessages, locale, problem, (name, value) =>
    name === 'where' || name === 'what' ? word(locale, value) : value,
  );
}

/** Why a trace file (or stored run) was refused, in `locale`. */
export function traceFileError(locale: Locale, reason: string): string {
  return translateSentence(traceFileMessages, locale, reason, (name, value) =>
    name === 'problem' ? traceProblem(locale, value) : value,
  );
}

/** The history controller's message for a refused import (`file: reason`), in `locale`. */
export function importError(locale: Locale, message: string): string {
  return translateSentence(importErrorMessages, locale, message, (name, value) =>
    name === 'reason' ? traceFileError(locale, value) : value,
  );
}
