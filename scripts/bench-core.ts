/**
 * Agent-core benchmarks, in Node (no browser): `npx tsx scripts/bench-core.ts`.
 * Writes bench-results/core.json and prints a table.
 *
 * - Orchestrator overhead per planner turn: `runAgent` in `multi` mode with a zero-latency
 *   engine (each generation returns its scripted text at once, one delta) and a no-op tool,
 *   10 planner turns per run (9 tool calls, then the answer). Overhead = run wall time minus
 *   the time spent inside the engine and the tool, per planner turn; median over the runs.
 * - Re-read prompt ratio, 6-step run (5 tool calls, then the answer): for each role, the
 *   characters the engine must prefill summed over all its calls, divided by the length of its
 *   final conversation (last prompt + last output). A call prefills what its prompt does not
 *   share with what the engine already holds (the role's previous prompt + output: WebLLM
 *   keeps the KV cache of the last conversation). The `alpha-umi` dialect goes through the raw
 *   completion API, which starts from an empty cache every call (the worker calls resetChat),
 *   so it prefills every prompt whole. No tokenizer is available in Node: characters.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runAgent } from '../app/agent/orchestrator';
import type {
  Dialect,
  GenerateRequest,
  GenerateResult,
  Prompt,
  Role,
  RoleModel,
  RunEvent,
  ToolRunner,
} from '../app/agent/types';
import { renderScriptStep, type ScriptStep } from '../app/llm/scripted/render';
import { median } from './bench/preview';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORE_GOALS = { overheadMsPerTurn: 0.5, rereadRatio: 1.3 };

function steps(calls: number): ScriptStep[] {
  const list: ScriptStep[] = [];
  for (let i = 0; i < calls; i++)
    list.push({
      thought: `Step ${i + 1}: I need the value for item ${i + 1}, so I ask the lookup tool for it.`,
      call: { name: 'lookup', arguments: { item: i + 1 } },
    });
  list.push({ thought: 'I have every value now.', answer: `The ${calls} values are all known: done.` });
  return list;
}

/** Zero latency: the whole scripted text at once. Counts the time spent inside it. */
class InstantModel implements RoleModel {
  readonly kind = 'scripted' as const;
  readonly label = 'instant (benchmark)';
  insideMs = 0;
  constructor(
    readonly id: string,
    private readonly script: ScriptStep[],
  ) {}
  async load(): Promise<void> {}
  async interrupt(): Promise<void> {}
  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const started = performance.now();
    const step = this.script[request.context.turn - 1] ?? { thought: 'stop', giveUp: true as const };
    const text = renderScriptStep(request.role, request.context.dialect, step);
    request.onDelta?.(text);
    const result: GenerateResult = {
      text,
      finishReason: 'stop',
      usage: {
        promptTokens: 0,
        completionTokens: 1,
        timeToFirstTokenMs: 0,
        decodeTokensPerSecond: 0,
        wallMs: 0,
        simulated: true,
      },
    };
    this.insideMs += performance.now() - started;
    return result;
  }
}

function lookupTool(observationChars: number): ToolRunner & { insideMs: number } {
  const runner = {
    insideMs: 0,
    list: () => [
      {
        name: 'lookup',
        description: 'Looks up the value of an item.',
        parameters: {
          type: 'object',
          properties: { item: { type: 'integer', description: 'which item' } },
          required: ['item'],
        },
      },
    ],
    async run(call: { arguments: Record<string, unknown> }) {
      const started = performance.now();
      const value = `item ${String(call.arguments.item)}: ${'v'.repeat(observationChars)}`;
      runner.insideMs += performance.now() - started;
      return { ok: true as const, value, logs: [], durationMs: 0 };
    },
  };
  return runner;
}

async function drain(events: AsyncIterable<RunEvent>): Promise<RunEvent[]> {
  const all: RunEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

export async function orchestratorOverhead(runs = 300): Promise<{ medianMsPerTurn: number; runs: number }> {
  const script = steps(9);
  const perTurn: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const models = {
      planner: new InstantModel('p', script),
      caller: new InstantModel('c', script),
      summarizer: new InstantModel('s', script),
    };
    const tools = lookupTool(16);
    const started = performance.now();
    const events = await drain(
      runAgent({ task: 'Look up nine items.', mode: 'multi', dialect: 'chat', models, tools, maxSteps: 10 }),
    );
    const wall = performance.now() - started;
    const last = events.at(-1);
    if (last?.type !== 'run_finished' || last.outcome !== 'answer')
      throw new Error(`benchmark run did not answer: ${JSON.stringify(last)}`);
    const inside =
      models.planner.insideMs + models.caller.insideMs + models.summarizer.insideMs + tools.insideMs;
    if (i >= 20) perTurn.push((wall - inside) / 10); // the first 20 warm the JIT
  }
  return { medianMsPerTurn: median(perTurn), runs };
}

function serialize(prompt: Prompt): string {
  if (prompt.kind === 'text') return prompt.text;
  // A ChatML-like template: what matters is that it is the same for every call.
  return prompt.messages.map((m) => `<|${m.role}|>\n${m.content}<|end|>\n`).join('');
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export async function rereadRatio(dialect: Dialect): Promise<Partial<Record<Role, number>>> {
  const script = steps(5);
  const models = {
    planner: new InstantModel('p', script),
    caller: new InstantModel('c', script),
    summarizer: new InstantModel('s', script),
  };
  const events = await drain(
    runAgent({
      task: 'Look up five items and tell me when you know them all.',
      mode: 'multi',
      dialect,
      models,
      tools: lookupTool(200),
      maxSteps: 10,
    }),
  );
  const prompts = new Map<number, { role: Role; prompt: Prompt }>();
  const perRole = new Map<Role, { cached: string; prefilled: number; final: number }>();
  for (const event of events) {
    if (event.type === 'role_started') prompts.set(event.step, { role: event.role, prompt: event.prompt });
    if (event.type !== 'role_finished') continue;
    const started = prompts.get(event.step);
    if (!started) continue;
    const text = serialize(started.prompt);
    const state = perRole.get(started.role) ?? { cached: '', prefilled: 0, final: 0 };
    const reused = dialect === 'chat' ? commonPrefix(state.cached, text) : 0;
    state.prefilled += text.length - reused;
    // After decoding, the engine holds the prompt, the assistant cue and the output.
    state.cached = `${text}<|assistant|>\n${event.raw}`;
    state.final = state.cached.length;
    perRole.set(started.role, state);
  }
  const ratios: Partial<Record<Role, number>> = {};
  for (const [role, state] of perRole) ratios[role] = Math.round((state.prefilled / state.final) * 100) / 100;
  return ratios;
}

export async function benchCore() {
  const overhead = await orchestratorOverhead();
  const chat = await rereadRatio('chat');
  const alphaUmi = await rereadRatio('alpha-umi');
  return {
    date: new Date().toISOString(),
    cpus: cpus().length,
    goals: CORE_GOALS,
    orchestratorOverhead: overhead,
    rereadRatio: { chat, alphaUmi },
  };
}

async function main(): Promise<void> {
  const results = await benchCore();
  console.log(`| agent core (Node, ${results.cpus} cores) | measured | goal |`);
  console.log('|---|---|---|');
  console.log(
    `| orchestrator overhead per planner turn | ${results.orchestratorOverhead.medianMsPerTurn.toFixed(3)} ms | < ${CORE_GOALS.overheadMsPerTurn} ms |`,
  );
  for (const role of ['planner', 'caller', 'summarizer'] as const) {
    console.log(
      `| re-read ratio, ${role} (chat; alpha-umi for comparison) | ${results.rereadRatio.chat[role]} (alpha-umi ${results.rereadRatio.alphaUmi[role]}) | ≤ ${CORE_GOALS.rereadRatio} |`,
    );
  }
  await mkdir(`${ROOT}bench-results`, { recursive: true });
  await writeFile(`${ROOT}bench-results/core.json`, `${JSON.stringify(results, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
