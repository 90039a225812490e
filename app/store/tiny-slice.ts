import type { StateCreator } from 'zustand';
import type { NamedErrorData } from '../agent/types';
import type { TinyManifest, TinySystemId } from '../llm/tiny/manifest';
import type { AppState } from './index';

export interface TinyStatus {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  system?: TinySystemId;
  error?: NamedErrorData;
}

export interface TinySlice {
  /** Which tiny system serves `multi` mode: α-UMi GLPFT (default) or one-stage. Remembered. */
  tinyMultiSystem: TinySystemId;
  setTinyMultiSystem: (system: TinySystemId) => void;
  tinyManifest: TinyManifest | undefined;
  setTinyManifest: (manifest: TinyManifest) => void;
  tiny: TinyStatus;
  setTinyStatus: (status: TinyStatus) => void;
}

export const createTinySlice: StateCreator<AppState, [], [], TinySlice> = (set) => ({
  tinyMultiSystem: 'glpft',
  setTinyMultiSystem: (tinyMultiSystem) =>
    set({ tinyMultiSystem: tinyMultiSystem === 'one-stage' ? 'one-stage' : 'glpft' }),
  tinyManifest: undefined,
  setTinyManifest: (tinyManifest) => set({ tinyManifest }),
  tiny: { status: 'idle' },
  setTinyStatus: (tiny) => set({ tiny }),
});
