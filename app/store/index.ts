import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createRunSlice, type RunSlice } from './run-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';

export type AppState = SettingsSlice & RunSlice;

/** One store made of slices; middleware is applied once, here. Only settings persist. */
export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSettingsSlice(...a),
      ...createRunSlice(...a),
    }),
    {
      name: 'umi-lab.settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        mode: s.mode,
        dialect: s.dialect,
        engine: s.engine,
        maxSteps: s.maxSteps,
        scriptedTokenDelayMs: s.scriptedTokenDelayMs,
      }),
    },
  ),
);
