import { useLocale } from '../../i18n/use-t';
import type { ControllerNotice } from '../../store/messages/controller-messages';
import { controllerNoticesText } from './notice-text';

/**
 * Controller notices kept in the store as codes (controller-messages.ts), written in the
 * interface language when shown, so they follow a change of language.
 */
export function NoticeText({ notice }: { notice: ControllerNotice | readonly ControllerNotice[] }) {
  const locale = useLocale();
  return <>{controllerNoticesText(locale, 'code' in notice ? [notice] : notice)}</>;
}
