import { useMemo, useState } from 'react';
import {
  cancelLoading,
  checkCache,
  deleteCachedModel,
  loadModels,
  requestPersistentStorage,
} from '../../controllers/models-controller';
import { useLocale, useT } from '../../i18n/use-t';
import { chatModels, modelLabel } from '../../llm/catalog';
import { MODEL_SOURCES, type ModelSource } from '../../llm/model-source';
import { PRESETS, type PresetId, resolvePreset } from '../../llm/presets';
import { useAppStore } from '../../store';
import type { CacheBackend, SlotState } from '../../store/models-slice';
import { selectModelsBusy } from '../../store/selectors';
import { ErrorText } from '../ErrorText/ErrorText';
import { formatGb, formatNum } from '../format';
import { NoticeText } from '../NoticeText/NoticeText';
import { roleMessages } from '../Roles/messages';
import { CustomModelForm } from './CustomModelForm';
import { GpuStatus } from './GpuStatus';
import { modelPanelMessages, presetMessages } from './messages';
import { PrepareOffline } from './PrepareOffline';
import { presetNoteText } from './preset-note';

const SOURCE_LABEL = {
  huggingface: 'sourceHuggingface',
  'this-site': 'sourceThisSite',
} as const satisfies Record<ModelSource, string>;

/** The controller's phase words (models-controller.ts `phaseOf`) as catalog keys. */
function phaseKey(phase: string): keyof typeof modelPanelMessages.en | undefined {
  const key = `phase_${phase.replaceAll(' ', '_')}`;
  return Object.hasOwn(modelPanelMessages.en, key) ? (key as keyof typeof modelPanelMessages.en) : undefined;
}

function SlotRow({ slot, busy }: { slot: SlotState; busy: boolean }) {
  const t = useT(modelPanelMessages);
  const role = useT(roleMessages);
  const locale = useLocale();
  const gb = (mb: number) => formatGb(locale, mb);
  const phase = phaseKey(slot.phase);
  const catalog = useAppStore((s) => s.catalog);
  const gpu = useAppStore((s) => s.gpu);
  const setRoleModel = useAppStore((s) => s.setRoleModel);
  const options = useMemo(() => {
    const f16 = gpu?.ok ? gpu.shaderF16 : true;
    return chatModels(catalog ?? []).filter((m) => f16 || !m.needsF16);
  }, [catalog, gpu]);
  const pct = Math.round(slot.progress * 100);
  return (
    <li
      className={`slot status-${slot.status}`}
      data-testid={`slot-${slot.slot}`}
      data-status={slot.status}
      data-webllm={slot.webllmVersion ?? ''}
    >
      <label>
        <span className="slot-roles">{slot.roles.map((r) => role(r)).join(' + ')}</span>
        <select
          data-testid={`role-model-${slot.slot}`}
          value={slot.modelId}
          disabled={busy}
          onChange={(e) => {
            for (const role of slot.roles) setRoleModel(role, e.target.value);
          }}
        >
          {options.map((m) => (
            <option key={m.id} value={m.id}>
              {modelLabel(m)} — {m.vramMB ? gb(m.vramMB) : '? GB'}
            </option>
          ))}
        </select>
      </label>
      <div className="slot-status">
        {slot.cached !== undefined && (
          <span className="badge" data-testid={`cached-${slot.slot}`}>
            {slot.cached ? t('cached') : t('notDownloaded')}
          </span>
        )}
        {slot.status === 'loading' && (
          <>
            <progress max={100} value={pct} aria-label={t('loadingModel', { model: slot.modelId })} />
            <span className="note">
              {phase ? t(phase) : slot.phase} {formatNum(locale, slot.progress, { style: 'percent' })}
            </span>
          </>
        )}
        {slot.status === 'ready' && <span className="badge decision-conclusion">{t('loaded')}</span>}
        {slot.status === 'queued' && <span className="note">{t('queued')}</span>}
        {slot.status === 'cancelled' && <span className="note">{t('cancelled')}</span>}
        {slot.webllmVersion && (
          <span className="note">{t('engineStarted', { version: slot.webllmVersion })}</span>
        )}
      </div>
      {(slot.status === 'loading' || slot.status === 'idle') && (slot.notice || slot.text) && (
        <p className="note slot-text">{slot.notice ? <NoticeText notice={slot.notice} /> : slot.text}</p>
      )}
      {slot.status === 'failed' && slot.error && (
        <div className="step-error" role="alert" data-testid={`slot-error-${slot.slot}`}>
          <ErrorText error={slot.error} />{' '}
          <button
            type="button"
            data-testid={`retry-${slot.slot}`}
            disabled={busy}
            onClick={() => void loadModels(slot.slot)}
          >
            {t('retry')}
          </button>
        </div>
      )}
      {slot.cached && (
        <button
          type="button"
          className="link"
          disabled={busy}
          onClick={() => void deleteCachedModel(slot.slot)}
        >
          {t('deleteFromCache')}
        </button>
      )}
    </li>
  );
}

/** Model choice and loading: presets with their VRAM, any model per role, progress, cache. */
export function ModelPanel() {
  const gpu = useAppStore((s) => s.gpu);
  const catalog = useAppStore((s) => s.catalog);
  const presetId = useAppStore((s) => s.presetId);
  const notes = useAppStore((s) => s.presetNotes);
  const slots = useAppStore((s) => s.slots);
  const source = useAppStore((s) => s.modelSource);
  const backend = useAppStore((s) => s.cacheBackend);
  const storage = useAppStore((s) => s.storage);
  // Locked while anything (a run, a suite, a comparison, a static evaluation) uses the models.
  const running = useAppStore(selectModelsBusy);
  const { choosePreset, setModelSource, setCacheBackend } = useAppStore.getState();
  const t = useT(modelPanelMessages);
  const presetText = useT(presetMessages);
  const locale = useLocale();
  const gb = (mb: number) => formatGb(locale, mb);
  const [busy, setBusy] = useState(false);
  const slotList = Object.values(slots).filter((s): s is SlotState => s !== undefined);
  const shaderF16 = gpu?.ok ? gpu.shaderF16 : true;
  const vram = (id: PresetId) => {
    const preset = PRESETS.find((p) => p.id === id);
    return preset && catalog ? resolvePreset(preset, catalog, { shaderF16 }).vramMB : 0;
  };
  const total = slotList.reduce((sum, s) => sum + (catalog?.find((m) => m.id === s.modelId)?.vramMB ?? 0), 0);
  const locked = busy || running;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="model-panel" aria-label={t('section')} data-testid="model-panel">
      <h2>{t('title')}</h2>
      <GpuStatus />
      {gpu?.ok && catalog && (
        <>
          <label>
            {t('preset')}
            <select
              data-testid="preset-select"
              value={presetId}
              disabled={locked}
              onChange={(e) => choosePreset(e.target.value as PresetId)}
            >
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {t('presetOption', {
                    label: presetText(`${p.id}.label`),
                    mode: p.mode,
                    gb: gb(vram(p.id)),
                  })}
                </option>
              ))}
            </select>
          </label>
          <p className="note">{presetText(`${presetId}.description`)}</p>
          {notes
            .map((note) => presetNoteText(locale, note))
            .map((note) => (
              <p key={note} className="note notice" data-testid="preset-note">
                {note}
              </p>
            ))}
          <ol className="slots">
            {slotList.map((slot) => (
              <SlotRow key={slot.slot} slot={slot} busy={locked} />
            ))}
          </ol>
          <p className="note" data-testid="total-vram">
            {t('total', { mb: formatNum(locale, Math.round(total), { useGrouping: false }) })
              .split('{gb}')
              .flatMap((part, i) => (i === 0 ? [part] : [<strong key="gb">{gb(total)}</strong>, part]))}
          </p>
          <label>
            {t('modelSource')}
            <select
              data-testid="model-source-select"
              value={source}
              disabled={locked}
              onChange={(e) => setModelSource(e.target.value as ModelSource)}
            >
              {MODEL_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(SOURCE_LABEL[s])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('cache')}
            <select
              value={backend}
              disabled={locked}
              onChange={(e) => setCacheBackend(e.target.value as CacheBackend)}
            >
              <option value="cache">{t('cacheApi')}</option>
              <option value="indexeddb">IndexedDB</option>
              <option value="opfs">{t('opfs')}</option>
            </select>
          </label>
          <div className="actions">
            <button
              type="button"
              className="primary"
              data-testid="load-models"
              disabled={locked}
              onClick={() => void run(() => loadModels())}
            >
              {t('loadModels')}
            </button>
            <button type="button" data-testid="cancel-load" disabled={!busy} onClick={cancelLoading}>
              {t('cancel')}
            </button>
            <button type="button" disabled={locked} onClick={() => void run(checkCache)}>
              {t('checkCache')}
            </button>
          </div>
          <CustomModelForm />
          <PrepareOffline />
          {storage && (
            <p className="note" data-testid="storage">
              {t('storage', { used: gb(storage.usage / 2 ** 20), quota: gb(storage.quota / 2 ** 20) })}{' '}
              {storage.persisted ? (
                t('persisted')
              ) : (
                <button type="button" className="link" onClick={() => void requestPersistentStorage()}>
                  {t('persist')}
                </button>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
