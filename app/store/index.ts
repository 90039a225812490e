import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSuiteSlice, type SuiteSlice } from './suite-slice';
import { createTinySlice, type TinySlice } from './tiny-slice';
import { createToolsSlice, type ToolsSlice } from './tools-slice';

export type AppState = SettingsSlice &
  RunSlice &
  ModelsSlice &
  ToolsSlice &
  HistorySlice &
  SuiteSlice &
  TinySlice;

/** One store made of slices; middleware is applied once, here. Only choices persist. */
export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSettingsSlice(...a),
      ...createRunSlice(...a),
      ...createModelsSlice(...a),
      ...createToolsSlice(...a),
      ...createHistorySlice(...a),
      ...createSuiteSlice(...a),
      ...createTinySlice(...a),
    }),
    {
      name: 'umi-lab.settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
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
        systemPrompts: s.systemPrompts,
        presetId: s.presetId,
        modelSource: s.modelSource,
        cacheBackend: s.cacheBackend,
        customModels: s.customModels,
        disabledBuiltins: s.disabledBuiltins,
      }),
    },
  ),
);
