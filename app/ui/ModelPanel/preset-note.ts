import { type Locale, translate } from '../../i18n/i18n';
import { type PresetNote, presetNoteMessages } from '../../llm/preset-messages';
import { roleList } from '../Roles/role-list';

/** A note of `resolvePreset` in `locale`, its roles named in that language. */
export function presetNoteText(locale: Locale, note: PresetNote): string {
  const { values } = note;
  return translate(
    presetNoteMessages,
    locale,
    note.code,
    'roles' in values ? { ...values, roles: roleList(locale, values.roles) } : values,
  );
}
