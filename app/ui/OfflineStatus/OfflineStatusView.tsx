import { useEffect, useSyncExternalStore } from 'react';
import { translateCoded } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { historyMessages } from '../../store/messages/history-messages';
import { selectModelsBusy } from '../../store/selectors';
import { offlineMessages } from './messages';
import { dismissUpdate, pwaState, startPwa, subscribePwa, updateNow } from './pwa-status';
import './offline-status.css';

function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
  );
}

/**
 * The page's dependability at a glance: "Ready offline" once the service worker has saved the app,
 * "update available" with a prompt, no network, and runs that could not be saved.
 */
export function OfflineStatusView() {
  const t = useT(offlineMessages);
  const pwa = useSyncExternalStore(subscribePwa, pwaState);
  const online = useOnline();
  // Locked while anything (a run, a suite, a comparison, a static evaluation) uses the models.
  const running = useAppStore(selectModelsBusy);
  // Shown here, on every tab, so a run whose saving fails never looks saved.
  const storageNotice = useAppStore((s) => s.storageNotice);
  const locale = useLocale();
  useEffect(startPwa, []);
  if (pwa.phase === 'off' && online && !pwa.updateReady && !storageNotice) return null;
  return (
    <div className="offline-status" data-testid="offline-status" data-phase={pwa.phase}>
      {pwa.phase === 'ready' && (
        <span className="offline-badge" data-testid="offline-ready" title={t('readyTitle')}>
          <span aria-hidden="true">●</span> {t('ready')}
        </span>
      )}
      {pwa.phase === 'installing' && (
        <span className="offline-note" role="status">
          {t('preparing')}
        </span>
      )}
      {pwa.phase === 'unsupported' && <span className="offline-note">{t('unsupported')}</span>}
      {pwa.phase === 'failed' && (
        <span className="offline-note offline-error" role="alert">
          {t('failed', { message: pwa.error ?? '' })}
        </span>
      )}
      {!online && (
        <span className="offline-note" role="status" data-testid="offline-now">
          {t('offlineNow')}
        </span>
      )}
      {storageNotice && (
        <span className="offline-note offline-error" role="alert" data-testid="storage-alert">
          {translateCoded(historyMessages, locale, storageNotice)}
        </span>
      )}
      {pwa.updateReady && (
        <div className="offline-update" role="alert" data-testid="update-available">
          <span>{t('updateAvailable')}</span>{' '}
          <button
            type="button"
            className="primary"
            data-testid="update-now"
            disabled={running}
            onClick={() => void updateNow()}
          >
            {t('updateButton')}
          </button>{' '}
          <button type="button" onClick={dismissUpdate}>
            {t('dismiss')}
          </button>
          {running && <span className="offline-note"> {t('updateAfterRun')}</span>}
        </div>
      )}
    </div>
  );
}
