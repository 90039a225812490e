import { type Locale, translate } from '../../i18n/i18n';
import type { GpuProbe } from '../../llm/gpu-probe';
import { roleMessages } from '../Roles/messages';
import { translateSentence } from '../sentences';
import {
  customModelErrorMessages,
  customModelFieldMessages,
  gpuSentenceMessages,
  presetNoteMessages,
} from './sentence-messages';

function isRole(word: string): word is keyof typeof roleMessages.en {
  return Object.hasOwn(roleMessages.en, word);
}

/** "planner, caller and summarizer" (role ids, as presets.ts lists them) in `locale`. */
export function roleList(locale: Locale, list: string): string {
  if (locale === 'en') return list;
  const names = list.split(/, | and /).map((w) => (isRole(w) ? translate(roleMessages, locale, w) : w));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}和${names.at(-1)}`;
}

/** A note of `resolvePreset` in `locale`. */
export function presetNote(locale: Locale, note: string): string {
  return translateSentence(presetNoteMessages, locale, note, (name, value) =>
    name === 'roles' ? roleList(locale, value) : value,
  );
}

/** A limits problem or a warning line of the GPU probe in `locale`. */
export function gpuLine(locale: Locale, line: string): string {
  return translateSentence(gpuSentenceMessages, locale, line);
}

/** Why the GPU cannot be used, in `locale` (the limits sentence lists each problem translated). */
export function gpuFailure(locale: Locale, gpu: Extract<GpuProbe, { ok: false }>): string {
  return translateSentence(gpuSentenceMessages, locale, gpu.message, (name, value) =>
    name === 'problems' && gpu.reason === 'limits'
      ? gpu.details.problems.map((p) => gpuLine(locale, p)).join('')
      : value,
  );
}

/** A `CatalogError` sentence of the custom model form in `locale`. */
export function customModelError(locale: Locale, message: string): string {
  return translateSentence(customModelErrorMessages, locale, message, (name, value) =>
    name === 'what' && Object.hasOwn(customModelFieldMessages.en, value)
      ? translate(customModelFieldMessages, locale, value as keyof typeof customModelFieldMessages.en)
      : value,
  );
}
