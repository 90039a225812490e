import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import type { LabActivity } from '../../store/run-slice';
import { busyMessages } from './messages';

/** Says what else is using the models, when something other than `self` is. */
export function BusyNote({ self }: { self: LabActivity }) {
  const t = useT(busyMessages);
  const activity = useAppStore((s) => s.activity);
  if (activity === undefined || activity === self) return null;
  return (
    <p className="muted busy-note" data-testid="busy-note" data-activity={activity} role="status">
      {t(activity)} {t('wait')}
    </p>
  );
}
