import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role, RoleModel, RunMode } from '../agent/types';
import { buildCatalog } from '../llm/catalog';
import type { GpuProbe } from '../llm/gpu-probe';
import { useAppStore } from '../store/index';
import { runCompare } from './suite-compare';
import { runSuite, stopSuite } from './suite-controller';

/*
 * The lab with the WebLLM engine, in Node: the models controller is replaced by one whose
 * "loaded models" are scripted models, one per ready slot, as modelsForRun hands out bridges.
 * Loading marks the planned slots ready; tests break slots and stop during loading.
 */
const hooks = vi.hoisted(() => ({
  onRelease: undefined as undefined | (() => void),
  loads: 0,
  cancels: 0,
}));

vi.mock('../controllers/models-controller', async () => {
  const { ScriptedModel } = await import('../llm/scripted/scripted-model');
  const { useAppStore: appStore } = await import('../store/index');
  const { plannedSlots } = await import('../store/models-slice');
  const bridges = new Map<string, InstanceType<typeof ScriptedModel>>();
  return {
    releaseUnplannedModels: async () => hooks.onRelease?.(),
    loadModels: async () => {
      hooks.loads += 1;
      for (const slot of plannedSlots(appStore.getState()))
        appStore.getState().updateSlot(slot.slot, { status: 'ready', progress: 1 });
    },
    cancelLoading: () => {
      hooks.cancels += 1;
    },
    modelsForRun: (mode: RunMode) => {
      const models: Partial<Record<Role, RoleModel>> = {};
      for (const slot of Object.values(appStore.getState().slots)) {
        if (slot?.status !== 'ready') continue;
        let bridge = bridges.get(slot.slot);
        if (!bridge || bridge.id !== slot.modelId) {
          bridge = new ScriptedModel({ id: slot.modelId });
          bridges.set(slot.slot, bridge);
        }
        for (const role of slot.roles) models[role] = bridge;
      }
      if (mode === 'single' && !models.backbone && models.planner) models.backbone = models.planner;
      return models;
    },
  };
});

const store = () => useAppStore.getState();
const gpu = {
  ok: true,
  shaderF16: true,
  adapter: { vendor: 'test', architecture: 'test', description: 'test GPU' },
  limits: {},
  problems: [],
  warnings: [],
} as unknown as GpuProbe;

beforeEach(() => {
  hooks.onRelease = undefined;
  hooks.loads = 0;
  hooks.cancels = 0;
  useAppStore.setState({
    engine: 'webllm',
    dialect: 'chat',
    mode: 'multi',
    activity: undefined,
    suiteResults: [],
    suiteNotices: [],
    compareNotice: undefined,
    compareColumns: [],
    catalog: buildCatalog(prebuiltAppConfig),
    gpu,
  });
  store().choosePreset('tiny');
  store().setMode('multi');
});

describe('suite with models on the GPU', () => {
  it('a model lost between tasks stops its column before the next task, with the slot’s error (review #2)', async () => {
    const unsubscribe = useAppStore.subscribe((s, prev) => {
      if (s.suiteResults.length === 1 && prev.suiteResults.length === 0) {
        // The planner's worker crashes after the first task.
        s.updateSlot('planner', {
          status: 'failed',
          error: { name: 'WorkerCrashedError', message: 'The model worker stopped unexpectedly.' },
        });
      }
    });
    store().setSuiteTaskIds(['capital-australia', 'capital-canada', 'peru-subregion']);
    store().setSuiteChoices(['tiny']);
    await runSuite();
    unsubscribe();
    expect(store().suiteResults.map((r) => r.taskId)).toEqual(['capital-australia']);
    expect(store().suiteResults[0]?.config.models).toHaveLength(3);
    const notice = store().suiteNotices.find((n) => n.key === 'notReady');
    expect(notice).toMatchObject({
      values: { model: 'Qwen2.5-0.5B-Instruct-q4f16_1-MLC', status: 'failed', task: 'capital-canada' },
      column: { mode: 'multi', choice: 'tiny' },
      error: { name: 'WorkerCrashedError' },
    });
  });

  it('Stop while the previous models are freed stops the loading too (review #6)', async () => {
    hooks.onRelease = () => stopSuite();
    store().setSuiteTaskIds(['capital-australia']);
    store().setSuiteChoices(['single']);
    await runSuite();
    expect(hooks.loads).toBe(0);
    expect(store().suiteResults).toEqual([]);
    expect(store().suiteNotices.map((n) => n.key)).toEqual(['loadStopped']);
    expect(store().activity).toBeUndefined();
  });

  it('running a preset leaves the Run tab’s mode alone (review #7)', async () => {
    store().setSuiteTaskIds(['capital-australia']);
    store().setSuiteChoices(['tiny', 'single']);
    await runSuite();
    expect(store().suiteResults.map((r) => r.config.mode)).toEqual(['multi', 'single']);
    expect(store().mode).toBe('multi');
    // The Models panel shows what is loaded now.
    expect(store().modelsMode).toBe('single');
    expect(store().presetId).toBe('single');
  });

  it('a preset that cannot run says so with its notes, and the next preset still runs', async () => {
    // Without shader-f16 every preset switches to its f32 twins; a catalog without them leaves roles unusable.
    useAppStore.setState({
      gpu: { ...gpu, shaderF16: false } as GpuProbe,
      catalog: buildCatalog(prebuiltAppConfig).filter(
        (m) => !m.id.includes('q4f32') || m.id.includes('1.5B'),
      ),
    });
    store().setSuiteTaskIds(['capital-australia']);
    store().setSuiteChoices(['tiny', 'single']);
    await runSuite();
    const unusable = store().suiteNotices.find((n) => n.key === 'unusable');
    expect(unusable?.column?.choice).toBe('tiny');
    expect(unusable?.notes?.length).toBeGreaterThan(0);
    expect(store().suiteResults.map((r) => r.config.mode)).toEqual(['single']);
  });
});

describe('comparison with models on the GPU', () => {
  it('a column whose models run another mode fails instead of running under the wrong label (review #7)', async () => {
    store().choosePreset('single'); // the Models panel is on Single LLM
    store().setMode('multi');
    store().setCompareSource('suite');
    store().setCompareTaskId('capital-canada');
    store().setCompareModes(['multi', 'single']);
    store().setCompareChoice('multi', 'current');
    store().setCompareChoice('single', 'single');
    await runCompare();
    const [multi, single] = store().compareColumns;
    expect(multi).toMatchObject({
      mode: 'multi',
      status: 'failed',
      notice: { key: 'modeMismatch', values: { mode: 'multi', actual: 'single' } },
    });
    expect(multi?.trace).toBeUndefined();
    expect(single).toMatchObject({ mode: 'single', status: 'done' });
    expect(single?.trace?.mode).toBe('single');
    expect(store().mode).toBe('multi');
  });
});
