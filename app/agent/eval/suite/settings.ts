import { DEFAULT_CHAT_SYSTEM_PROMPTS } from '../../dialects/chat/system-prompts';
import {
  DEFAULT_SAMPLING,
  type Dialect,
  type Role,
  type RunMode,
  type SamplingSettings,
  type ToolDefinition,
} from '../../types';

/**
 * The settings that shape a run besides the engine, mode, dialect and models: the step limit,
 * each role's sampling, the system prompts (`chat` dialect) and the enabled tools. Results
 * under different settings are different configurations — a suite snapshots them once, when it
 * starts, and every task runs with the snapshot.
 */
export interface SuiteSettings {
  maxSteps: number;
  /** Sampling of each role the mode uses, defaults filled in. */
  sampling: Partial<Record<Role, SamplingSettings>>;
  /** `chat` dialect: the roles whose system prompt differs from the default (the fingerprint has the text). */
  customPrompts: Role[];
  /** The enabled tools, in the order the models read them (the fingerprint has their definitions). */
  tools: string[];
}

export interface SettingsInput {
  mode: RunMode;
  dialect: Dialect;
  maxSteps: number;
  roleSampling: Partial<Record<Role, Partial<SamplingSettings>>>;
  systemPrompts: Partial<Record<Role, string>>;
  tools: readonly ToolDefinition[];
}

/** The roles a mode runs models for. */
export function modeRoles(mode: RunMode): Role[] {
  return mode === 'single' ? ['backbone'] : ['planner', 'caller', 'summarizer'];
}

/** JSON with object keys sorted, so equal settings always write the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 64-bit FNV-1a as 16 hex digits (two 32-bit lanes); enough to tell a handful of configurations apart. */
function fnv1a64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ (a >>> 16), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** The settings of a run in `mode`, and their fingerprint (16 hex digits; the results show the first 6). */
export function suiteSettings(input: SettingsInput): { settings: SuiteSettings; fingerprint: string } {
  const roles = modeRoles(input.mode);
  const sampling: Partial<Record<Role, SamplingSettings>> = {};
  for (const role of roles) sampling[role] = { ...DEFAULT_SAMPLING[role], ...input.roleSampling[role] };
  // The alpha-umi prompts are fixed (byte-exact to GLPFT): edits to the chat prompts do not touch them.
  const prompts: Partial<Record<Role, string>> = {};
  if (input.dialect === 'chat') {
    for (const role of roles) prompts[role] = input.systemPrompts[role] ?? DEFAULT_CHAT_SYSTEM_PROMPTS[role];
  }
  const customPrompts = roles.filter(
    (role) => prompts[role] !== undefined && prompts[role] !== DEFAULT_CHAT_SYSTEM_PROMPTS[role],
  );
  const settings: SuiteSettings = {
    maxSteps: input.maxSteps,
    sampling,
    customPrompts,
    tools: input.tools.map((t) => t.name),
  };
  const tools = input.tools.map(({ name, description, parameters }) => ({ name, description, parameters }));
  const fingerprint = fnv1a64(canonical({ maxSteps: input.maxSteps, sampling, prompts, tools }));
  return { settings, fingerprint };
}
