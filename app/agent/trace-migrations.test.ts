import { describe, expect, it } from 'vitest';
import { ScriptedModel } from '../llm/scripted/scripted-model';
import { EXAMPLE_SCRIPTS } from '../llm/scripted/scripts';
import { readAlphaUmiFixture } from '../test-support/fixtures';
import { createDefaultRegistry } from '../tools/registry';
import { createToolRunner } from '../tools/runner';
import { type Stage2Trajectory, traceFromStage2 } from './export/stage2';
import { runAgent } from './orchestrator';
import { TRACE_VERSION, type Trace, traceFromEvents } from './trace';
import { parseTraceFile, TRACE_FILE_FORMAT, traceFileText, upgradeStoredTrace } from './trace-file';
import { traceFileProblemText } from './trace-file-messages';
import { migrateTrace } from './trace-migrations';
import type { RunEvent } from './types';

const circle = EXAMPLE_SCRIPTS.find((s) => s.id === 'circle-tiles');

async function circleTrace(origin?: 'run' | 'fork'): Promise<Trace> {
  let clock = 1_700_000_000_000;
  const events: RunEvent[] = [];
  const model = () => new ScriptedModel();
  for await (const event of runAgent({
    task: circle?.task ?? '',
    mode: 'multi',
    dialect: 'chat',
    models: { planner: model(), caller: model(), summarizer: model() },
    tools: createToolRunner(createDefaultRegistry()),
    runId: 'circle',
    now: () => (clock += 250),
    ...(origin ? { origin, env: { app: '0.1.0', webllm: '0.2.86', gpu: 'test adapter' } } : {}),
  })) {
    events.push(event);
  }
  return traceFromEvents(events);
}

/** What a version 1 page wrote: no `origin`, no `env`, version 1 in the trace and the file. */
function asVersion1(trace: Trace): Record<string, unknown> {
  const { origin: _origin, env: _env, ...rest } = trace;
  return { ...rest, version: 1 };
}
const v1File = (trace: Record<string, unknown>) =>
  JSON.stringify({ format: TRACE_FILE_FORMAT, version: 1, exportedAt: '2025-01-01T00:00:00.000Z', trace });

describe('trace migrations', () => {
  it('the current version is 2', () => {
    expect(TRACE_VERSION).toBe(2);
  });

  it('a version 1 run file is upgraded: origin "run", no invented env, everything else unchanged', async () => {
    const trace = await circleTrace();
    const old = asVersion1(trace);
    const result = parseTraceFile(v1File(old));
    expect(result).toStrictEqual({ ok: true, trace: { ...trace, version: 2, origin: 'run' } });
    if (result.ok) expect(result.trace.env).toBeUndefined();
  });

  it('a version 1 fork (steps carried over) becomes origin "fork"', async () => {
    const trace = await circleTrace();
    const old = asVersion1(trace);
    const steps = (old.steps as Record<string, unknown>[]).map((s, i) =>
      i < 2 ? { ...s, carriedOver: true } : s,
    );
    const result = parseTraceFile(v1File({ ...old, steps }));
    expect(result.ok && result.trace.origin).toBe('fork');
  });

  it('a version 1 stage-2 conversion becomes origin "stage2"', () => {
    const [trajectory] = readAlphaUmiFixture<Stage2Trajectory[]>('raw_data_stage_2.json');
    if (!trajectory) throw new Error('fixture is empty');
    const current = traceFromStage2(trajectory);
    expect(current.origin).toBe('stage2');
    const result = parseTraceFile(v1File(asVersion1(current)));
    expect(result).toStrictEqual({ ok: true, trace: current });
  });

  it('never modifies its input', async () => {
    const old = asVersion1(await circleTrace());
    const before = JSON.stringify(old);
    migrateTrace(old, 1);
    expect(JSON.stringify(old)).toBe(before);
  });

  it('a current trace with origin and env round-trips unchanged', async () => {
    const trace = await circleTrace('run');
    expect(trace).toMatchObject({ version: 2, origin: 'run', env: { app: '0.1.0', webllm: '0.2.86' } });
    expect(parseTraceFile(traceFileText(trace))).toStrictEqual({ ok: true, trace });
  });

  it('refuses a newer or a nonsensical version without running any step', () => {
    const newer = migrateTrace({}, TRACE_VERSION + 1);
    expect(newer).toStrictEqual({
      ok: false,
      error: { code: 'newer', values: { version: TRACE_VERSION + 1 } },
    });
    expect(!newer.ok && traceFileProblemText('en', newer.error)).toBe(
      `This trace was made by a newer umi-lab (version ${TRACE_VERSION + 1}); update the page to open it.`,
    );
    expect(migrateTrace({}, 0).ok).toBe(false);
    expect(migrateTrace({}, 1.5).ok).toBe(false);
  });

  it('a version 1 file whose content is damaged is still rejected after the upgrade', async () => {
    const old = { ...asVersion1(await circleTrace()), mode: 'solo' };
    const result = parseTraceFile(v1File(old));
    expect(!result.ok && traceFileProblemText('en', result.error)).toBe(
      'This trace file is damaged: mode must be one of multi, shared, single.',
    );
  });
});

describe('upgradeStoredTrace (IndexedDB)', () => {
  it('returns a current trace as it is, without validating it again', async () => {
    const trace = await circleTrace('run');
    const result = upgradeStoredTrace(trace);
    expect(result.ok && result.trace).toBe(trace);
  });

  it('upgrades a version 1 stored trace', async () => {
    const trace = await circleTrace();
    expect(upgradeStoredTrace(asVersion1(trace))).toStrictEqual({
      ok: true,
      trace: { ...trace, version: 2, origin: 'run' },
    });
  });

  it('says so for a stored trace from a newer page or a damaged one', async () => {
    expect(upgradeStoredTrace({ version: 99 }).ok).toBe(false);
    const damaged = { ...asVersion1(await circleTrace()), steps: 'none' };
    const result = upgradeStoredTrace(damaged);
    expect(!result.ok && traceFileProblemText('en', result.error)).toBe(
      'This saved run is damaged: steps must be a list.',
    );
  });
});

describe('non-finite measurements', () => {
  it('a version 1 stored run with a NaN speed (a one-token decode) is upgraded, not hidden', async () => {
    const old = asVersion1(await circleTrace());
    const steps = (old.steps as { usage?: Record<string, unknown> }[]).map((s) =>
      s.usage ? { ...s, usage: { ...s.usage, decodeTokensPerSecond: Number.NaN } } : s,
    );
    const result = upgradeStoredTrace({ ...old, steps });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.trace.steps[0]?.usage?.decodeTokensPerSecond).toBe(0);
  });

  it('a run with a NaN speed exports to a file that imports', async () => {
    const trace = await circleTrace('run');
    const first = trace.steps[0];
    if (!first?.usage) throw new Error('the run has no usage');
    const withNaN = {
      ...trace,
      steps: [{ ...first, usage: { ...first.usage, decodeTokensPerSecond: Number.NaN } }],
    };
    const result = parseTraceFile(traceFileText(withNaN));
    expect(result.ok).toBe(true);
  });
});
