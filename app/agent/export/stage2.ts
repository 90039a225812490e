/**
 * Imports a ToolBench trajectory of the α-UMi release (`raw_data_stage_2.json`:
 * `{tools, instruction, conversations}`) as a trace: mode `multi`, dialect `alpha-umi`, one
 * step per planner, caller and conclusion turn, with the prompts the GLPFT builders make from
 * the conversation so far. The trajectory was written by ChatGPT, so no usage is recorded.
 *
 * User turns other than the task (a repeated task, "previous trails failed" reflections) go to
 * `trace.extraUserTurns`, placed before the step that follows them.
 */
import {
  buildCallerPrompt,
  buildPlannerPrompt,
  buildSummarizerPrompt,
  type HistoryTurn,
} from '../dialects/alpha-umi/prompts';
import { DEFAULT_MAX_STEPS } from '../orchestrator';
import { parseCallerAlphaUmi, parsePlannerAlphaUmi, parseSummarizer } from '../parse';
import { isPlainObject, parseJsonText } from '../parse/json';
import { type ExtraUserTurn, TRACE_VERSION, type Trace, type TraceStep } from '../trace';
import type {
  AlphaUmiToolDoc,
  CallerParse,
  RoleModelInfo,
  RunOutcome,
  StepParse,
  ToolCall,
  ToolDefinition,
} from '../types';

export interface Stage2Trajectory {
  tools: AlphaUmiToolDoc[];
  instruction: string;
  conversations: HistoryTurn[];
}

export interface Stage2Options {
  id?: string;
  /** Timestamp for the trace and its steps (the data has none). Default 0. */
  at?: number;
  /** Who wrote the turns. Default: ToolBench's ChatGPT. */
  model?: RoleModelInfo;
}

export const TOOLBENCH_MODEL: RoleModelInfo = {
  id: 'toolbench-chatgpt',
  label: 'ToolBench trajectory (ChatGPT)',
  kind: 'remote',
};

/** A trajectory that is not `user, (assistant, caller, observation)*, assistant, conclusion?`. */
export class Stage2FormatError extends Error {
  override name = 'Stage2FormatError';
}

/**
 * The ToolDefinition whose GLPFT doc (`toAlphaUmiToolDoc`) is `doc` again, byte for byte:
 * each `input` value `"type, description"` becomes `{type, description}` (split at the first
 * `", "`; an empty description is left out). Nothing is required: the format does not say.
 * A value without `", "` cannot round-trip; it becomes the description of a string.
 */
export function toolDefinitionFromDoc(doc: AlphaUmiToolDoc): ToolDefinition {
  const properties = Object.fromEntries(
    Object.entries(doc.input).map(([name, text]) => {
      const cut = text.indexOf(', ');
      const type = cut >= 0 ? text.slice(0, cut) : 'string';
      const description = cut >= 0 ? text.slice(cut + 2) : text;
      return [name, description === '' ? { type } : { type, description }];
    }),
  );
  return { name: doc.Name, description: doc.function, parameters: { type: 'object', properties } };
}

/** The call as ToolBench executed it, even when our stricter schema check rejects it. */
function executedCall(parsed: CallerParse): ToolCall {
  if (parsed.ok) return parsed.call;
  const args = parseJsonText(parsed.rawArguments ?? '{}');
  return { name: parsed.name ?? 'none', arguments: args.ok && isPlainObject(args.value) ? args.value : {} };
}

export function traceFromStage2(trajectory: Stage2Trajectory, options: Stage2Options = {}): Trace {
  const at = options.at ?? 0;
  const model = options.model ?? TOOLBENCH_MODEL;
  const docs = trajectory.tools;
  const tools = docs.map(toolDefinitionFromDoc);
  const conversation = trajectory.conversations;
  const [first] = conversation;
  if (first?.from !== 'user') throw new Stage2FormatError('A trajectory starts with the user task.');

  const steps: TraceStep[] = [];
  const extraUserTurns: ExtraUserTurn[] = [];
  let turn = 0;
  let outcome: RunOutcome | undefined;
  let answer: string | undefined;
  const previous = (k: number) => conversation[k - 1]?.from;
  const outOfPlace = (k: number, what: string) =>
    new Stage2FormatError(`Turn ${k} (${what}) is out of place in the trajectory.`);
  const addStep = (
    role: 'planner' | 'caller' | 'summarizer',
    text: string,
    raw: string,
    parsed: StepParse,
  ) => {
    const step: TraceStep = {
      index: steps.length,
      turn,
      role,
      model,
      prompt: { kind: 'text', text },
      status: 'done',
      raw,
      parsed,
      startedAt: at,
      endedAt: at,
    };
    steps.push(step);
    return step;
  };

  for (const [k, { from, value }] of conversation.entries()) {
    if (k === 0) continue;
    const before = conversation.slice(0, k);
    switch (from) {
      case 'user':
        extraUserTurns.push({ beforeStep: steps.length, text: value });
        continue;
      case 'assistant': {
        turn++;
        const result = parsePlannerAlphaUmi(value);
        addStep('planner', buildPlannerPrompt(docs, before), value, { role: 'planner', result });
        if (result.decision === 'give_up') outcome = 'give_up';
        continue;
      }
      case 'caller': {
        const plan = conversation[k - 1];
        if (plan?.from !== 'assistant') throw outOfPlace(k, from);
        const result = parseCallerAlphaUmi(value, tools);
        const step = addStep('caller', buildCallerPrompt(docs, before, plan.value), value, {
          role: 'caller',
          result,
        });
        // ToolBench ran the call; its observation follows (and completes the tool below).
        step.tool = { call: executedCall(result), status: 'running', startedAt: at };
        continue;
      }
      case 'observation': {
        const tool = steps.at(-1)?.tool;
        if (previous(k) !== 'caller' || !tool) throw outOfPlace(k, from);
        Object.assign(tool, { status: 'done', observation: value, endedAt: at });
        continue;
      }
      case 'conclusion': {
        if (previous(k) !== 'assistant') throw outOfPlace(k, from);
        const result = parseSummarizer(value);
        addStep('summarizer', buildSummarizerPrompt(before), value, { role: 'summarizer', result });
        outcome = 'answer';
        answer = result.answer;
        continue;
      }
      default:
        throw outOfPlace(k, String(from)); // the file is untrusted: an unknown role is an error
    }
  }
  // A call without its observation: the trajectory was cut there.
  for (const step of steps) if (step.tool?.status === 'running') step.tool.status = 'aborted';

  return {
    version: TRACE_VERSION,
    id: options.id ?? `stage2-${hash(first.value)}`,
    task: first.value,
    mode: 'multi',
    dialect: 'alpha-umi',
    tools,
    models: { planner: model, caller: model, summarizer: model },
    sampling: {},
    maxSteps: Math.max(DEFAULT_MAX_STEPS, turn),
    origin: 'stage2',
    status: 'finished',
    ...(outcome ? { outcome } : {}),
    ...(answer !== undefined ? { answer } : {}),
    ...(outcome === 'give_up' ? { giveUpReason: 'planner' as const } : {}),
    steps,
    ...(extraUserTurns.length > 0 ? { extraUserTurns } : {}),
    createdAt: at,
    updatedAt: at,
  };
}

/** A short stable id from the task text (FNV-1a), so re-importing gives the same id. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
