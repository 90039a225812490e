import { useMemo, useState } from 'react';
import { chatModels, modelLabel } from '../../llm/catalog';
import { MODEL_SOURCES, type ModelSource } from '../../llm/model-source';
import { PRESETS, type PresetId, resolvePreset } from '../../llm/presets';
import { useAppStore } from '../../store';
import {
  cancelLoading,
  checkCache,
  deleteCachedModel,
  loadModels,
  requestPersistentStorage,
} from '../../store/models-controller';
import type { CacheBackend, SlotState } from '../../store/models-slice';
import { CustomModelForm } from './CustomModelForm';
import { GpuStatus } from './GpuStatus';
import { PrepareOffline } from './PrepareOffline';

const SOURCE_LABEL: Record<ModelSource, string> = {
  huggingface: 'Hugging Face (download)',
  'this-site': 'This site (/models/, for offline classrooms)',
};

function gb(mb: number) {
  return `${(mb / 1024).toFixed(1)} GB`;
}

function SlotRow({ slot, busy }: { slot: SlotState; busy: boolean }) {
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
        <span className="slot-roles">{slot.roles.join(' + ')}</span>
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
            {slot.cached ? 'cached' : 'not downloaded'}
          </span>
        )}
        {slot.status === 'loading' && (
          <>
            <progress max={100} value={pct} aria-label={`Loading ${slot.modelId}`} />
            <span className="note">
              {slot.phase} {pct}%
            </span>
          </>
        )}
        {slot.status === 'ready' && <span className="badge decision-conclusion">loaded</span>}
        {slot.status === 'queued' && <span className="note">queued</span>}
        {slot.status === 'cancelled' && <span className="note">cancelled</span>}
        {slot.webllmVersion && <span className="note">WebLLM {slot.webllmVersion} engine started</span>}
      </div>
      {(slot.status === 'loading' || slot.status === 'idle') && slot.text && (
        <p className="note slot-text">{slot.text}</p>
      )}
      {slot.status === 'failed' && slot.error && (
        <div className="step-error" role="alert" data-testid={`slot-error-${slot.slot}`}>
          <strong>{slot.error.name}:</strong> {slot.error.message}{' '}
          <button
            type="button"
            data-testid={`retry-${slot.slot}`}
            disabled={busy}
            onClick={() => void loadModels(slot.slot)}
          >
            Retry
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
          Delete from cache
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
  const running = useAppStore((s) => s.runStatus !== 'idle');
  const { choosePreset, setModelSource, setCacheBackend } = useAppStore.getState();
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
    <section className="model-panel" aria-label="Models" data-testid="model-panel">
      <h2>Models on your GPU</h2>
      <GpuStatus />
      {gpu?.ok && catalog && (
        <>
          <label>
            Preset
            <select
              data-testid="preset-select"
              value={presetId}
              disabled={locked}
              onChange={(e) => choosePreset(e.target.value as PresetId)}
            >
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label} ({p.mode}) — about {gb(vram(p.id))} of GPU memory
                </option>
              ))}
            </select>
          </label>
          <p className="note">{PRESETS.find((p) => p.id === presetId)?.description}</p>
          {notes.map((note) => (
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
            Needs about <strong>{gb(total)}</strong> of GPU memory ({Math.round(total)} MB) before anything
            downloads.
          </p>
          <label>
            Model source
            <select
              data-testid="model-source-select"
              value={source}
              disabled={locked}
              onChange={(e) => setModelSource(e.target.value as ModelSource)}
            >
              {MODEL_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Cache
            <select
              value={backend}
              disabled={locked}
              onChange={(e) => setCacheBackend(e.target.value as CacheBackend)}
            >
              <option value="cache">Cache API (default)</option>
              <option value="indexeddb">IndexedDB</option>
              <option value="opfs">Origin private file system</option>
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
              Load models
            </button>
            <button type="button" data-testid="cancel-load" disabled={!busy} onClick={cancelLoading}>
              Cancel
            </button>
            <button type="button" disabled={locked} onClick={() => void run(checkCache)}>
              Check cache
            </button>
          </div>
          <CustomModelForm />
          <PrepareOffline />
          {storage && (
            <p className="note" data-testid="storage">
              Storage: {gb(storage.usage / 2 ** 20)} used of {gb(storage.quota / 2 ** 20)}.{' '}
              {storage.persisted ? (
                'Models are kept (persistent storage).'
              ) : (
                <button type="button" className="link" onClick={() => void requestPersistentStorage()}>
                  Keep models when space runs low
                </button>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}
