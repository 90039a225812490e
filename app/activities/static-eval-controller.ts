/**
 * The static evaluation's actions: read the test and predictions files, run the models (or a
 * replay of a predictions file) over every sample, score the result. Its state is a slice of
 * the one store (static-eval-slice.ts); a run goes through `runActivity` like every other use
 * of the models.
 */
import { type PredictionRecord, scorePredictions } from '../agent/eval/static/metrics';
import type { ReplayOutputs } from '../agent/eval/static/pipeline';
import { planReplay, replayScript } from '../agent/eval/static/replay';
import { runStaticEval, type StaticEvalModels, type StaticRole } from '../agent/eval/static/runner';
import { type StaticSample, withToolDocs } from '../agent/eval/static/samples';
import { parsePredictionsFile, parseTestFile } from '../agent/eval/static/validate';
import { DEFAULT_SAMPLING, type SamplingSettings } from '../agent/types';
import { modelsForRun } from '../controllers/models-controller';
import { tinyModelsForRun } from '../controllers/tiny-controller';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import { useAppStore } from '../store/index';
import type { PredictionSource, StaticEvalResult, StaticEvalState } from '../store/static-eval-slice';
import { runActivity, stopActivity } from './activity';

export type {
  PredictionSource,
  ReplayFileState,
  StaticEvalNotice,
  StaticEvalResult,
  StaticEvalState,
  TestFileState,
} from '../store/static-eval-slice';

const patch = (p: Partial<StaticEvalState>) => useAppStore.getState().setStaticEval(p);

async function readText(file: File): Promise<string | { error: string }> {
  try {
    return await file.text();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads a stage-2 test file. A rejected file changes nothing that was loaded before. */
export async function importTestFile(file: File): Promise<boolean> {
  const text = await readText(file);
  if (typeof text !== 'string') {
    patch({ notice: { kind: 'unreadable', file: file.name, message: text.error } });
    return false;
  }
  const parsed = parseTestFile(text);
  if (!parsed.ok) {
    patch({ notice: { kind: 'test_rejected', file: file.name, issue: parsed.issue } });
    return false;
  }
  const { trajectories, samples } = parsed.value;
  // A replay file and a result belong to the previous test file.
  patch({
    testFile: { name: file.name, trajectories: trajectories.length, samples },
    replayFile: undefined,
    result: undefined,
    notice: undefined,
    progress: { done: 0, total: samples.length },
  });
  return true;
}

/** Reads a predictions file to replay against the loaded test file. */
export async function importReplayFile(file: File): Promise<boolean> {
  const samples = useAppStore.getState().staticEval.testFile?.samples;
  if (!samples) return false;
  const text = await readText(file);
  if (typeof text !== 'string') {
    patch({ notice: { kind: 'unreadable', file: file.name, message: text.error } });
    return false;
  }
  const parsed = parsePredictionsFile(text);
  const plan = parsed.ok ? planReplay(samples, parsed.value) : parsed;
  if (!plan.ok) {
    patch({ notice: { kind: 'predictions_rejected', file: file.name, issue: plan.issue } });
    return false;
  }
  patch({ replayFile: { name: file.name, outputs: plan.value }, notice: undefined });
  return true;
}

export function setPredictionSource(source: PredictionSource): void {
  patch({ source, notice: undefined });
}

/** The loaded WebLLM models for the three roles (multi or shared mode), or undefined. */
export function loadedStaticModels(): StaticEvalModels | undefined {
  const { planner, caller, summarizer } = modelsForRun('multi');
  return planner && caller && summarizer ? { planner, caller, summarizer } : undefined;
}

/** The tiny models evaluate in `multi` (or `shared`) mode; `single` has no planner to score. */
export function tinyStaticMode(): 'multi' | 'shared' | undefined {
  const app = useAppStore.getState();
  if (app.engine !== 'tiny' || app.mode === 'single') return undefined;
  return app.mode;
}

/** What a model evaluation runs on: the tiny models of the mode (loaded now), or WebLLM's. */
async function staticModels(): Promise<StaticEvalModels | undefined> {
  const tinyMode = tinyStaticMode();
  if (!tinyMode) return loadedStaticModels();
  const models = await tinyModelsForRun(tinyMode, useAppStore.getState().tinyMultiSystem).catch(() => ({}));
  const { planner, caller, summarizer } = models as Partial<StaticEvalModels>;
  return planner && caller && summarizer ? { planner, caller, summarizer } : undefined;
}

function samplingFor(role: StaticRole): SamplingSettings {
  return { ...DEFAULT_SAMPLING[role], ...useAppStore.getState().roleSampling[role] };
}

/** A replay writes the recorded text whole, however long: no token limit. */
const REPLAY_SAMPLING: SamplingSettings = { temperature: 0, maxTokens: Number.MAX_SAFE_INTEGER };

function replayModels(outputs: readonly ReplayOutputs[]): StaticEvalModels {
  const script = replayScript(outputs);
  const make = (role: StaticRole) =>
    new ScriptedModel({
      id: `replay-${role}`,
      label: 'Scripted replay of a predictions file',
      outputs: { [role]: script[role] },
    });
  return { planner: make('planner'), caller: make('caller'), summarizer: make('summarizer') };
}

/** Lets the page paint and the Stop button be pressed between samples. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function startStaticEval(): Promise<void> {
  const samples = useAppStore.getState().staticEval.testFile?.samples;
  if (!samples) return;
  const started = await runActivity('static-eval', (signal) =>
    evaluate(useAppStore.getState().staticEval, samples, signal),
  );
  if (!started.ok) patch({ notice: { kind: 'busy', activity: started.holder } });
}

async function evaluate(
  state: StaticEvalState,
  testSamples: readonly StaticSample[],
  signal: AbortSignal,
): Promise<void> {
  let samples = testSamples;
  let models: StaticEvalModels | undefined;
  let by: StaticEvalResult['by'];
  if (state.source === 'replay') {
    if (!state.replayFile) return;
    models = replayModels(state.replayFile.outputs);
    by = { file: state.replayFile.name };
  } else {
    models = await staticModels();
    // Tiny models read the tool list in the style they were trained on.
    if (models?.planner.toolDocs) samples = withToolDocs(samples, models.planner.toolDocs);
    if (!models) {
      patch({ notice: { kind: 'no_models' } });
      return;
    }
    by = {
      models: {
        planner: models.planner.label,
        caller: models.caller.label,
        summarizer: models.summarizer.label,
      },
    };
  }
  const sampling: Record<StaticRole, SamplingSettings> =
    state.source === 'replay'
      ? { planner: REPLAY_SAMPLING, caller: REPLAY_SAMPLING, summarizer: REPLAY_SAMPLING }
      : {
          planner: samplingFor('planner'),
          caller: samplingFor('caller'),
          summarizer: samplingFor('summarizer'),
        };

  const records: PredictionRecord[] = [];
  patch({
    progress: { done: 0, total: samples.length },
    result: undefined,
    notice: undefined,
  });
  let end: StaticEvalResult['end'] = 'stopped';
  let failure: StaticEvalResult['failure'];
  try {
    for await (const event of runStaticEval({ samples, models, sampling, signal })) {
      if (event.kind === 'sample') {
        records.push(event.prediction.record);
        patch({ progress: { done: records.length, total: samples.length } });
        await nextTask();
      } else if (event.kind === 'finished') end = 'finished';
      else if (event.kind === 'failed') {
        end = 'failed';
        failure = { index: event.index, error: event.error };
      }
    }
  } finally {
    patch({
      result: {
        source: state.source,
        by,
        total: samples.length,
        records,
        end,
        ...(failure ? { failure } : {}),
        ...(records.length > 0 ? { score: scorePredictions(records) } : {}),
      },
    });
  }
}

export function stopStaticEval(): void {
  // The signal reaches the generation in progress, which stops cooperatively (the model stays loaded).
  stopActivity('static-eval');
}

/** The predictions in the `{tools, reference, predictions}` format `npm run eval -- score` reads. */
export function predictionsFile(result: StaticEvalResult): { name: string; text: string } {
  const complete = result.end === 'finished';
  const name = complete
    ? 'static-eval-predictions.json'
    : `static-eval-predictions-partial-${result.records.length}-of-${result.total}.json`;
  const records = result.records.map(({ tools, reference, predictions }) => ({
    tools,
    reference,
    predictions,
  }));
  return { name, text: `${JSON.stringify(records, null, 2)}\n` };
}
