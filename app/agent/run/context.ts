import { createAlphaUmiSession } from '../dialects/alpha-umi/session';
import { createChatSession } from '../dialects/chat/session';
import type { RunConfig } from '../orchestrator';
import type {
  DialectSession,
  Role,
  RoleModel,
  RoleModelInfo,
  SamplingSettings,
  ToolDefinition,
  ToolDocStyle,
} from '../types';

/**
 * What every part of one run reads: the caller's config, the dialect's conversation and the
 * settings resolved once at the start. Passed explicitly instead of closed over, so each step
 * of the loop is a plain function that can be read (and tested) on its own.
 */
export interface RunContext {
  readonly config: RunConfig;
  readonly session: DialectSession;
  readonly signal: AbortSignal;
  readonly now: () => number;
  readonly maxSteps: number;
  readonly sampling: Partial<Record<Role, SamplingSettings>>;
  readonly tools: ToolDefinition[];
  /** The tool names every generation request carries (one list for the run). */
  readonly toolNames: string[];
}

export function modelInfo(model: RoleModel): RoleModelInfo {
  const server = model.kind === 'server' ? model.info?.() : undefined;
  return { id: model.id, label: model.label, kind: model.kind, ...(server ? { server } : {}) };
}

export function createSession(config: RunConfig, tools: ToolDefinition[]): DialectSession {
  // Each model's prompts list the tools in the style it was trained on (tiny models: compact).
  const toolDocs: Partial<Record<Role, ToolDocStyle>> = {};
  for (const [role, model] of Object.entries(config.models) as [Role, RoleModel | undefined][]) {
    if (model?.toolDocs) toolDocs[role] = model.toolDocs;
  }
  const options = {
    task: config.task,
    tools,
    ...(config.systemPrompts ? { systemPrompts: config.systemPrompts } : {}),
    ...(Object.keys(toolDocs).length > 0 ? { toolDocs } : {}),
  };
  return config.dialect === 'chat' ? createChatSession(options) : createAlphaUmiSession(options);
}
