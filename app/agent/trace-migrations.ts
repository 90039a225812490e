/**
 * Upgrades traces written by older versions of the page (exported files and traces stored in
 * IndexedDB) to the current `TRACE_VERSION`, one version at a time. Each step is a pure
 * function from the previous version's plain JSON to the next one's; validation against the
 * current schema happens after the whole chain ran, so a step may assume its input has the
 * shape its own version had, and must not assume more.
 */
import { TRACE_VERSION } from './trace';
import type { TraceFileProblem } from './trace-file-messages';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 1 → 2: adds `origin`. A version 1 trace does not say what made it, but its content
 * does: steps carried over from an earlier run mean a fork; the stage-2 converter marks its
 * model as the ToolBench trajectory writer. Anything else was a run of the Run tab. `env`
 * stays absent: which app and GPU made an old run is unknown, and guessing would mislead.
 */
function v1ToV2(trace: Json): Json {
  const steps = Array.isArray(trace.steps) ? trace.steps : [];
  const models = isObject(trace.models) ? Object.values(trace.models) : [];
  const fromStage2 = models.some((m) => isObject(m) && m.id === 'toolbench-chatgpt');
  const forked = steps.some((s) => isObject(s) && s.carriedOver === true);
  const origin = fromStage2 ? 'stage2' : forked ? 'fork' : 'run';
  // Version 1 could store NaN speeds (a one-token decode) in IndexedDB; the schema wants numbers.
  const cleaned = steps.map((s) =>
    isObject(s) && isObject(s.usage) ? { ...s, usage: finiteUsage(s.usage) } : s,
  );
  return { ...trace, version: 2, origin, ...(Array.isArray(trace.steps) ? { steps: cleaned } : {}) };
}

function finiteUsage(usage: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(usage)) {
    out[key] = typeof value === 'number' && !Number.isFinite(value) ? 0 : value;
  }
  return out;
}

/** `MIGRATIONS[v]` turns a version `v` trace into a version `v + 1` trace. */
const MIGRATIONS: Readonly<Record<number, (trace: Json) => Json>> = { 1: v1ToV2 };

export type MigrationResult =
  | { ok: true; trace: unknown; from: number }
  | { ok: false; error: TraceFileProblem };

/**
 * Runs the migration chain from `version` to the current version. A trace from a newer page
 * is refused (it may carry meaning this page would silently drop); so is a version with no
 * migration path. The input is never modified.
 */
export function migrateTrace(trace: unknown, version: number): MigrationResult {
  if (!Number.isInteger(version) || version < 1) {
    return { ok: false, error: { code: 'noVersionTrace' } };
  }
  if (version > TRACE_VERSION) {
    return {
      ok: false,
      error: { code: 'newer', values: { version } },
    };
  }
  if (!isObject(trace)) return { ok: true, trace, from: version }; // the schema will say what is wrong
  let current: Json = trace;
  for (let v = version; v < TRACE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, error: { code: 'noUpgrade', values: { version: v } } };
    current = step(current);
  }
  return { ok: true, trace: current, from: version };
}
