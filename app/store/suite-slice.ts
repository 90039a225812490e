import type { StateCreator } from 'zustand';
import type { RunMetrics } from '../agent/eval/suite/metrics';
import { mergeResults, type SuiteResult } from '../agent/eval/suite/results';
import type { Trace } from '../agent/trace';
import type { NamedErrorData, RunMode } from '../agent/types';
import type { ModelChoice } from '../llm/model-plan';
import type { PresetNote } from '../llm/preset-messages';
import { TINY_SYSTEMS, type TinySystemId } from '../llm/tiny/manifest';
import type { AppState } from './index';
import type { LabNoticeKey } from './messages/suite-messages';

/**
 * A sentence for the user, kept as its catalog key and values (suite-messages.ts) and
 * translated when shown, so it follows a change of language.
 */
export interface LabNotice {
  key: LabNoticeKey;
  values?: Record<string, string | number>;
  /** The column the sentence is about (its mode, and its preset with WebLLM): shown as `{config}`. */
  column?: { mode?: RunMode; choice?: ModelChoice; tinySystem?: TinySystemId };
  /** A named error after the sentence (ErrorText translates the known ones). */
  error?: NamedErrorData;
  /** Notes of the preset resolution (why a preset cannot run), translated when shown. */
  notes?: PresetNote[];
}

export interface SuiteProgress {
  done: number;
  total: number;
  /** What is happening now: loading a preset's models, or running a task. */
  phase: 'loading' | 'running';
  taskId?: string;
  /** The run mode of the task being run. */
  mode?: RunMode;
  /** The preset being loaded or run (WebLLM). */
  choice?: ModelChoice;
}

export type CompareColumnStatus = 'waiting' | 'loading' | 'running' | 'done' | 'stopped' | 'failed';

/** One run mode of a comparison: its run as it grows, then its scores. */
export interface CompareColumn {
  mode: RunMode;
  /** WebLLM: the preset (or hand-picked models) that plays this mode. */
  choice?: ModelChoice;
  status: CompareColumnStatus;
  trace?: Trace;
  metrics?: RunMetrics;
  /** Why the column failed or stopped (models did not load, the run could not finish…). */
  notice?: LabNotice;
}

export type CompareSource = 'task-box' | 'suite';

export interface SuiteSlice {
  /** Suite runner choices: kept while the user switches tabs, not across visits. */
  suiteTaskIds: string[];
  /** The suite's own tasks, or the tiny models' held-out generated tasks (the first `suiteHeldOutCount`). */
  suiteTaskSet: 'suite' | 'held-out';
  suiteHeldOutCount: number;
  suiteModes: RunMode[];
  suiteChoices: ModelChoice[];
  /** Tiny α-UMi: which of the paper's four systems, one column each. */
  suiteTinySystems: TinySystemId[];
  suiteProgress: SuiteProgress | undefined;
  /** Every stored result (IndexedDB), newest run of each task and configuration. */
  suiteResults: SuiteResult[];
  suiteResultsLoaded: boolean;
  /** Sentences for the user, oldest first: storage trouble, models that did not load, a stopped run. */
  suiteNotices: LabNotice[];
  setSuiteTaskIds: (ids: string[]) => void;
  setSuiteTaskSet: (set: 'suite' | 'held-out') => void;
  setSuiteHeldOutCount: (count: number) => void;
  setSuiteModes: (modes: RunMode[]) => void;
  setSuiteChoices: (choices: ModelChoice[]) => void;
  setSuiteTinySystems: (systems: TinySystemId[]) => void;
  setSuiteProgress: (progress: SuiteProgress | undefined) => void;
  setSuiteResults: (results: SuiteResult[]) => void;
  addSuiteResult: (result: SuiteResult) => void;
  addSuiteNotice: (notice: LabNotice) => void;
  clearSuiteNotices: () => void;

  compareSource: CompareSource;
  compareTaskId: string;
  compareModes: RunMode[];
  /** WebLLM: which preset plays each mode. */
  compareChoices: Record<RunMode, ModelChoice>;
  /** The task of the comparison shown (it may differ from the task box by now). */
  compareTask: string | undefined;
  compareColumns: CompareColumn[];
  compareNotice: LabNotice | undefined;
  setCompareSource: (source: CompareSource) => void;
  setCompareTaskId: (id: string) => void;
  setCompareModes: (modes: RunMode[]) => void;
  setCompareChoice: (mode: RunMode, choice: ModelChoice) => void;
  startComparison: (task: string, columns: CompareColumn[]) => void;
  updateCompareColumn: (index: number, patch: Partial<CompareColumn>) => void;
  setCompareNotice: (notice: LabNotice | undefined) => void;
}

export const createSuiteSlice: StateCreator<AppState, [], [], SuiteSlice> = (set) => ({
  suiteTaskIds: [],
  suiteTaskSet: 'suite',
  suiteHeldOutCount: 60,
  suiteModes: ['multi', 'single'],
  suiteChoices: ['tiny'],
  suiteTinySystems: [...TINY_SYSTEMS],
  suiteProgress: undefined,
  suiteResults: [],
  suiteResultsLoaded: false,
  suiteNotices: [],
  setSuiteTaskIds: (suiteTaskIds) => set({ suiteTaskIds }),
  setSuiteTaskSet: (suiteTaskSet) => set({ suiteTaskSet }),
  setSuiteHeldOutCount: (suiteHeldOutCount) => set({ suiteHeldOutCount }),
  setSuiteModes: (suiteModes) => set({ suiteModes }),
  setSuiteChoices: (suiteChoices) => set({ suiteChoices }),
  setSuiteTinySystems: (suiteTinySystems) =>
    set({ suiteTinySystems: TINY_SYSTEMS.filter((s) => suiteTinySystems.includes(s)) }),
  setSuiteProgress: (suiteProgress) => set({ suiteProgress }),
  setSuiteResults: (suiteResults) => set({ suiteResults, suiteResultsLoaded: true }),
  addSuiteResult: (result) => set((s) => ({ suiteResults: mergeResults(s.suiteResults, [result]) })),
  // The same sentence twice (a result that could not be saved, again) is shown once.
  addSuiteNotice: (notice) =>
    set((s) =>
      s.suiteNotices.some((n) => JSON.stringify(n) === JSON.stringify(notice))
        ? {}
        : { suiteNotices: [...s.suiteNotices, notice] },
    ),
  clearSuiteNotices: () => set({ suiteNotices: [] }),

  compareSource: 'suite',
  compareTaskId: '',
  compareModes: ['multi', 'single'],
  compareChoices: { multi: 'tiny', shared: 'one-model', single: 'single' },
  compareTask: undefined,
  compareColumns: [],
  compareNotice: undefined,
  setCompareSource: (compareSource) => set({ compareSource }),
  setCompareTaskId: (compareTaskId) => set({ compareTaskId }),
  setCompareModes: (compareModes) => set({ compareModes }),
  setCompareChoice: (mode, choice) =>
    set((s) => ({ compareChoices: { ...s.compareChoices, [mode]: choice } })),
  startComparison: (compareTask, compareColumns) =>
    set({ compareTask, compareColumns, compareNotice: undefined }),
  updateCompareColumn: (index, patch) =>
    set((s) => ({
      compareColumns: s.compareColumns.map((column, i) => (i === index ? { ...column, ...patch } : column)),
    })),
  setCompareNotice: (compareNotice) => set({ compareNotice }),
});
