import { useLocale, useT } from '../../i18n/use-t';
import { slotStatusMessages, suiteControllerMessages } from '../../store/messages/suite-messages';
import type { LabNotice } from '../../store/suite-slice';
import { ErrorText } from '../ErrorText/ErrorText';
import { presetNoteText } from '../ModelPanel/preset-note';
import { choiceName, tinySystemName } from './labels';
import { resultsMessages } from './messages';

function isSlotStatus(value: unknown): value is keyof typeof slotStatusMessages.en {
  return typeof value === 'string' && Object.hasOwn(slotStatusMessages.en, value);
}

/**
 * A suite or comparison notice in the interface language, made when it is shown: the sentence,
 * the preset's name and notes translated, and the named error through ErrorText.
 */
export function LabNoticeText({ notice }: { notice: LabNotice }) {
  const locale = useLocale();
  const t = useT(suiteControllerMessages);
  const ts = useT(slotStatusMessages);
  const tr = useT(resultsMessages);
  const choice = notice.column?.choice;
  const name = choice ? choiceName(locale, choice, tr('yourModels')) : '';
  const system = notice.column?.tinySystem;
  const config = [system ? tinySystemName(locale, system) : name, notice.column?.mode]
    .filter(Boolean)
    .join(' · ');
  const status = notice.values?.status;
  const values = {
    ...notice.values,
    choice: name,
    config,
    ...(isSlotStatus(status) ? { status: ts(status) } : {}),
  };
  return (
    <>
      {t(notice.key, values)}
      {notice.notes?.map((note) => ` ${presetNoteText(locale, note)}`)}
      {notice.error && (
        <>
          {' '}
          <ErrorText error={notice.error} />
        </>
      )}
    </>
  );
}
