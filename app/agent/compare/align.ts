import type { Trace, TraceStep } from '../trace';
import type { PlannerDecision, Prompt, Role } from '../types';

/**
 * Two runs side by side (issue 15, item 1): their steps aligned by role and turn. Where the
 * runs take different paths, a global sequence alignment (Needleman–Wunsch) on step keys
 * (role + decision or tool) decides which steps pair up and which face a gap, so an extra tool
 * call on one side shows as "no step here" on the other instead of shifting every later row.
 */

export type Side = 'left' | 'right';

/** What can differ between two aligned steps, most telling first (the summary names the first). */
export const DIFF_KINDS = [
  'decision',
  'tool',
  'call-valid',
  'tool-args',
  'observation',
  'answer',
  'output',
  'prompt',
] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** What one step did, flattened so that steps of different roles (caller, backbone) compare. */
export interface StepFacts {
  role: Role;
  turn: number;
  /** What the step does in the loop: plan (decide), call (a tool), answer. */
  act: 'plan' | 'call' | 'answer';
  /** The planner's decision, or the one a single-model (backbone) output implies. */
  decision?: PlannerDecision;
  /** The tool named (also when the call was unusable). */
  tool?: string;
  callOk?: boolean;
  /** The validated arguments as canonical JSON (keys sorted). */
  args?: string;
  observation?: string;
  answer?: string;
  raw: string;
  prompt: string;
}

export type AlignedRow =
  | { kind: 'pair'; left: TraceStep; right: TraceStep; crossRole: boolean; differs: DiffKind[] }
  | {
      kind: 'gap';
      /** The side that has no step here. */
      missing: Side;
      present: TraceStep;
      /**
       * The missing side is a single-model run, whose one output per turn also makes the
       * planner's decision: a planner step there has nothing to pair with, by design.
       */
      folded: boolean;
    };

export interface Alignment {
  left: Trace;
  right: Trace;
  rows: AlignedRow[];
}

/** Where two runs first differ, as data the page words in its language. */
export type Divergence =
  | {
      /** 1-based row of the alignment (the "step" the side-by-side view numbers). */
      step: number;
      kind: 'missing-step';
      missing: Side;
      role: Role;
      turn: number;
      decision?: PlannerDecision;
      tool?: string;
    }
  | {
      step: number;
      kind: DiffKind;
      /** The right run's role (the left's is `leftRole`); they differ when the modes do. */
      role: Role;
      leftRole: Role;
      turn: number;
      left: string;
      right: string;
      /** Every kind of difference at this step, `kind` first. */
      kinds: DiffKind[];
    };

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  return value;
};

export function promptText(prompt: Prompt): string {
  return prompt.kind === 'text'
    ? prompt.text
    : prompt.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n\n');
}

export function stepFacts(step: TraceStep): StepFacts {
  const base = { role: step.role, turn: step.turn, raw: step.raw, prompt: promptText(step.prompt) };
  const observation = step.tool?.observation ?? step.error?.observation;
  const withObservation = observation === undefined ? {} : { observation };
  const parsed = step.parsed;
  switch (parsed?.role) {
    case 'planner':
      return { ...base, act: 'plan', decision: parsed.result.decision };
    case 'summarizer':
      return { ...base, act: 'answer', answer: parsed.result.answer };
    case 'caller':
    case 'backbone': {
      const caller =
        parsed.role === 'caller'
          ? parsed.result
          : parsed.result.kind === 'call'
            ? parsed.result.caller
            : null;
      if (parsed.role === 'backbone' && parsed.result.kind === 'conclusion')
        return { ...base, act: 'answer', decision: 'conclusion', answer: parsed.result.answer };
      if (!caller) return { ...base, act: 'plan', decision: 'give_up' };
      const call = caller.ok
        ? { tool: caller.call.name, callOk: true, args: JSON.stringify(canonical(caller.call.arguments)) }
        : { callOk: false, ...(caller.name === undefined ? {} : { tool: caller.name }) };
      return {
        ...base,
        act: 'call',
        ...(parsed.role === 'backbone' ? { decision: 'caller' as const } : {}),
        ...call,
        ...withObservation,
      };
    }
    default:
      // Not parsed (still running, or failed before it was): what it is follows from its role.
      return {
        ...base,
        act: step.role === 'caller' ? 'call' : step.role === 'summarizer' ? 'answer' : 'plan',
        ...withObservation,
      };
  }
}

/** What a step did in one word: the decision, the tool, or that it answered. */
function detail(f: StepFacts): string {
  if (f.act === 'call') return `call:${f.tool ?? '?'}`;
  if (f.act === 'answer') return 'answer';
  return f.decision ?? '?';
}

/** The key the alignment matches on: role + decision/tool. */
export const stepKey = (f: StepFacts): string => `${f.role}:${detail(f)}`;

/** Scores in hundredths, so that the turn (below) only ever breaks ties between equal paths. */
const GAP = -100;
/** Scores of pairing two steps; below two gaps, so unrelated steps face gaps instead. */
function similarity(a: StepFacts, b: StepFacts): number {
  // Of two equally good paths, the one that pairs steps of the same turn (a run's extra call shows after the shared ones).
  const turn = a.turn === b.turn ? 1 : 0;
  if (a.role === b.role) return (stepKey(a) === stepKey(b) ? 400 : 100) + turn;
  // A single-model step does the caller's (or the summarizer's) job: pair it with that step.
  if (a.act === b.act) return (detail(a) === detail(b) ? 300 : 100) + turn;
  return -300;
}

/** What differs between two paired steps; a prompt or output of another role is not comparable. */
export function pairDiffers(a: StepFacts, b: StepFacts): DiffKind[] {
  const sameRole = a.role === b.role;
  const out: DiffKind[] = [];
  const both = <K extends keyof StepFacts>(k: K) => a[k] !== undefined && b[k] !== undefined;
  if (both('decision') && a.decision !== b.decision) out.push('decision');
  if (a.act === 'call' && b.act === 'call') {
    if (a.tool !== b.tool) out.push('tool');
    if (a.callOk !== b.callOk) out.push('call-valid');
    else if (a.tool === b.tool && a.args !== b.args) out.push('tool-args');
    if (a.observation !== b.observation) out.push('observation');
  }
  if (both('answer') && a.answer !== b.answer) out.push('answer');
  if (sameRole && a.raw !== b.raw) out.push('output');
  if (sameRole && a.prompt !== b.prompt) out.push('prompt');
  return out;
}

const isSingle = (trace: Trace) => trace.mode === 'single' || trace.steps.some((s) => s.role === 'backbone');

/** Aligns the steps of two runs; every step of each appears once, in order. */
export function alignTraces(left: Trace, right: Trace): Alignment {
  const a = left.steps.filter(Boolean);
  const b = right.steps.filter(Boolean);
  const fa = a.map(stepFacts);
  const fb = b.map(stepFacts);
  const n = a.length;
  const m = b.length;
  // score[i][j]: best alignment of the first i left steps with the first j right steps.
  const score: number[][] = Array.from({ length: n + 1 }, (_, i) =>
    Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j * GAP : j === 0 ? i * GAP : 0)),
  );
  const at = (i: number, j: number) => score[i]?.[j] ?? Number.NEGATIVE_INFINITY;
  const sim = (i: number, j: number) => similarity(fa[i] as StepFacts, fb[j] as StepFacts);
  for (let i = 1; i <= n; i++) {
    const row = score[i] as number[];
    for (let j = 1; j <= m; j++)
      row[j] = Math.max(at(i - 1, j - 1) + sim(i - 1, j - 1), at(i - 1, j) + GAP, at(i, j - 1) + GAP);
  }
  const rows: AlignedRow[] = [];
  const leftSingle = isSingle(left);
  const rightSingle = isSingle(right);
  const gap = (missing: Side, present: TraceStep): AlignedRow => ({
    kind: 'gap',
    missing,
    present,
    folded: present.role === 'planner' && (missing === 'left' ? leftSingle : rightSingle),
  });
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && at(i, j) === at(i - 1, j - 1) + sim(i - 1, j - 1)) {
      const l = a[i - 1] as TraceStep;
      const r = b[j - 1] as TraceStep;
      const differs = pairDiffers(fa[i - 1] as StepFacts, fb[j - 1] as StepFacts);
      rows.push({ kind: 'pair', left: l, right: r, crossRole: l.role !== r.role, differs });
      i--;
      j--;
    } else if (i > 0 && at(i, j) === at(i - 1, j) + GAP) {
      rows.push(gap('right', a[i - 1] as TraceStep));
      i--;
    } else {
      rows.push(gap('left', b[j - 1] as TraceStep));
      j--;
    }
  }
  rows.reverse();
  return { left, right, rows };
}

const factValue = (f: StepFacts, kind: DiffKind): string => {
  switch (kind) {
    case 'decision':
      return f.decision ?? '';
    case 'tool':
      return f.tool ?? '';
    case 'call-valid':
      return String(f.callOk ?? false);
    case 'tool-args':
      return f.args ?? '';
    case 'observation':
      return f.observation ?? '';
    case 'answer':
      return f.answer ?? '';
    case 'output':
      return f.raw;
    case 'prompt':
      return f.prompt;
  }
};

/** Where the runs first differ and how; undefined when they behave the same step for step. */
export function firstDivergence(alignment: Alignment): Divergence | undefined {
  for (const [i, row] of alignment.rows.entries()) {
    const step = i + 1;
    if (row.kind === 'gap') {
      if (row.folded) continue;
      const f = stepFacts(row.present);
      return {
        step,
        kind: 'missing-step',
        missing: row.missing,
        role: f.role,
        turn: f.turn,
        ...(f.act === 'plan' && f.decision ? { decision: f.decision } : {}),
        ...(f.act === 'call' && f.tool ? { tool: f.tool } : {}),
      };
    }
    if (row.differs.length === 0) continue;
    const kinds = DIFF_KINDS.filter((k) => row.differs.includes(k));
    const kind = kinds[0] as DiffKind;
    const l = stepFacts(row.left);
    const r = stepFacts(row.right);
    return {
      step,
      kind,
      role: r.role,
      leftRole: l.role,
      turn: r.turn,
      left: factValue(l, kind),
      right: factValue(r, kind),
      kinds,
    };
  }
  return undefined;
}
