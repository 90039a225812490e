import type { StateCreator } from 'zustand';
import type { Dialect, RunMode } from '../agent/types';
import type { AppState } from './index';

export type EngineChoice = 'scripted' | 'webllm';

export interface SettingsSlice {
  task: string;
  mode: RunMode;
  dialect: Dialect;
  engine: EngineChoice;
  maxSteps: number;
  /** Pace of the scripted engine's stream, so a class can follow it. */
  scriptedTokenDelayMs: number;
  setTask: (task: string) => void;
  setMode: (mode: RunMode) => void;
  setDialect: (dialect: Dialect) => void;
  setEngine: (engine: EngineChoice) => void;
  setMaxSteps: (maxSteps: number) => void;
  setScriptedTokenDelay: (ms: number) => void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  task: '',
  mode: 'multi',
  dialect: 'chat',
  engine: 'scripted',
  maxSteps: 10,
  scriptedTokenDelayMs: 25,
  setTask: (task) => set({ task }),
  setMode: (mode) => set({ mode }),
  setDialect: (dialect) => set({ dialect }),
  setEngine: (engine) => set({ engine }),
  setMaxSteps: (maxSteps) => set({ maxSteps: Math.max(1, Math.min(50, Math.round(maxSteps))) }),
  setScriptedTokenDelay: (ms) => set({ scriptedTokenDelayMs: Math.max(0, Math.min(500, ms)) }),
});
