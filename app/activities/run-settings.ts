import type { RunConfig } from '../agent/orchestrator';
import type {
  Dialect,
  Role,
  RoleModel,
  RunMode,
  SamplingSettings,
  ToolDefinition,
  ToolRunner,
} from '../agent/types';
import { toolRunner } from '../controllers/tools-controller';
import { useAppStore } from '../store/index';
import { runEnvironment } from './run-env';

/**
 * The Run tab's settings as a run, a suite or a comparison found them when it started. Every
 * task of it uses these, whatever is edited meanwhile: one run, or one column, never mixes
 * settings.
 */
export interface RunSettings {
  maxSteps: number;
  roleSampling: Partial<Record<Role, Partial<SamplingSettings>>>;
  systemPrompts: Partial<Record<Role, string>>;
  /** The tools enabled at the start: what the models read. Calls go to the page's runner. */
  tools: ToolRunner;
}

export function snapshotRunSettings(): RunSettings {
  const state = useAppStore.getState();
  const live = toolRunner();
  const definitions: ToolDefinition[] = structuredClone(live.list());
  return {
    maxSteps: state.maxSteps,
    roleSampling: structuredClone(state.roleSampling),
    systemPrompts: { ...state.systemPrompts },
    tools: { list: () => definitions, run: (call, options) => live.run(call, options) },
  };
}

/** What differs between runs of the same settings: the task, who plays it, and how it started. */
export type RunSpec = Pick<RunConfig, 'task' | 'origin' | 'signal'> &
  Partial<Pick<RunConfig, 'modelsUnavailable' | 'review' | 'prefix'>> & {
    mode: RunMode;
    dialect: Dialect;
    models: Partial<Record<Role, RoleModel>>;
  };

/** The orchestrator's configuration for one run: the one place it is built. */
export function agentConfig(spec: RunSpec, settings: RunSettings): RunConfig {
  return {
    ...spec,
    tools: settings.tools,
    maxSteps: settings.maxSteps,
    sampling: settings.roleSampling,
    systemPrompts: settings.systemPrompts,
    env: runEnvironment(useAppStore.getState()),
  };
}
