/**
 * The built-in tiny α-UMi models: the manifest, one worker per model file, and the models of
 * a run. Outside the store (bridges are not state, STYLE.md #7); what the UI shows of them
 * (load status, the manifest for the model cards) is in the tiny slice.
 */
import { toErrorData } from '../agent/errors';
import { ROLES_BY_MODE, type Role, type RoleModel, type RunMode } from '../agent/types';
import {
  modelNameFor,
  parseTinyManifest,
  TINY_SYSTEM_MODE,
  type TinyManifest,
  type TinySystemId,
} from '../llm/tiny/manifest';
import { TinyRoleModel, type TinyWorkerFactory } from '../llm/tiny/tiny-model';
import { useAppStore } from '../store/index';

const bridges = new Map<string, TinyRoleModel>();
let manifest: Promise<TinyManifest> | undefined;

/** How the controller starts workers and reads files: the page's, or a test's stand-ins. */
export interface TinyControllerDeps {
  factory: () => Promise<TinyWorkerFactory>;
  fetch: (url: string) => Promise<Response>;
}

const pageDeps: TinyControllerDeps = {
  // The worker code loads on first use, not with the page.
  factory: async () => (await import('../llm/tiny/worker-factory')).startTinyWorker,
  fetch: (url) => fetch(url),
};
let deps = pageDeps;

/** Swaps the workers and the fetch (unit tests); forgets every bridge and the manifest. */
export function setTinyControllerDeps(next: Partial<TinyControllerDeps> | undefined): void {
  deps = { ...pageDeps, ...next };
  bridges.clear();
  manifest = undefined;
}

export function tinyUrl(file: string): string {
  return `${import.meta.env.BASE_URL}tiny/${file}`;
}

export function loadTinyManifest(): Promise<TinyManifest> {
  manifest ??= deps
    .fetch(tinyUrl('manifest.json'))
    .then((response) => {
      if (!response.ok) throw new Error(`tiny/manifest.json answered ${response.status}`);
      return response.json();
    })
    .then(parseTinyManifest)
    .then((m) => {
      useAppStore.getState().setTinyManifest(m);
      return m;
    })
    .catch((error) => {
      manifest = undefined;
      throw error;
    });
  return manifest;
}

/** The system that serves `mode`: the multi choice for `multi`, else the one made for the mode. */
export function tinySystemFor(mode: RunMode, multiSystem: TinySystemId): TinySystemId {
  if (mode === 'multi') return TINY_SYSTEM_MODE[multiSystem] === 'multi' ? multiSystem : 'glpft';
  return mode === 'shared' ? 'shared' : 'single';
}

const ROLE_LABEL: Record<string, string> = {
  planner: 'planner',
  caller: 'caller',
  summarizer: 'summarizer',
  shared: 'all roles',
  backbone: 'single model',
};

const SYSTEM_LABEL: Record<TinySystemId, string> = {
  glpft: 'α-UMi GLPFT',
  'one-stage': 'multi-LLM one-stage',
  shared: 'single-LLM multi-task',
  single: 'single-LLM',
};

function bridge(m: TinyManifest, system: TinySystemId, role: Role, make: TinyWorkerFactory): TinyRoleModel {
  const name = modelNameFor(system, role);
  const key = `${system}/${name}`;
  const existing = bridges.get(key);
  if (existing) return existing;
  const entry = m.systems[system]?.models[name];
  if (!entry) throw new Error(`The tiny ${SYSTEM_LABEL[system]} system has no ${name} model.`);
  const params = m.systems[system]?.parameters ?? 0;
  const model = new TinyRoleModel(make, {
    id: `tiny-${system}-${name}`,
    label: `Tiny α-UMi ${ROLE_LABEL[name]} (${SYSTEM_LABEL[system]}, ${(params / 1e6).toFixed(2)} M)`,
    modelUrl: tinyUrl(entry.file),
    tokenizerUrl: tinyUrl(m.tokenizer),
    config: m.config,
  });
  bridges.set(key, model);
  return model;
}

/**
 * The loaded models of `mode` (loading them first: a few MB each, from the service worker's
 * cache after the first visit). The store's tiny status says what happened.
 */
export async function tinyModelsForRun(
  mode: RunMode,
  multiSystem: TinySystemId,
  signal?: AbortSignal,
): Promise<Partial<Record<Role, RoleModel>>> {
  const store = useAppStore.getState();
  const system = tinySystemFor(mode, multiSystem);
  try {
    const [m, make] = await Promise.all([loadTinyManifest(), deps.factory()]);
    const models: Partial<Record<Role, RoleModel>> = {};
    for (const role of ROLES_BY_MODE[mode]) models[role] = bridge(m, system, role, make);
    const unique = [...new Set(Object.values(models))] as TinyRoleModel[];
    if (unique.some((model) => !model.isLoaded)) store.setTinyStatus({ status: 'loading', system });
    for (const model of unique) await model.load(signal ? { signal } : {});
    store.setTinyStatus({ status: 'ready', system });
    return models;
  } catch (error) {
    store.setTinyStatus({ status: 'failed', system, error: toErrorData(error) });
    throw error;
  }
}
