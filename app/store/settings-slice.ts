import type { StateCreator } from 'zustand';
import type { Dialect, Role, RunMode, SamplingSettings } from '../agent/types';
import { detectLocale, type Locale } from '../i18n/i18n';
import type { AppState } from './index';
import type { ControllerNotice } from './messages/controller-messages';

/** `tiny`: the built-in tiny α-UMi models (the default); `scripted`: the labelled demo. */
export type EngineChoice = 'tiny' | 'scripted' | 'webllm';

export interface SettingsSlice {
  /** Interface language; remembered with the other choices. */
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** Larger type everywhere, for a projector at the back of a classroom; remembered. */
  largeText: boolean;
  setLargeText: (on: boolean) => void;
  task: string;
  mode: RunMode;
  dialect: Dialect;
  engine: EngineChoice;
  maxSteps: number;
  /** Pace of the scripted engine's stream, so a class can follow it. */
  scriptedTokenDelayMs: number;
  /** Per-role sampling overrides (temperature, max tokens, seed); missing values use the defaults. */
  roleSampling: Partial<Record<Role, Partial<SamplingSettings>>>;
  /** Per-role system prompts of the chat dialect; a missing role uses the default prompt. */
  systemPrompts: Partial<Record<Role, string>>;
  /** Step-through: pause after each model turn so the user can read, edit, then go on. */
  stepThrough: boolean;
  setStepThrough: (on: boolean) => void;
  /** A line about how the page was set up (e.g. from a lesson link): coded messages, shown in a row. */
  pageNotice: readonly ControllerNotice[] | undefined;
  setPageNotice: (notice: readonly ControllerNotice[] | undefined) => void;
  setRoleSampling: (role: Role, patch: Partial<SamplingSettings>) => void;
  setSystemPrompt: (role: Role, prompt: string | undefined) => void;
  setTask: (task: string) => void;
  setMode: (mode: RunMode) => void;
  setDialect: (dialect: Dialect) => void;
  setEngine: (engine: EngineChoice) => void;
  setMaxSteps: (maxSteps: number) => void;
  setScriptedTokenDelay: (ms: number) => void;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set) => ({
  locale: detectLocale(typeof navigator === 'undefined' ? [] : navigator.languages),
  setLocale: (locale) => set({ locale }),
  largeText: false,
  setLargeText: (largeText) => set({ largeText }),
  task: '',
  mode: 'multi',
  dialect: 'chat',
  // Real inference on every device from the first visit: the built-in tiny α-UMi models. The
  // scripted demo (text written in advance, labelled) is one choice away.
  engine: 'tiny',
  maxSteps: 10,
  scriptedTokenDelayMs: 25,
  roleSampling: {},
  systemPrompts: {},
  stepThrough: false,
  setStepThrough: (stepThrough) => set({ stepThrough }),
  pageNotice: undefined,
  setPageNotice: (pageNotice) => set({ pageNotice }),
  setRoleSampling: (role, patch) =>
    set((state) => ({
      roleSampling: { ...state.roleSampling, [role]: { ...state.roleSampling[role], ...patch } },
    })),
  setSystemPrompt: (role, prompt) =>
    set((state) => {
      const next = { ...state.systemPrompts };
      if (prompt === undefined) delete next[role];
      else next[role] = prompt;
      return { systemPrompts: next };
    }),
  setTask: (task) => set({ task }),
  setMode: (mode) => set({ mode }),
  setDialect: (dialect) => set({ dialect }),
  setEngine: (engine) => set({ engine }),
  setMaxSteps: (maxSteps) => set({ maxSteps: Math.max(1, Math.min(50, Math.round(maxSteps))) }),
  setScriptedTokenDelay: (ms) => set({ scriptedTokenDelayMs: Math.max(0, Math.min(500, ms)) }),
});
