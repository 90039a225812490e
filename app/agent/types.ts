import type { ContextCut } from './context-budget';
/**
 * Core types of the α-UMi agent. Pure data: no DOM, no React, no engine code.
 * Everything else in `app/agent` (dialects, parsers, orchestrator, trace) speaks these.
 */

// ---------------------------------------------------------------------------
// Roles, modes, dialects

/** The three α-UMi roles, plus the single-model "backbone" of the `single` run mode. */
export type Role = 'planner' | 'caller' | 'summarizer' | 'backbone';
export const AGENT_ROLES = ['planner', 'caller', 'summarizer'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

/**
 * - `multi`: α-UMi, one model per role.
 * - `shared`: one model plays planner, caller and summarizer with the three role prompts.
 * - `single`: one model, one prompt (the GLPFT backbone format).
 */
export type RunMode = 'multi' | 'shared' | 'single';

/** The roles a run mode plays (`single`: one backbone model does everything). */
export const ROLES_BY_MODE: Readonly<Record<RunMode, readonly Role[]>> = {
  multi: ['planner', 'caller', 'summarizer'],
  shared: ['planner', 'caller', 'summarizer'],
  single: ['backbone'],
};
export const RUN_MODES: readonly RunMode[] = ['multi', 'shared', 'single'];

/** `alpha-umi`: byte-exact GLPFT prompts. `chat`: per-role chat messages with constrained decoding. */
export type Dialect = 'alpha-umi' | 'chat';
export const DIALECTS: readonly Dialect[] = ['alpha-umi', 'chat'];

// ---------------------------------------------------------------------------
// Tools

/** A JSON Schema object. Kept loose on purpose: ajv validates it at the edges. */
export type JsonSchema = { [key: string]: unknown };

/** OpenAI-style function definition. `parameters` is a JSON Schema of `type: "object"`. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
}

/** A tool as the GLPFT format lists it: `{"Name", "function", "input": {arg: "type, description"}}`. */
export interface AlphaUmiToolDoc {
  Name: string;
  function: string;
  input: Record<string, string>;
}

/**
 * How the alpha-umi dialect lists the tools in `{doc}`: `full` is the GLPFT format; `compact`
 * (types only, no descriptions) is the named variant the built-in tiny models were trained on.
 */
export type ToolDocStyle = 'full' | 'compact';

export interface ToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface NamedErrorData {
  name: string;
  message: string;
}

export type ToolResult =
  | { ok: true; value: unknown; logs: string[]; durationMs: number }
  | { ok: false; error: NamedErrorData; logs: string[]; durationMs: number };

export interface ToolRunOptions {
  signal: AbortSignal;
  timeoutMs?: number;
}

/**
 * What the orchestrator needs from tools. Implementations never throw for tool failures:
 * unknown tools, invalid arguments, timeouts and crashes come back as `{ ok: false }`.
 */
export interface ToolRunner {
  list(): ToolDefinition[];
  run(call: ToolCall, options: ToolRunOptions): Promise<ToolResult>;
}

// ---------------------------------------------------------------------------
// Prompts and generation

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Exactly what a model sees: raw text (`alpha-umi`) or a message list (`chat`). */
export type Prompt = { kind: 'text'; text: string } | { kind: 'messages'; messages: ChatMessage[] };

/** Decoding constraint the engine should apply if it can. */
export type OutputConstraint = { type: 'grammar'; grammar: string } | { type: 'json_schema'; schema: string };

/** What a dialect hands the orchestrator for one role turn. */
export interface RoleRequest {
  prompt: Prompt;
  constraint?: OutputConstraint;
  stop?: string[];
}

export interface SamplingSettings {
  temperature: number;
  maxTokens: number;
  seed?: number;
  /** Nucleus sampling (tiny and WebLLM). Missing means 1. */
  topP?: number;
  /**
   * WebLLM only. Sent on every request, so the model's `mlc-chat-config.json` (Qwen2's says
   * `repetition_penalty` 1.1, `top_p` 0.8) never applies a value the user did not see: a
   * repetition penalty at temperature 0 would still penalise the repeated digits of a call.
   * Missing means neutral (1, 0, 0).
   */
  repetitionPenalty?: number;
  frequencyPenalty?: number;
  presencePenalty?: number;
}

/**
 * The neutral values of the optional settings: what every engine uses when one is missing
 * (WebLLM requests send them explicitly), so a trace's `sampling` says exactly what was used.
 */
export const NEUTRAL_SAMPLING = {
  topP: 1,
  repetitionPenalty: 1,
  frequencyPenalty: 0,
  presencePenalty: 0,
} as const;

export const DEFAULT_SAMPLING: Readonly<Record<Role, SamplingSettings>> = {
  planner: { temperature: 0.2, maxTokens: 256 },
  caller: { temperature: 0, maxTokens: 256 },
  summarizer: { temperature: 0.3, maxTokens: 512 },
  backbone: { temperature: 0.2, maxTokens: 384 },
};

/** Facts about the run the request belongs to. Real engines ignore them; the scripted engine uses them. */
export interface GenerationContext {
  task: string;
  mode: RunMode;
  dialect: Dialect;
  /** 1-based planner turn (backbone turn in `single` mode). */
  turn: number;
  tools: string[];
}

export interface GenerateRequest extends RoleRequest {
  role: Role;
  sampling: SamplingSettings;
  context: GenerationContext;
  signal?: AbortSignal;
  /** Text deltas as they are generated, in order; their concatenation is the output. */
  onDelta?: (delta: string) => void;
}

export interface Usage {
  /** Prompt tokens the engine had to prefill (new tokens when it reused its KV cache). */
  promptTokens: number;
  /** Prompt tokens served from the KV cache, when the engine reports it. */
  promptTokensReused?: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  decodeTokensPerSecond: number;
  prefillTokensPerSecond?: number;
  wallMs: number;
  /** True for the scripted engine: the numbers are made up, not measured on a model. */
  simulated: boolean;
  /** The engine reported no token counts: the zeros above are not measurements (shown as unknown). */
  unknown?: boolean;
  /** The engine did not say how much of the prompt came from its cache (shown as unknown). */
  reuseUnknown?: boolean;
}

export type FinishReason = 'stop' | 'length' | 'abort';

export interface GenerateResult {
  text: string;
  usage: Usage;
  finishReason: FinishReason;
}

export type LoadProgress = { progress: number; text: string; timeElapsedS?: number };

/**
 * `tiny`: the built-in tiny α-UMi models (onnxruntime); `server`: a server the user runs
 * (OpenAI-compatible, app/llm/server); `remote`: a recorded run's model (an imported trajectory).
 */
export type EngineKind = 'scripted' | 'webllm' | 'tiny' | 'server' | 'remote';

/** A role served by a server: what the trace records (never a key, no credentials in the URL). */
export interface RoleModelServer {
  preset: string;
  url: string;
  model: string;
  reported?: { ownedBy?: string; serverHeader?: string; maxModelLen?: number };
}

/** One loaded (or loadable) model serving one or more roles. */
export interface RoleModel {
  readonly id: string;
  readonly label: string;
  readonly kind: EngineKind;
  /** The `{doc}` style this model was trained on (alpha-umi dialect). Default `full`. */
  readonly toolDocs?: ToolDocStyle;
  /**
   * The model's context window in tokens, when the engine needs the app to keep prompts
   * inside it (WebLLM): chat conversations are cut to fit (app/agent/context-budget.ts).
   */
  readonly contextWindow?: number | undefined;
  /** A server-backed model: where its requests go (`kind: 'server'`). */
  info?(): RoleModelServer;
  load(options?: { signal?: AbortSignal; onProgress?: (p: LoadProgress) => void }): Promise<void>;
  /** Rejects with an `AbortError` when `signal` aborts; never resolves with half an answer silently. */
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Cooperative stop of the current generation; the model stays loaded. */
  interrupt(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Parsed outputs

export type PlannerDecision = 'caller' | 'conclusion' | 'give_up';

export interface PlannerParse {
  decision: PlannerDecision;
  /** The rationale without the decision marker, trimmed. */
  thought: string;
  /** What goes into the history: the output up to and including the marker (whole text when none). */
  kept: string;
  /** How many decision markers the output contained (0 = routed to the caller by default). */
  markerCount: number;
}

export type CallerParseErrorKind =
  | 'empty'
  | 'no_action'
  | 'unknown_tool'
  | 'invalid_json'
  | 'invalid_arguments';

export type CallerParse =
  | {
      ok: true;
      call: ToolCall;
      /** The argument text as the model wrote it. */
      rawArguments: string;
      /** True when jsonrepair had to fix the arguments before they parsed. */
      repaired: boolean;
    }
  | {
      ok: false;
      kind: CallerParseErrorKind;
      /** A sentence for the planner and the user: what was wrong. */
      message: string;
      name?: string;
      rawArguments?: string;
    };

export interface SummarizerParse {
  answer: string;
  empty: boolean;
}

export type BackboneParse =
  | { kind: 'call'; thought: string; caller: CallerParse; kept: string }
  | { kind: 'conclusion'; thought: string; answer: string; kept: string }
  | { kind: 'give_up'; thought: string; kept: string };

// ---------------------------------------------------------------------------
// Dialects: how the history becomes prompts

/** Something that happened in the run, recorded into the dialect's conversation state. */
export type SessionEntry =
  | { kind: 'planner'; raw: string; parsed: PlannerParse }
  | { kind: 'caller'; raw: string; parsed: CallerParse }
  | { kind: 'observation'; text: string }
  | { kind: 'summarizer'; raw: string }
  | { kind: 'backbone'; raw: string; parsed: BackboneParse };

/**
 * The conversation state of one run in one dialect. The orchestrator asks for a request,
 * calls the model, parses, then records what happened. `chat` sessions are append-only.
 */
export interface DialectSession {
  readonly dialect: Dialect;
  request(role: Role): RoleRequest;
  /**
   * A text-prompt dialect (alpha-umi) rebuilds the whole prompt from its history for every
   * request, so it fits the history, not the text, to a token budget
   * (app/agent/context-budget.ts `fitHistory`). Chat conversations are fitted by the caller.
   */
  requestWithin?(role: Role, budgetTokens: number): { request: RoleRequest; cut?: ContextCut };
  record(entry: SessionEntry): void;
  /** Turns a tool result (or failure) into the observation text the models read. */
  formatObservation(result: ToolResult, call: ToolCall): string;
}

export interface DialectSessionOptions {
  task: string;
  tools: ToolDefinition[];
  /** Replacement system prompts (chat dialect); missing roles use the defaults. */
  systemPrompts?: Partial<Record<Role, string>>;
  /** How each role's prompt lists the tools (alpha-umi dialect); missing roles use `full`. */
  toolDocs?: Partial<Record<Role, ToolDocStyle>>;
}

// ---------------------------------------------------------------------------
// Run events and the trace

export interface RoleModelInfo {
  id: string;
  label: string;
  kind: EngineKind;
  /** The server, for a role served by one. */
  server?: RoleModelServer;
}

/** What made a run: the app, the WebLLM build and the GPU, so numbers can be compared honestly. */
export interface RunEnvironment {
  /** umi-lab version. */
  app: string;
  /** The pinned `@mlc-ai/web-llm` version, when WebLLM generated the text. */
  webllm?: string;
  /** GPU adapter description, when models ran on a GPU. */
  gpu?: string;
}

/**
 * How a trace came to be: a run from the Run tab, a fork of an earlier run, a ToolBench
 * stage-2 trajectory converted on import, or a run of the evaluation lab.
 */
export type TraceOrigin = 'run' | 'fork' | 'stage2' | 'suite' | 'compare';

export type RunOutcome = 'answer' | 'give_up' | 'step_limit' | 'error' | 'aborted';

export type RunEvent =
  | {
      type: 'run_started';
      runId: string;
      task: string;
      mode: RunMode;
      dialect: Dialect;
      tools: ToolDefinition[];
      models: Partial<Record<Role, RoleModelInfo>>;
      sampling: Partial<Record<Role, SamplingSettings>>;
      maxSteps: number;
      origin?: TraceOrigin;
      env?: RunEnvironment;
      at: number;
    }
  | {
      type: 'role_started';
      step: number;
      turn: number;
      role: Role;
      model: RoleModelInfo;
      prompt: Prompt;
      constraint?: OutputConstraint;
      /** What was cut from the conversation to fit the model's window (`prompt` is what was sent). */
      contextCut?: ContextCut;
      /** A fork: this step is kept from the original run, not generated again. */
      carriedOver?: true;
      at: number;
    }
  | { type: 'token_delta'; step: number; text: string }
  | {
      type: 'role_finished';
      step: number;
      /** The output the run goes on with: a reasoning model's think block taken off. */
      raw: string;
      /** A reasoning model's think block (see app/agent/thinking.ts): shown, never parsed or passed on. */
      thinking?: string;
      usage: Usage;
      finishReason: FinishReason;
      parsed: StepParse;
      at: number;
    }
  /** Step-through: the run waits for the user before this step's output takes effect. */
  | { type: 'review_started'; step: number; at: number }
  /** The user let the step go on; `edited` when they changed its output (recorded as an edit). */
  | {
      type: 'review_finished';
      step: number;
      edited?: { raw: string; parsed: StepParse; originalRaw: string };
      at: number;
    }
  | { type: 'tool_call'; step: number; call: ToolCall; at: number }
  | { type: 'tool_result'; step: number; result: ToolResult; observation: string; at: number }
  /** A role produced something unusable (malformed call...): shown, and fed back to the planner. */
  | { type: 'step_error'; step: number; error: NamedErrorData; observation: string; at: number }
  | { type: 'answer'; step: number; text: string; at: number }
  | { type: 'give_up'; reason: 'planner' | 'step_limit' | 'empty_answer'; at: number }
  | { type: 'run_error'; step?: number; error: NamedErrorData; at: number }
  | { type: 'run_finished'; outcome: RunOutcome; at: number };

export type StepParse =
  | { role: 'planner'; result: PlannerParse }
  | { role: 'caller'; result: CallerParse }
  | { role: 'summarizer'; result: SummarizerParse }
  | { role: 'backbone'; result: BackboneParse };
