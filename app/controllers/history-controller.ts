import type { GlpftRole } from '../agent/export/glpft';
import { markInterrupted, type Trace } from '../agent/trace';
import { MAX_TRACE_FILE_BYTES, traceFileText } from '../agent/trace-file-format';
import {
  deleteTrace,
  hasTrace,
  listReadableIds,
  listRunningIds,
  listSavedRuns,
  loadTrace,
  renameTrace,
  repairSummaries,
  StorageFullError,
  saveTrace,
  summariesDrift,
} from '../storage/trace-db';
import { useAppStore } from '../store/index';
import { tNow } from '../store/locale';
import { controllerMessages } from '../store/messages/controller-messages';
import type { ImportRefusal } from '../store/messages/history-messages';
import { selectIsRunning } from '../store/selectors';

/** How many saved runs the list shows at first, and how many more each "Show more" adds. */
export const SAVED_RUNS_PAGE = 50;
/** How many the list shows now; back to one page when the page loads. */
let shown = SAVED_RUNS_PAGE;
/** Each refresh's ticket: a refresh that a newer one overtook drops its list (it may be stale). */
let refreshes = 0;

/** Reads the shown page of summaries into the store; full traces are not read. */
export async function refreshHistory(): Promise<void> {
  const ticket = ++refreshes;
  try {
    const page = await listSavedRuns(shown);
    if (ticket !== refreshes) return;
    useAppStore.getState().setSavedRuns(page.runs, page.listed);
    // Runs this page cannot read (a newer version wrote them) stay stored; say they exist.
    if (page.hidden > 0)
      useAppStore.getState().setStorageNotice({ code: 'hidden', values: { n: page.hidden } });
  } catch (error) {
    useAppStore
      .getState()
      .setStorageNotice({ code: 'cannotRead', values: { reason: (error as Error).message } });
  }
}

/** The list's "Show more": the next page of saved runs. */
export async function showMoreSavedRuns(): Promise<void> {
  shown = useAppStore.getState().savedRuns.length + SAVED_RUNS_PAGE;
  await refreshHistory();
}

/**
 * On page load: a run that was still running when the page went away is kept up to its
 * last saved event and marked interrupted. The summaries say which runs those are.
 */
export async function initHistory(): Promise<void> {
  const started = performance.now();
  try {
    let [drift, running] = await Promise.all([summariesDrift(), listRunningIds()]);
    // The stores disagree (something other than this page wrote one of them): summarise what is missing.
    if (drift !== 0) {
      await repairSummaries();
      running = await listRunningIds();
    }
    for (const id of running) {
      const loaded = await loadTrace(id);
      if (loaded?.ok) await saveTrace(markInterrupted(loaded.trace, Date.now()));
    }
  } catch {
    // refreshHistory reports storage problems.
  }
  await refreshHistory();
  // For `npm run bench` and the browser's performance panel: page start to the list in the store.
  performance.measure('umi:saved-runs-ready', { start: started });
}

let pending: Trace | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let writing: Promise<void> = Promise.resolve();

async function write(trace: Trace): Promise<void> {
  try {
    await saveTrace(trace);
    // What is safe on disk now (the page shows it as a marker: a reload keeps this much).
    useAppStore.getState().setSavedCopy({ id: trace.id, steps: trace.steps.length });
    if (useAppStore.getState().storageNotice) useAppStore.getState().setStorageNotice(undefined);
  } catch (error) {
    // The run itself is untouched: it goes on in the store, and Export reads it from there.
    useAppStore
      .getState()
      .setStorageNotice(
        error instanceof StorageFullError
          ? { code: 'notSavedFull' }
          : { code: 'notSaved', values: { reason: (error as Error).message } },
      );
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

/** Shows a saved run on the Run tab; false when it is gone, unreadable, or a run is in progress. */
export async function openSavedRun(id: string): Promise<boolean> {
  const trace = await loadSavedTrace(id);
  if (!trace || selectIsRunning(useAppStore.getState())) return false;
  useAppStore.setState({ trace });
  return true;
}

export async function renameSavedRun(id: string, title: string): Promise<void> {
  await renameTrace(id, title.trim() || tNow(controllerMessages)('untitled'));
  await refreshHistory();
}

export async function deleteSavedRun(id: string): Promise<void> {
  await deleteTrace(id);
  if (useAppStore.getState().trace?.id === id && !selectIsRunning(useAppStore.getState())) {
    useAppStore.getState().clearRun();
  }
  await refreshHistory();
}

/** A trace as a versioned JSON file. */
export function traceFile(trace: Trace): string {
  return traceFileText(trace);
}

/**
 * Imports a trace file. A bad or future-version file is refused with the reason (a code the
 * page writes in its language); nothing stored changes. A trace whose id is already saved is
 * kept beside it under a new id.
 */
export async function importTraceFile(
  file: File,
): Promise<{ ok: true; title: string } | { ok: false; error: ImportRefusal }> {
  if (file.size > MAX_TRACE_FILE_BYTES) {
    return {
      ok: false,
      error: { code: 'tooBig', values: { file: file.name, mb: (file.size / 2 ** 20).toFixed(1) } },
    };
  }
  // The validator is loaded when a file is read, not with the page.
  const { parseTraceFile } = await import('../agent/trace-file');
  const parsed = parseTraceFile(await file.text());
  if (!parsed.ok)
    return { ok: false, error: { code: 'fileProblem', values: { file: file.name, reason: parsed.error } } };
  let trace = parsed.trace;
  if (await hasTrace(trace.id)) trace = { ...trace, id: `${trace.id}-imported-${Date.now().toString(36)}` };
  const title = tNow(controllerMessages)('importedTitle', { task: trace.task });
  try {
    await saveTrace(trace, title);
  } catch (error) {
    return { ok: false, error: { code: 'notSaved', values: { reason: (error as Error).message } } };
  }
  await refreshHistory();
  return { ok: true, title };
}

/**
 * A saved run in full, read by id and upgraded now. Undefined when it is gone or cannot be
 * read after all; the list is then refreshed, so it drops the run and says why.
 */
export async function loadSavedTrace(id: string): Promise<Trace | undefined> {
  try {
    const loaded = await loadTrace(id);
    if (loaded?.ok) return loaded.trace;
  } catch (error) {
    useAppStore
      .getState()
      .setStorageNotice({ code: 'cannotRead', values: { reason: (error as Error).message } });
    return undefined;
  }
  await refreshHistory();
  return undefined;
}

/**
 * GLPFT training data from saved runs (all, or the given ids): one JSONL text per role, in
 * the α-UMi `{tools, history, input, target}` format.
 */
export async function trainingData(
  ids?: readonly string[],
): Promise<Record<GlpftRole, string> & { counts: Record<GlpftRole, number> }> {
  // Newest first, as the list shows them; read by id, one at a time (no scan of every trace).
  const chosen: Trace[] = [];
  for (const id of (await listReadableIds()).filter((id) => !ids || ids.includes(id))) {
    const loaded = await loadTrace(id);
    if (loaded?.ok) chosen.push(loaded.trace);
  }
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
