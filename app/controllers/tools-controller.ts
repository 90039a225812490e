import { toErrorData } from '../agent/errors';
import type { ToolResult, ToolRunner } from '../agent/types';
import {
  deleteUserTool,
  loadUserTools,
  type StoredUserTool,
  saveUserTool,
  saveUserTools,
} from '../storage/user-tools-db';
import { useAppStore } from '../store/index';
import type { ToolInfo } from '../store/tools-slice';
import { createRunJavascriptTool } from '../tools/builtin/run-javascript';
import { createDefaultRegistry, type RegisteredTool, type ToolRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { createSandboxExecutor } from '../tools/sandbox/executor';
import { getSandbox } from '../tools/sandbox/sandbox-bridge';
import { checkUserTool, parseToolPack, toolPack, type UserToolData } from '../tools/tool-pack';
import type { ToolProblem } from '../tools/tool-pack-messages';

/**
 * The tool registry and runner of the page, outside the store (they hold functions and a
 * worker). The store gets a plain list for the tool manager after every change.
 */
let registry: ToolRegistry | undefined;
let runner: ToolRunner | undefined;
const userTools = new Map<string, StoredUserTool>();

function builtinNames(r: ToolRegistry): Set<string> {
  return new Set(r.list().flatMap((t) => (t.kind === 'sandbox' ? [] : [t.definition.name])));
}

export function getRegistry(): ToolRegistry {
  if (registry) return registry;
  const r = createDefaultRegistry();
  r.register(createRunJavascriptTool((code, options) => getSandbox().run(code, options)));
  for (const name of useAppStore.getState().disabledBuiltins) if (r.has(name)) r.disable(name);
  registry = r;
  return r;
}

/** The runner every run uses: built-ins directly, user tools in the sandbox worker. */
export function toolRunner(): ToolRunner {
  runner ??= createToolRunner(getRegistry(), { sandbox: createSandboxExecutor() });
  return runner;
}

function info(tool: RegisteredTool, r: ToolRegistry): ToolInfo {
  const { name, description, parameters } = tool.definition;
  return {
    name,
    description,
    parameters,
    kind: tool.kind === 'sandbox' ? 'sandbox' : 'builtin',
    enabled: r.isEnabled(name),
    ...(tool.kind === 'sandbox' ? { source: tool.source } : {}),
    ...(tool.examples ? { examples: tool.examples } : {}),
  };
}

function publish(): void {
  const r = getRegistry();
  useAppStore.getState().setToolList(r.list().map((t) => info(t, r)));
}

function register(tool: StoredUserTool): void {
  const { enabled, updatedAt: _updatedAt, source, examples, ...definition } = tool;
  getRegistry().register(
    { kind: 'sandbox', definition, source, ...(examples ? { examples } : {}) },
    { replace: true, enabled },
  );
  userTools.set(tool.name, tool);
}

/** Loads the user's tools from IndexedDB. If storage fails, the built-ins still work. */
export async function initTools(): Promise<void> {
  publish();
  try {
    for (const tool of await loadUserTools()) {
      if (checkUserTool(tool).length === 0 && !builtinNames(getRegistry()).has(tool.name)) register(tool);
    }
  } catch (error) {
    useAppStore
      .getState()
      .setToolsNotice({ code: 'toolsNotLoaded', values: { error: toErrorData(error).message } });
  }
  publish();
}

/** Creates or updates a user tool. Returns the problems (nothing is saved when there are any). */
export async function saveTool(draft: UserToolData, previousName?: string): Promise<ToolProblem[]> {
  const problems = checkUserTool(draft);
  if (builtinNames(getRegistry()).has(draft.name))
    problems.push({ code: 'builtin', values: { name: draft.name } });
  if (draft.name !== previousName && userTools.has(draft.name)) {
    problems.push({ code: 'exists', values: { name: draft.name } });
  }
  if (problems.length > 0) return problems;
  const stored: StoredUserTool = {
    ...draft,
    enabled: previousName ? (userTools.get(previousName)?.enabled ?? true) : true,
    updatedAt: Date.now(),
  };
  await saveUserTool(stored);
  if (previousName && previousName !== draft.name) {
    await deleteUserTool(previousName);
    getRegistry().unregister(previousName);
    userTools.delete(previousName);
  }
  register(stored);
  publish();
  return [];
}

export async function removeTool(name: string): Promise<void> {
  if (!userTools.has(name)) return;
  await deleteUserTool(name);
  userTools.delete(name);
  getRegistry().unregister(name);
  publish();
}

export async function setToolEnabled(name: string, enabled: boolean): Promise<void> {
  // The switch flips at once; saving follows (a failed save is reported, the switch stays).
  getRegistry().setEnabled(name, enabled);
  publish();
  const user = userTools.get(name);
  if (!user) {
    const disabled = new Set(useAppStore.getState().disabledBuiltins);
    if (enabled) disabled.delete(name);
    else disabled.add(name);
    useAppStore.getState().setDisabledBuiltins([...disabled]);
    return;
  }
  userTools.set(name, { ...user, enabled });
  try {
    await saveUserTool({ ...user, enabled, updatedAt: Date.now() });
  } catch (error) {
    useAppStore
      .getState()
      .setToolsNotice({ code: 'toolChangeNotSaved', values: { name, error: toErrorData(error).message } });
  }
}

/**
 * Imports a tool pack: validates the whole file first; any problem (or a name that is already
 * taken) rejects the file and nothing changes.
 */
export async function importToolPack(
  text: string,
): Promise<{ ok: true; added: string[] } | { ok: false; errors: ToolProblem[] }> {
  const parsed = parseToolPack(text, builtinNames(getRegistry()));
  if (!parsed.ok) return parsed;
  const taken = parsed.tools.filter((t) => userTools.has(t.name)).map((t) => t.name);
  if (taken.length > 0) {
    return { ok: false, errors: [{ code: 'taken', values: { names: taken.join(', ') } }] };
  }
  const stored = parsed.tools.map((t) => ({ ...t, enabled: true, updatedAt: Date.now() }));
  await saveUserTools(stored);
  for (const tool of stored) register(tool);
  publish();
  return { ok: true, added: stored.map((t) => t.name) };
}

export function exportToolPack(): string {
  const tools = [...userTools.values()].map(({ enabled: _e, updatedAt: _u, ...tool }) => tool);
  return JSON.stringify(toolPack(tools), null, 2);
}

/** Runs a tool once, outside any run (the manager's "Test run" and `umi.tools.call`). */
export async function callTool(
  name: string,
  args: Record<string, unknown>,
  timeoutMs?: number,
): Promise<ToolResult> {
  return toolRunner().run(
    { name, arguments: args },
    { signal: new AbortController().signal, ...(timeoutMs ? { timeoutMs } : {}) },
  );
}

/** What a model would read: the result, or the named error. */
export function observationOf(result: ToolResult): string {
  if (result.ok) return typeof result.value === 'string' ? result.value : JSON.stringify(result.value);
  return `${result.error.name}: ${result.error.message}`;
}
