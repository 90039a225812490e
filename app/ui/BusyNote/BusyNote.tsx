import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { busyMessages } from '../../store/messages/activity-messages';
import type { ActivityKind } from '../../store/run-slice';
import { selectBusyElsewhere } from '../../store/selectors';

/** Says what else is using the models, when something other than `self` is. */
export function BusyNote({ self }: { self: readonly ActivityKind[] }) {
  const t = useT(busyMessages);
  const activity = useAppStore(selectBusyElsewhere(...self));
  if (activity === undefined) return null;
  return (
    <p className="muted busy-note" data-testid="busy-note" data-activity={activity} role="status">
      {t(activity)} {t('wait')}
    </p>
  );
}
