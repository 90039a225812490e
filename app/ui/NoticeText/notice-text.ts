import { type Locale, translate } from '../../i18n/i18n';
import { type ControllerNotice, controllerMessages } from '../../store/messages/controller-messages';
import { roleGroup } from '../Roles/role-list';

/** A controller's notice (slot status, tool storage, lesson link) in `locale`. */
export function controllerNoticeText(locale: Locale, notice: ControllerNotice): string {
  const { values } = notice;
  return translate(
    controllerMessages,
    locale,
    notice.code,
    values && 'roles' in values ? { ...values, roles: roleGroup(locale, values.roles) } : values,
  );
}

/** Notices shown as one line, one sentence after another. */
export function controllerNoticesText(locale: Locale, notices: readonly ControllerNotice[]): string {
  return notices.map((notice) => controllerNoticeText(locale, notice)).join(' ');
}
