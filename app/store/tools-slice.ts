import type { StateCreator } from 'zustand';
import type { JsonSchema } from '../agent/types';
import type { AppState } from './index';
import type { ControllerNotice } from './messages/controller-messages';

/** A tool as the tool manager shows it. */
export interface ToolInfo {
  name: string;
  description: string;
  parameters: JsonSchema;
  kind: 'builtin' | 'sandbox';
  enabled: boolean;
  source?: string;
  examples?: string[];
}

export interface ToolsSlice {
  toolList: ToolInfo[];
  /** Built-in tools the user switched off (user tools keep their flag in IndexedDB). */
  disabledBuiltins: string[];
  /** A storage problem to show (tools still work in memory). */
  toolsNotice: ControllerNotice | undefined;
  setToolList: (tools: ToolInfo[]) => void;
  setDisabledBuiltins: (names: string[]) => void;
  setToolsNotice: (notice: ControllerNotice | undefined) => void;
}

export const createToolsSlice: StateCreator<AppState, [], [], ToolsSlice> = (set) => ({
  toolList: [],
  disabledBuiltins: [],
  toolsNotice: undefined,
  setToolList: (toolList) => set({ toolList }),
  setDisabledBuiltins: (disabledBuiltins) => set({ disabledBuiltins }),
  setToolsNotice: (toolsNotice) => set({ toolsNotice }),
});
