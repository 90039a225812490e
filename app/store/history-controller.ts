import type { GlpftRole } from '../agent/export/glpft';
import { markInterrupted, type Trace } from '../agent/trace';
import { MAX_TRACE_FILE_BYTES, traceFileText } from '../agent/trace-file-format';
import { tNow } from '../i18n/use-t';
import { controllerMessages } from './controller-messages';
import { historyMessages } from './history-messages';
import { useAppStore } from './index';
import {
  deleteTrace,
  listTraceIds,
  listTraces,
  renameTrace,
  StorageFullError,
  type StoredTrace,
  saveTrace,
} from './trace-db';

function summary(stored: StoredTrace) {
  const { trace } = stored;
  return {
    id: stored.id,
    title: stored.title,
    task: trace.task,
    mode: trace.mode,
    status: trace.status,
    ...(trace.outcome ? { outcome: trace.outcome } : {}),
    steps: trace.steps.length,
    updatedAt: stored.updatedAt,
  };
}

export async function refreshHistory(): Promise<void> {
  try {
    const listed = await listTraces();
    useAppStore.getState().setSavedRuns(listed.map(summary));
    // Runs this page cannot read (a newer version wrote them) stay stored; say they exist.
    const hidden = (await listTraceIds()).length - listed.length;
    if (hidden > 0) useAppStore.getState().setStorageNotice(tNow(historyMessages)('hidden', { n: hidden }));
  } catch (error) {
    const t = tNow(historyMessages);
    useAppStore.getState().setStorageNotice(t('cannotRead', { reason: (error as Error).message }));
  }
}

/**
 * On page load: a run that was still running when the page went away is kept up to its
 * last saved event and marked interrupted.
 */
export async function initHistory(): Promise<void> {
  try {
    for (const stored of await listTraces()) {
      if (stored.trace.status === 'running') await saveTrace(markInterrupted(stored.trace, Date.now()));
    }
  } catch {
    // refreshHistory reports storage problems.
  }
  await refreshHistory();
}

let pending: Trace | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let writing: Promise<void> = Promise.resolve();

async function write(trace: Trace): Promise<void> {
  try {
    await saveTrace(trace);
    if (useAppStore.getState().storageNotice) useAppStore.getState().setStorageNotice(undefined);
  } catch (error) {
    // The run itself is untouched: it goes on in the store, and Export reads it from there.
    const t = tNow(historyMessages);
    const reason = error instanceof StorageFullError ? t('storageFull') : (error as Error).message;
    useAppStore.getState().setStorageNotice(t('notSaved', { reason }));
  }
}

/** Saves the live trace as it grows, at most every 250 ms; `final` saves at once. */
export function persistTrace(trace: Trace, final = false): Promise<void> {
  pending = trace;
  const flush = () => {
    timer = undefined;
    const next = pending;
    pending = undefined;
    if (next) writing = writing.then(() => write(next));
    return writing.then(refreshHistory);
  };
  if (final) {
    if (timer) clearTimeout(timer);
    return flush();
  }
  // A throttle, not a debounce: a stream of updates still saves every 250 ms.
  timer ??= setTimeout(() => void flush(), 250);
  return writing;
}

export async function openSavedRun(id: string): Promise<void> {
  const stored = (await listTraces()).find((s) => s.id === id);
  if (stored && useAppStore.getState().runStatus === 'idle') useAppStore.setState({ trace: stored.trace });
}

export async function renameSavedRun(id: string, title: string): Promise<void> {
  await renameTrace(id, title.trim() || tNow(controllerMessages)('untitled'));
  await refreshHistory();
}

export async function deleteSavedRun(id: string): Promise<void> {
  await deleteTrace(id);
  if (useAppStore.getState().trace?.id === id && useAppStore.getState().runStatus === 'idle') {
    useAppStore.getState().clearRun();
  }
  await refreshHistory();
}

/** A trace as a versioned JSON file. */
export function traceFile(trace: Trace): string {
  return traceFileText(trace);
}

/**
 * Imports a trace file. A bad or future-version file is refused with a sentence; nothing
 * stored changes. A trace whose id is already saved is kept beside it under a new id.
 */
export async function importTraceFile(
  file: File,
): Promise<{ ok: true; title: string } | { ok: false; error: string }> {
  if (file.size > MAX_TRACE_FILE_BYTES) {
    const t = tNow(historyMessages);
    return { ok: false, error: t('fileTooBig', { name: file.name, mb: (file.size / 2 ** 20).toFixed(1) }) };
  }
  // The validator is loaded when a file is read, not with the page.
  const { parseTraceFile } = await import('../agent/trace-file');
  const parsed = parseTraceFile(await file.text());
  if (!parsed.ok) return { ok: false, error: `${file.name}: ${parsed.error}` };
  const existing = new Set(await listTraceIds());
  let trace = parsed.trace;
  if (existing.has(trace.id)) trace = { ...trace, id: `${trace.id}-imported-${Date.now().toString(36)}` };
  const title = tNow(controllerMessages)('importedTitle', { task: trace.task });
  try {
    await saveTrace(trace, title);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  await refreshHistory();
  return { ok: true, title };
}

export async function loadSavedTrace(id: string): Promise<Trace | undefined> {
  return (await listTraces()).find((s) => s.id === id)?.trace;
}

/**
 * GLPFT training data from saved runs (all, or the given ids): one JSONL text per role, in
 * the α-UMi `{tools, history, input, target}` format.
 */
export async function trainingData(
  ids?: readonly string[],
): Promise<Record<GlpftRole, string> & { counts: Record<GlpftRole, number> }> {
  const chosen = (await listTraces()).filter((s) => !ids || ids.includes(s.id)).map((s) => s.trace);
  const { exportGlpft, toJsonl } = await import('../agent/export/glpft');
  const records = exportGlpft(chosen);
  const counts = {
    planner: records.planner.length,
    caller: records.caller.length,
    summarizer: records.summarizer.length,
    backbone: records.backbone.length,
  };
  return {
    planner: toJsonl(records.planner),
    caller: toJsonl(records.caller),
    summarizer: toJsonl(records.summarizer),
    backbone: toJsonl(records.backbone),
    counts,
  };
}
