import type { Role, RoleModel, RunMode } from '../../agent/types';
import type { ScriptedTask } from './render';
import { ScriptedModel } from './scripted-model';

/**
 * The scripted engine's models for a run mode, shaped like real ones: one object per role in
 * `multi`, one object playing all three roles in `shared`, one backbone in `single`.
 */
export function scriptedModels(
  mode: RunMode,
  tokenDelayMs: number,
  scripts?: readonly ScriptedTask[],
): Partial<Record<Role, RoleModel>> {
  const make = (id: string) => new ScriptedModel({ id, tokenDelayMs, ...(scripts ? { scripts } : {}) });
  if (mode === 'single') return { backbone: make('scripted-backbone') };
  if (mode === 'shared') {
    const one = make('scripted-shared');
    return { planner: one, caller: one, summarizer: one };
  }
  return {
    planner: make('scripted-planner'),
    caller: make('scripted-caller'),
    summarizer: make('scripted-summarizer'),
  };
}
