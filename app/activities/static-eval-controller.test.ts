import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerateRequest, GenerateResult, Role, RoleModel } from '../agent/types';
import { useAppStore } from '../store/index';
import { alphaUmiFixturePath } from '../test-support/fixtures';
import {
  importReplayFile,
  importTestFile,
  predictionsFile,
  setPredictionSource,
  startStaticEval,
  stopStaticEval,
} from './static-eval-controller';

/*
 * The controller in Node. Loaded WebLLM models are stood in for by a model that records what
 * it was asked (the real bridge needs a GPU and weights); the replay uses the real scripted engine.
 */

const loaded: Partial<Record<Role, RoleModel>> = {};
vi.mock('../controllers/models-controller', () => ({ modelsForRun: () => loaded }));

class GivingUp implements RoleModel {
  readonly kind = 'webllm' as const;
  readonly requests: GenerateRequest[] = [];
  onGenerate: (() => void) | undefined;
  constructor(
    readonly id: string,
    readonly label: string,
  ) {}
  async load() {}
  async interrupt() {}
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    this.requests.push(request);
    this.onGenerate?.();
    const usage = {
      promptTokens: 1,
      completionTokens: 1,
      timeToFirstTokenMs: 1,
      decodeTokensPerSecond: 1,
      wallMs: 1,
      simulated: false,
    };
    return { text: 'Nothing to do.\n Next: give up.</s>', usage, finishReason: 'stop' };
  }
}

const file = (path: string, name = path.split('/').at(-1) ?? 'f.json') =>
  new File([readFileSync(path)], name);
const stage2 = () => file(alphaUmiFixturePath('raw_data_stage_2.json'));
const predictions = () => file(alphaUmiFixturePath('static-eval/predictions.json'));
const state = () => useAppStore.getState().staticEval;

beforeEach(() => {
  for (const role of Object.keys(loaded) as Role[]) delete loaded[role];
  useAppStore.setState({ staticEval: { source: 'models', progress: { done: 0, total: 0 } } });
  // These tests stand in for loaded WebLLM models, which the engine picker's non-tiny choices use.
  useAppStore.setState({ activity: undefined, roleSampling: {}, engine: 'scripted' });
});

describe('static evaluation controller', () => {
  it('says to load models when none are loaded, and runs nothing', async () => {
    expect(await importTestFile(stage2())).toBe(true);
    loaded.planner = new GivingUp('p', 'Planner model');
    await startStaticEval();
    expect(state().notice).toEqual({ kind: 'no_models' });
    expect(state().result).toBeUndefined();
  });

  it('runs every sample on the loaded models with the role settings, and scores it as complete', async () => {
    await importTestFile(stage2());
    const planner = new GivingUp('p', 'Qwen planner');
    loaded.planner = planner;
    loaded.caller = new GivingUp('c', 'Qwen caller');
    loaded.summarizer = new GivingUp('s', 'SmolLM summarizer');
    useAppStore.setState({ roleSampling: { planner: { temperature: 0, maxTokens: 99 } } });
    await startStaticEval();
    expect(planner.requests).toHaveLength(79);
    expect(planner.requests[0]?.sampling).toEqual({ temperature: 0, maxTokens: 99 });
    const result = state().result;
    expect(result).toMatchObject({
      source: 'models',
      by: { models: { planner: 'Qwen planner', caller: 'Qwen caller', summarizer: 'SmolLM summarizer' } },
      end: 'finished',
      total: 79,
    });
    expect(result?.records[0]?.predictions).toBe('Nothing to do.\n Next: give up.');
    // Giving up everywhere: only the reference give-ups are right.
    expect(result?.score?.metrics.plan_em).toBe(6 / 79);
    expect(result && predictionsFile(result).name).toBe('static-eval-predictions.json');
  });

  it('Stop keeps the finished samples; the result and its export say partial', async () => {
    await importTestFile(stage2());
    const planner = new GivingUp('p', 'planner');
    planner.onGenerate = () => {
      if (planner.requests.length === 3) stopStaticEval();
    };
    Object.assign(loaded, { planner, caller: planner, summarizer: planner });
    await startStaticEval();
    const result = state().result;
    expect(result?.end).toBe('stopped');
    expect(result?.records).toHaveLength(3);
    expect(result && predictionsFile(result).name).toBe('static-eval-predictions-partial-3-of-79.json');
    expect(JSON.parse(result ? predictionsFile(result).text : '[]')).toHaveLength(3);
  });

  it('refuses to start while something else holds the models, and holds them while it runs', async () => {
    await importTestFile(stage2());
    Object.assign(loaded, {
      planner: new GivingUp('p', 'p'),
      caller: new GivingUp('c', 'c'),
      summarizer: new GivingUp('s', 's'),
    });
    useAppStore.setState({ activity: { kind: 'suite', status: 'running' } });
    await startStaticEval();
    expect(state().notice).toEqual({ kind: 'busy', activity: 'suite' });
    expect(state().result).toBeUndefined();
    useAppStore.setState({ activity: undefined });
    const running = startStaticEval();
    expect(useAppStore.getState().activity?.kind).toBe('static-eval');
    await running;
    expect(useAppStore.getState().activity).toBeUndefined();
    expect(state().result?.end).toBe('finished');
  });

  it('replays a predictions file with the scripted engine; a new test file drops it', async () => {
    await importTestFile(stage2());
    setPredictionSource('replay');
    expect(await importReplayFile(predictions())).toBe(true);
    await startStaticEval();
    expect(state().result).toMatchObject({
      source: 'replay',
      by: { file: 'predictions.json' },
      end: 'finished',
    });
    expect(state().result?.score?.metrics.hallu_rate).toBe(3 / 79);
    await importTestFile(stage2());
    expect(state().replayFile).toBeUndefined();
    expect(state().result).toBeUndefined();
  });

  it('a rejected file changes nothing that was loaded', async () => {
    await importTestFile(stage2());
    const before = state().testFile;
    expect(await importTestFile(new File(['[{"tools": []}]'], 'bad.json'))).toBe(false);
    expect(state().testFile).toBe(before);
    expect(state().notice).toEqual({
      kind: 'test_rejected',
      file: 'bad.json',
      issue: { code: 'bad_field', record: 0, field: 'instruction', expected: 'string' },
    });
    setPredictionSource('replay');
    expect(await importReplayFile(new File(['[]'], 'none.json'))).toBe(false);
    expect(state().notice).toMatchObject({ kind: 'predictions_rejected', issue: { code: 'empty' } });
  });
});
