import { lazy, Suspense, useState } from 'react';
import { replayTrace } from '../../activities/replay-controller';
import { GLPFT_ROLES, type GlpftRole } from '../../agent/export/glpft';
import type { RunOutcome } from '../../agent/types';
import {
  deleteSavedRun,
  importTraceFile,
  loadSavedTrace,
  openSavedRun,
  renameSavedRun,
  showMoreSavedRuns,
  traceFile,
  trainingData,
} from '../../controllers/history-controller';
import { translateCoded } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import {
  type ImportRefusal,
  historyMessages as storageMessages,
} from '../../store/messages/history-messages';
import { RUN_TAB_ACTIVITIES, selectIsRunning, selectModelsBusy } from '../../store/selectors';
import { BusyNote } from '../BusyNote/BusyNote';
import { download } from '../download';
import { formatNum } from '../format';
import { roleMessages } from '../Roles/messages';
import type { SideBySideRun } from '../SideBySide/SideBySide';
import { importRefusalText } from './import-refusal';
import { historyMessages } from './messages';

/** Loaded when two runs are first compared (issue 15): most visits never open it. */
const SideBySide = lazy(() => import('../SideBySide/SideBySide').then((m) => ({ default: m.SideBySide })));

const OUTCOMES: readonly string[] = [
  'answer',
  'give_up',
  'step_limit',
  'error',
  'aborted',
] satisfies RunOutcome[];
const isOutcome = (value: string | undefined): value is RunOutcome => OUTCOMES.includes(value ?? '');

/** Every run is saved as it happens; reopen, rename, export or delete it here. */
export function HistoryPanel({ onOpen }: { onOpen: () => void }) {
  const runs = useAppStore((s) => s.savedRuns);
  const total = useAppStore((s) => s.savedRunsTotal);
  const notice = useAppStore((s) => s.storageNotice);
  const running = useAppStore(selectIsRunning);
  // A replay holds the models like a run: not while the lab uses them.
  const modelsBusy = useAppStore(selectModelsBusy);
  const current = useAppStore((s) => s.trace);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [exported, setExported] = useState<{ counts: Record<GlpftRole, number>; runs: number } | undefined>();
  const [speed, setSpeed] = useState(4);
  const [pair, setPair] = useState<[SideBySideRun, SideBySideRun] | undefined>();
  const [importMessage, setImportMessage] = useState<
    { ok: true; title: string } | { ok: false; error: ImportRefusal } | undefined
  >();
  const t = useT(historyMessages);
  const roleName = useT(roleMessages);
  const locale = useLocale();
  const n = (value: number) => formatNum(locale, value);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = await importTraceFile(file);
    setImportMessage(result.ok ? { ok: true, title: result.title } : { ok: false, error: result.error });
  };

  const exportTraining = async () => {
    const data = await trainingData(selected.size > 0 ? [...selected] : undefined);
    for (const role of GLPFT_ROLES) {
      if (data.counts[role] > 0) download(`glpft-${role}.jsonl`, data[role], 'application/x-ndjson');
    }
    setExported({ counts: data.counts, runs: selected.size });
  };

  /** The two chosen runs, the older on the left (a run, then its fork). */
  const openSideBySide = async () => {
    const chosen = runs.filter((r) => selected.has(r.id)).reverse();
    const loaded = await Promise.all(
      chosen.map(async (r) => {
        const trace = await loadSavedTrace(r.id);
        return trace && { trace, label: r.title };
      }),
    );
    const [a, b] = loaded;
    if (loaded.length === 2 && a && b) setPair([a, b]);
  };

  return (
    <section className="history" aria-label={t('title')} data-testid="history-panel">
      <h2>{t('title')}</h2>
      <p className="note">{t('intro')}</p>
      {notice && (
        <p className="step-error" role="alert" data-testid="storage-notice">
          {translateCoded(storageMessages, locale, notice)}
        </p>
      )}
      {current && (
        <button
          type="button"
          data-testid="export-current"
          onClick={() => download(`umi-run-${current.id}.json`, traceFile(current))}
        >
          {t('exportCurrent')}
        </button>
      )}
      <div className="actions">
        <label className="file-button">
          {t('importRun')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-trace-file"
            onChange={(e) => {
              void onImport(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <label>
          {t('replaySpeed')}{' '}
          <select data-testid="replay-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {[0.5, 1, 2, 4, 8, 16].map((s) => (
              <option key={s} value={s}>
                {n(s)}×
              </option>
            ))}
          </select>
        </label>
      </div>
      {importMessage && (
        <p
          className={importMessage.ok ? 'note' : 'step-error'}
          role="status"
          data-testid="import-trace-message"
        >
          {importMessage.ok
            ? t('imported', { title: importMessage.title })
            : importRefusalText(locale, importMessage.error)}
        </p>
      )}
      {runs.length > 0 && (
        <div className="actions">
          <button type="button" data-testid="export-training" onClick={() => void exportTraining()}>
            {t('exportTraining', {
              which: selected.size > 0 ? t('selectedRuns', { n: n(selected.size) }) : t('allRuns'),
            })}
          </button>
          <button
            type="button"
            data-testid="saved-runs-side-by-side"
            disabled={selected.size !== 2}
            aria-describedby="side-by-side-hint"
            onClick={() => void openSideBySide()}
          >
            {t('sideBySide')}
          </button>
          <span className="note" id="side-by-side-hint">
            {t('sideBySideHint', { n: n(selected.size) })}
          </span>
        </div>
      )}
      {pair && (
        <Suspense fallback={<p aria-busy="true">…</p>}>
          <SideBySide left={pair[0]} right={pair[1]} onClose={() => setPair(undefined)} />
        </Suspense>
      )}
      {exported && (
        <p className="note" role="status" data-testid="export-training-message">
          {t('exported', {
            counts: new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(
              GLPFT_ROLES.map((role) =>
                t('exportedCount', { n: n(exported.counts[role]), role, roleName: roleName(role) }),
              ),
            ),
            runs: exported.runs > 0 ? n(exported.runs) : t('exportedAll'),
          })}
        </p>
      )}
      <BusyNote self={RUN_TAB_ACTIVITIES} />
      {runs.length === 0 && <p className="empty">{t('noRuns')}</p>}
      <ul className="tool-list">
        {runs.map((run) => (
          <li
            key={run.id}
            className="tool-row"
            data-testid="saved-run"
            data-status={run.status}
            data-outcome={run.outcome ?? ''}
          >
            <label className="tool-toggle">
              <input
                type="checkbox"
                aria-label={t('select', { title: run.title })}
                checked={selected.has(run.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(run.id);
                  else next.delete(run.id);
                  setSelected(next);
                }}
              />
              <strong>{run.title}</strong>
            </label>
            <p className="note">
              {new Date(run.updatedAt).toLocaleString(locale)} · {run.mode} ·{' '}
              {t('steps', { n: n(run.steps) })} ·{' '}
              {run.status === 'interrupted' ? (
                <span className="badge error">{t('interrupted')}</span>
              ) : run.status === 'running' ? (
                t('running')
              ) : isOutcome(run.outcome) ? (
                t(run.outcome)
              ) : (
                run.outcome
              )}
            </p>
            <div className="actions">
              <button
                type="button"
                data-testid="saved-run-open"
                disabled={running}
                onClick={() => void openSavedRun(run.id).then((opened) => opened && onOpen())}
              >
                {t('open')}
              </button>
              <button
                type="button"
                data-testid="saved-run-replay"
                disabled={modelsBusy}
                onClick={async () => {
                  const trace = await loadSavedTrace(run.id);
                  if (!trace) return;
                  onOpen();
                  await replayTrace(trace, speed);
                }}
              >
                {t('replay')}
              </button>
              <button
                type="button"
                data-testid="saved-run-export"
                onClick={async () => {
                  const trace = await loadSavedTrace(run.id);
                  if (trace) download(`umi-run-${trace.id}.json`, traceFile(trace));
                }}
              >
                {t('export')}
              </button>
              <button
                type="button"
                onClick={() => {
                  const title = prompt(t('namePrompt'), run.title);
                  if (title !== null) void renameSavedRun(run.id, title);
                }}
              >
                {t('rename')}
              </button>
              <button
                type="button"
                disabled={running && current?.id === run.id}
                onClick={() => {
                  if (confirm(t('confirmDelete', { title: run.title }))) void deleteSavedRun(run.id);
                }}
              >
                {t('delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {total > runs.length && (
        <button type="button" data-testid="saved-runs-more" onClick={() => void showMoreSavedRuns()}>
          {t('showMore', { shown: n(runs.length), total: n(total) })}
        </button>
      )}
    </section>
  );
}
