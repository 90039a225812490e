/**
 * The paper's comparison in miniature, on the built-in tiny models (`npm run eval -- tiny`):
 * for each of the four systems (α-UMi GLPFT, multi-LLM one-stage, single-LLM multi-task,
 * single-LLM),
 *  1. the static evaluation: the seven α-UMi metrics over every planner step of held-out
 *     generated trajectories (teacher-forced history, compact tool list);
 *  2. end to end: the 66-task suite and held-out generated tasks, run through the orchestrator
 *     with the real tools and scored by the checkers.
 * Greedy decoding throughout. The held-out tasks come from the generator's test split (seed
 * 11, as the training data), so they share no value and no phrasing with training.
 *
 * In Node, `run_javascript` has no sandbox: a model that calls it gets the tool's error (no
 * tiny model was trained to call it).
 */
import { writeFileSync } from 'node:fs';
import { generatedChecker, generateTrajectories } from '../app/agent/eval/generator';
import { predictBackboneSample } from '../app/agent/eval/static/backbone';
import { METRIC_KEYS, type PredictionRecord, scorePredictions } from '../app/agent/eval/static/metrics';
import { predictSample } from '../app/agent/eval/static/runner';
import { buildSamples, withToolDocs } from '../app/agent/eval/static/samples';
import { check } from '../app/agent/eval/suite/checkers';
import { runMetrics } from '../app/agent/eval/suite/metrics';
import { SUITE_TASKS } from '../app/agent/eval/suite/tasks';
import { runAgent } from '../app/agent/orchestrator';
import { applyEvent, startTrace, type Trace } from '../app/agent/trace';
import type { Role, RoleModel, RunMode, SamplingSettings } from '../app/agent/types';
import { DecoderRoleModel } from '../app/llm/tiny/decoder-model';
import { modelNameFor, TINY_SYSTEM_MODE, TINY_SYSTEMS, type TinySystemId } from '../app/llm/tiny/manifest';
import { nodeTinyDecoder } from './tiny-node';
import { tinyToolRunner } from './tiny-tools';

const GREEDY: SamplingSettings = { temperature: 0, maxTokens: 160 };
const SAMPLING: Record<Role, SamplingSettings> = {
  planner: GREEDY,
  caller: GREEDY,
  summarizer: GREEDY,
  backbone: GREEDY,
};

export interface TinyEvalOptions {
  systems?: readonly TinySystemId[];
  /** Held-out trajectories for the static evaluation (each gives 1 to 4 samples). */
  staticTasks?: number;
  /** Held-out generated tasks run end to end. */
  heldOutTasks?: number;
  suite?: boolean;
  threads?: number;
  log?: (line: string) => void;
}

async function systemModels(
  system: TinySystemId,
  threads: number,
): Promise<Partial<Record<Role, RoleModel>>> {
  const roles: Role[] =
    TINY_SYSTEM_MODE[system] === 'single' ? ['backbone'] : ['planner', 'caller', 'summarizer'];
  const byName = new Map<string, RoleModel>();
  const models: Partial<Record<Role, RoleModel>> = {};
  for (const role of roles) {
    const name = modelNameFor(system, role);
    let model = byName.get(name);
    if (!model) {
      model = new DecoderRoleModel(
        `tiny-${system}-${name}`,
        `tiny ${system} ${name}`,
        await nodeTinyDecoder(system, role, { threads }),
      );
      byName.set(name, model);
    }
    models[role] = model;
  }
  return models;
}

async function runTask(
  task: string,
  mode: RunMode,
  models: Partial<Record<Role, RoleModel>>,
): Promise<Trace | undefined> {
  let trace: Trace | undefined;
  for await (const event of runAgent({
    task,
    mode,
    dialect: 'alpha-umi',
    models,
    tools: tinyToolRunner().runner,
    maxSteps: 6,
    sampling: SAMPLING,
  })) {
    trace = event.type === 'run_started' ? startTrace(event) : trace && applyEvent(trace, event);
  }
  return trace;
}

export interface SystemReport {
  system: TinySystemId;
  mode: RunMode;
  static: Record<string, number | null> & { samples: number };
  suite?: { correct: number; total: number; byCategory: Record<string, [number, number]> };
  heldOut?: { correct: number; total: number };
  seconds: number;
  examples: { task: string; answer: string | undefined; outcome: string | undefined }[];
}

export async function tinyEval(options: TinyEvalOptions = {}): Promise<SystemReport[]> {
  const log = options.log ?? (() => undefined);
  const threads = options.threads ?? 2;
  const { runner, tools } = tinyToolRunner();
  const heldOut = await generateTrajectories({
    seed: 11,
    count: Math.max(options.staticTasks ?? 200, options.heldOutTasks ?? 200),
    split: 'test',
    runner,
    tools,
  });
  // The page's static evaluation does the same for the tiny models (withToolDocs).
  const samples = withToolDocs(buildSamples(heldOut.slice(0, options.staticTasks ?? 200)), 'compact');
  const reports: SystemReport[] = [];
  for (const system of options.systems ?? TINY_SYSTEMS) {
    const started = Date.now();
    const mode = TINY_SYSTEM_MODE[system];
    const models = await systemModels(system, threads);
    const records: PredictionRecord[] = [];
    for (const sample of samples) {
      if (mode === 'single') {
        records.push((await predictBackboneSample(sample, models.backbone as RoleModel, GREEDY)).record);
      } else {
        const { planner, caller, summarizer } = models;
        if (!planner || !caller || !summarizer) throw new Error(`${system} lacks a role model`);
        const prediction = await predictSample(sample, records.length, {
          models: { planner, caller, summarizer },
          sampling: { planner: GREEDY, caller: GREEDY, summarizer: GREEDY },
        });
        records.push(prediction.record);
      }
    }
    const score = scorePredictions(records);
    const report: SystemReport = {
      system,
      mode,
      static: { ...score.metrics, samples: records.length },
      seconds: 0,
      examples: [],
    };
    log(`${system}: static ${JSON.stringify(report.static)}`);

    if (options.suite ?? true) {
      const byCategory: Record<string, [number, number]> = {};
      let correct = 0;
      for (const task of SUITE_TASKS) {
        const trace = await runTask(task.task, mode, models);
        const ok = trace ? runMetrics(trace, task.checker).check?.correct === true : false;
        correct += ok ? 1 : 0;
        byCategory[task.category] ??= [0, 0];
        const cell = byCategory[task.category] as [number, number];
        cell[0] += ok ? 1 : 0;
        cell[1] += 1;
      }
      report.suite = { correct, total: SUITE_TASKS.length, byCategory };
      log(`${system}: suite ${correct}/${SUITE_TASKS.length} ${JSON.stringify(byCategory)}`);
    }
    const n = options.heldOutTasks ?? 200;
    if (n > 0) {
      let correct = 0;
      for (const t of heldOut.slice(0, n)) {
        const trace = await runTask(t.instruction, mode, models);
        const checker = generatedChecker(t.meta);
        const result = check(checker, {
          answer: trace?.outcome === 'answer' ? trace.answer : undefined,
          gaveUp: trace?.outcome === 'give_up',
          task: t.instruction,
        });
        if (result.correct) correct++;
        else if (report.examples.length < 6) {
          report.examples.push({ task: t.instruction, answer: trace?.answer, outcome: trace?.outcome });
        }
      }
      report.heldOut = { correct, total: n };
      log(`${system}: held-out end to end ${correct}/${n}`);
    }
    report.seconds = Math.round((Date.now() - started) / 1000);
    reports.push(report);
  }
  return reports;
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}`;

/** The README table: the seven metrics, then suite and held-out task accuracy. */
export function reportTable(reports: readonly SystemReport[]): string {
  const head = ['system', 'mode', ...METRIC_KEYS, 'suite', 'held-out tasks'];
  const rows = reports.map((r) => [
    r.system,
    r.mode,
    ...METRIC_KEYS.map((k) => pct(r.static[k] as number | null)),
    r.suite ? `${r.suite.correct}/${r.suite.total}` : '—',
    r.heldOut ? `${r.heldOut.correct}/${r.heldOut.total}` : '—',
  ]);
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function parseSystems(list: string): TinySystemId[] {
  const systems = list.split(',');
  const unknown = systems.filter((s) => !(TINY_SYSTEMS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`Unknown tiny systems: ${unknown.join(', ')} (known: ${TINY_SYSTEMS.join(', ')}).`);
  return systems as TinySystemId[];
}

export async function tinyEvalCli(args: readonly string[]): Promise<string> {
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const out = flag('out');
  const quick = args.includes('--quick');
  const reports = await tinyEval({
    ...(quick ? { staticTasks: 40, heldOutTasks: 40, suite: false } : {}),
    ...(flag('static') ? { staticTasks: Number(flag('static')) } : {}),
    ...(flag('held-out') ? { heldOutTasks: Number(flag('held-out')) } : {}),
    ...(flag('systems') ? { systems: parseSystems(flag('systems') as string) } : {}),
    ...(args.includes('--no-suite') ? { suite: false } : {}),
    ...(flag('threads') ? { threads: Number(flag('threads')) } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (out) writeFileSync(out, `${JSON.stringify(reports, null, 2)}\n`);
  return `${reportTable(reports)}\n`;
}
