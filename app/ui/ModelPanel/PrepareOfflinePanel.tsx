import { useState } from 'react';
import { checkCache, loadModels, plannedDownloadSizes } from '../../controllers/models-controller';
import { formatNumber } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { type ModelDownloadSize, SizeCheckError, totalBytes } from '../../llm/download-size';
import { useAppStore } from '../../store';
import { plannedSlots } from '../../store/models-slice';
import { selectModelsBusy } from '../../store/selectors';
import { prepareOfflineMessages } from './PrepareOffline.messages';
import './prepare-offline.css';

function useBytes() {
  const locale = useLocale();
  return (bytes: number) =>
    bytes >= 2 ** 30
      ? formatNumber(locale, bytes / 2 ** 30, { style: 'unit', unit: 'gigabyte', maximumFractionDigits: 2 })
      : formatNumber(locale, bytes / 2 ** 20, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 });
}

/** One button to download every model of the chosen preset ahead of class, size first. */
export function PrepareOfflinePanel() {
  const t = useT(prepareOfflineMessages);
  const bytes = useBytes();
  const source = useAppStore((s) => s.modelSource);
  const slots = useAppStore((s) => s.slots);
  const modelsMode = useAppStore((s) => s.modelsMode);
  const roleModels = useAppStore((s) => s.roleModels);
  // Locked while anything (a run, a suite, a comparison, a static evaluation) uses the models.
  const running = useAppStore(selectModelsBusy);
  const [sizes, setSizes] = useState<{ key: string; list: ModelDownloadSize[] } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<'sizes' | 'download' | 'cache' | undefined>();
  const [checked, setChecked] = useState(false);

  const planned = plannedSlots({ modelsMode, roleModels });
  const modelIds = [...new Set(planned.map((s) => s.modelId))];
  const key = `${source}|${modelIds.join(',')}`;
  const current = sizes?.key === key ? sizes.list : undefined;
  const total = current ? totalBytes(current) : undefined;
  const cachedIds = new Set(
    Object.values(slots)
      .filter((s) => s?.cached)
      .map((s) => s?.modelId),
  );

  const work = async (kind: 'sizes' | 'download' | 'cache', task: () => Promise<void>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await task();
    } finally {
      setBusy(undefined);
    }
  };

  const readSizes = () =>
    work('sizes', async () => {
      try {
        setSizes({ key, list: await plannedDownloadSizes() });
      } catch (e) {
        const failure = e instanceof SizeCheckError ? e : new SizeCheckError(String(e), '');
        setError(t('sizeError', { url: failure.url, reason: failure.message }));
      }
    });

  const refreshCache = async () => {
    await checkCache();
    setChecked(true);
  };

  return (
    <section className="prepare-offline" aria-label={t('title')} data-testid="prepare-offline">
      <h3>{t('title')}</h3>
      <p className="note">{t('intro')}</p>
      <div className="actions">
        <button type="button" data-testid="offline-sizes" disabled={!!busy} onClick={() => void readSizes()}>
          {t('sizesButton')}
        </button>
        <button
          type="button"
          data-testid="offline-check-cache"
          disabled={!!busy || running}
          onClick={() => void work('cache', refreshCache)}
        >
          {t('checkCache')}
        </button>
      </div>
      {busy === 'sizes' && (
        <p className="note" role="status">
          {t('checking')}
        </p>
      )}
      {error && (
        <p className="step-error" role="alert" data-testid="offline-size-error">
          {error}
        </p>
      )}
      {(current || checked) && (
        <ul className="prepare-offline-list" data-testid="offline-models">
          {modelIds.map((id) => {
            const size = current?.find((s) => s.modelId === id);
            return (
              <li key={id} data-testid="offline-model" data-cached={checked ? String(cachedIds.has(id)) : ''}>
                {size
                  ? t('modelRow', { model: id, size: bytes(size.weightsBytes + (size.libraryBytes ?? 0)) })
                  : id}
                {size && <span className="note"> · {t('shards', { n: size.shards })}</span>}
                {checked && <span className="badge">{cachedIds.has(id) ? t('cached') : t('notCached')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {checked && (
        <p className="note" data-testid="offline-cache-report">
          {modelIds.every((id) => cachedIds.has(id))
            ? t('allCached')
            : t('report', { cached: modelIds.filter((id) => cachedIds.has(id)).length, n: modelIds.length })}
        </p>
      )}
      {total && (
        <>
          <p data-testid="offline-total">
            {t(total.complete ? 'total' : 'totalAtLeast', { size: bytes(total.bytes), n: modelIds.length })}
          </p>
          <button
            type="button"
            className="primary"
            data-testid="offline-download"
            disabled={!!busy || running}
            onClick={() =>
              void work('download', async () => {
                await loadModels();
                await refreshCache();
              })
            }
          >
            {t('download', { size: bytes(total.bytes) })}
          </button>
          <p className="note">{t('downloadNote')}</p>
        </>
      )}
    </section>
  );
}
