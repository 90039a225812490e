import { useState } from 'react';
import { GLPFT_ROLES } from '../../agent/export/glpft';
import { useAppStore } from '../../store';
import {
  deleteSavedRun,
  importTraceFile,
  loadSavedTrace,
  openSavedRun,
  renameSavedRun,
  traceFile,
  trainingData,
} from '../../store/history-controller';
import { replayTrace } from '../../store/replay-controller';
import { download } from '../download';

const OUTCOME: Record<string, string> = {
  answer: 'answered',
  give_up: 'gave up',
  step_limit: 'step limit',
  error: 'failed',
  aborted: 'stopped',
};

/** Every run is saved as it happens; reopen, rename, export or delete it here. */
export function HistoryPanel({ onOpen }: { onOpen: () => void }) {
  const runs = useAppStore((s) => s.savedRuns);
  const notice = useAppStore((s) => s.storageNotice);
  const running = useAppStore((s) => s.runStatus !== 'idle');
  const current = useAppStore((s) => s.trace);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [exported, setExported] = useState('');
  const [speed, setSpeed] = useState(4);
  const [importMessage, setImportMessage] = useState<{ ok: boolean; text: string } | undefined>();

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const result = await importTraceFile(file);
    setImportMessage(
      result.ok ? { ok: true, text: `Imported "${result.title}".` } : { ok: false, text: result.error },
    );
  };

  const exportTraining = async () => {
    const data = await trainingData(selected.size > 0 ? [...selected] : undefined);
    for (const role of GLPFT_ROLES) {
      if (data.counts[role] > 0) download(`glpft-${role}.jsonl`, data[role], 'application/x-ndjson');
    }
    setExported(
      `Exported ${GLPFT_ROLES.map((r) => `${data.counts[r]} ${r}`).join(', ')} records from ${
        selected.size > 0 ? selected.size : 'all'
      } runs.`,
    );
  };

  return (
    <section className="history" aria-label="Saved runs" data-testid="history-panel">
      <h2>Saved runs</h2>
      <p className="note">Runs are saved on this device as they happen (IndexedDB). Nothing leaves it.</p>
      {notice && (
        <p className="step-error" role="alert" data-testid="storage-notice">
          {notice}
        </p>
      )}
      {current && (
        <button
          type="button"
          data-testid="export-current"
          onClick={() => download(`umi-run-${current.id}.json`, traceFile(current))}
        >
          Export the current run
        </button>
      )}
      <div className="actions">
        <label className="file-button">
          Import a run…
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
          Replay speed{' '}
          <select data-testid="replay-speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {[0.5, 1, 2, 4, 8, 16].map((s) => (
              <option key={s} value={s}>
                {s}×
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
          {importMessage.text}
        </p>
      )}
      {runs.length > 0 && (
        <div className="actions">
          <button type="button" data-testid="export-training" onClick={() => void exportTraining()}>
            Export training data (GLPFT JSONL, {selected.size > 0 ? `${selected.size} selected` : 'all runs'})
          </button>
        </div>
      )}
      {exported && (
        <p className="note" role="status" data-testid="export-training-message">
          {exported}
        </p>
      )}
      {runs.length === 0 && <p className="empty">No saved runs yet.</p>}
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
                aria-label={`Select ${run.title}`}
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
              {new Date(run.updatedAt).toLocaleString()} · {run.mode} · {run.steps} steps ·{' '}
              {run.status === 'interrupted' ? (
                <span className="badge error">interrupted</span>
              ) : run.status === 'running' ? (
                'running'
              ) : (
                (OUTCOME[run.outcome ?? ''] ?? run.outcome)
              )}
            </p>
            <div className="actions">
              <button
                type="button"
                data-testid="saved-run-open"
                disabled={running}
                onClick={() => void openSavedRun(run.id).then(onOpen)}
              >
                Open
              </button>
              <button
                type="button"
                data-testid="saved-run-replay"
                disabled={running}
                onClick={async () => {
                  const trace = await loadSavedTrace(run.id);
                  if (!trace) return;
                  onOpen();
                  await replayTrace(trace, speed);
                }}
              >
                Replay
              </button>
              <button
                type="button"
                data-testid="saved-run-export"
                onClick={async () => {
                  const trace = await loadSavedTrace(run.id);
                  if (trace) download(`umi-run-${trace.id}.json`, traceFile(trace));
                }}
              >
                Export
              </button>
              <button
                type="button"
                onClick={() => {
                  const title = prompt('Name this run', run.title);
                  if (title !== null) void renameSavedRun(run.id, title);
                }}
              >
                Rename
              </button>
              <button
                type="button"
                disabled={running && current?.id === run.id}
                onClick={() => {
                  if (confirm(`Delete "${run.title}"?`)) void deleteSavedRun(run.id);
                }}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
