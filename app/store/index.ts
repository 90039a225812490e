import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createPredictSlice, type PredictSlice } from './predict-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createServersSlice, rememberedKeys, type ServersSlice } from './servers-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createStaticEvalSlice, type StaticEvalSlice } from './static-eval-slice';
import { createSuiteSlice, type SuiteSlice } from './suite-slice';
import { createTinySlice, type TinySlice } from './tiny-slice';
import { createToolsSlice, type ToolsSlice } from './tools-slice';

export type AppState = SettingsSlice &
  RunSlice &
  PredictSlice &
  ModelsSlice &
  ToolsSlice &
  HistorySlice &
  SuiteSlice &
  StaticEvalSlice &
  TinySlice &
  ServersSlice;

/** Brings choices saved by an earlier version of the page up to this one. */
export function migrateSettings(saved: unknown, version: number): Partial<AppState> {
  const state = (saved ?? {}) as Partial<AppState>;
  if (version < 2 && state.engine === 'scripted') return { ...state, engine: 'tiny' };
  return state;
}

/** What is remembered between visits: the user's choices, never a run, never an unasked-for key. */
export function persistedSettings(s: AppState) {
  return {
    locale: s.locale,
    largeText: s.largeText,
    mode: s.mode,
    dialect: s.dialect,
    engine: s.engine,
    tinyMultiSystem: s.tinyMultiSystem,
    maxSteps: s.maxSteps,
    scriptedTokenDelayMs: s.scriptedTokenDelayMs,
    roleSampling: s.roleSampling,
    stepThrough: s.stepThrough,
    predictMode: s.predictMode,
    systemPrompts: s.systemPrompts,
    presetId: s.presetId,
    modelSource: s.modelSource,
    cacheBackend: s.cacheBackend,
    customModels: s.customModels,
    disabledBuiltins: s.disabledBuiltins,
    roleServers: s.roleServers,
    // A server's API key only when the user asked to keep it (never in a trace or a link).
    serverKeys: rememberedKeys(s),
  };
}

/** One store made of slices; middleware is applied once, here. Only choices persist. */
export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSettingsSlice(...a),
      ...createRunSlice(...a),
      ...createPredictSlice(...a),
      ...createModelsSlice(...a),
      ...createToolsSlice(...a),
      ...createHistorySlice(...a),
      ...createSuiteSlice(...a),
      ...createStaticEvalSlice(...a),
      ...createTinySlice(...a),
      ...createServersSlice(...a),
    }),
    {
      name: 'umi-lab.settings',
      // 2: the default engine became the tiny models. Version 1 saved every choice, the
      // default `scripted` too, so a saved `scripted` from then moves to `tiny`.
      version: 2,
      migrate: migrateSettings,
      // Kept keys come from storage, this tab's from session storage (servers-slice): both stay.
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<AppState>;
        return {
          ...current,
          ...saved,
          serverKeys: { ...current.serverKeys, ...(saved.serverKeys ?? {}) },
        };
      },
      storage: createJSONStorage(() => localStorage),
      partialize: persistedSettings,
    },
  ),
);
