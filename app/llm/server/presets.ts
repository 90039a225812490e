import type { ServerPresetId } from './types';

/**
 * What the page knows about each kind of server: where it listens by default, how to start it
 * so this page may call it, and which request fields it reads. Each entry says where that was
 * read. Only fields a server documents are sent to it: an unknown field is ignored at best
 * (vLLM logs and drops it) and refused at worst.
 */
export interface ServerPreset {
  id: ServerPresetId;
  label: string;
  /** The API base, `/v1` included. */
  defaultBaseUrl: string;
  /** The start command; `<model>` and `<origin>` are filled by `startCommand`. Empty for `custom`. */
  command: string;
  /** The server's own name for its CORS setting, as the messages name it. */
  corsSetting: string;
  /** Which page origins the server admits when started without that setting. */
  corsDefault: 'any' | 'localhost' | 'none' | 'unknown';
  /** The chat caller's JSON Schema as `response_format: {type: "json_schema", …}`. */
  jsonSchema: boolean;
  /**
   * Where the chat planner's grammar goes: vLLM's `structured_outputs.grammar` or llama.cpp's
   * `grammar` (GBNF). Both read the EBNF dialect the app writes (XGrammar's is GBNF's); the
   * others take none, and the planner parser copes with free text.
   */
  grammar?: 'structured_outputs' | 'grammar';
  /** The server's name for the repetition penalty, where it takes one. */
  repetitionPenalty?: 'repetition_penalty' | 'repeat_penalty';
  /**
   * Samplers the server switches on by its own defaults when a request leaves them out, sent
   * neutral so what runs is what the trace's `sampling` says.
   */
  neutral: Readonly<Record<string, number>>;
  /**
   * `/v1/completions` adds the BOS token itself (the tokenizer's add-BOS setting). The α-UMi
   * prompt must start with exactly one `<s>`, so such servers get the prompt without a literal
   * `<s>`: the tokenizer would read it as a second BOS.
   */
  addsBos: boolean;
  /** Extra fields of the `/v1/completions` body. */
  completionExtras: Readonly<Record<string, unknown>>;
  /** Takes `chat_template_kwargs: {enable_thinking: false}` (hybrid reasoning models, Qwen3). */
  thinkingSwitch: boolean;
  /** Caveats the user may need, in English: the README repeats them; the panel says Ollama's template one in both languages. */
  notes: readonly string[];
  /** Where the above was read. */
  sources: readonly string[];
}

export const SERVER_PRESETS: Readonly<Record<ServerPresetId, ServerPreset>> = {
  vllm: {
    id: 'vllm',
    label: 'vLLM',
    defaultBaseUrl: 'http://localhost:8000/v1',
    command: `vllm serve <model> --port 8000 --allowed-origins '["<origin>"]'`,
    corsSetting: '--allowed-origins',
    corsDefault: 'any', // --allowed-origins defaults to ["*"]
    jsonSchema: true,
    // `structured_outputs: {grammar}`: the guided_grammar / guided_regex fields were removed in
    // v0.12.0. An older vLLM ignores the new field, and the planner parser copes.
    grammar: 'structured_outputs',
    repetitionPenalty: 'repetition_penalty',
    // Unset fields take the model's generation_config.json ("user -> server default -> OpenAI
    // default" in CompletionRequest.to_sampling_params): Qwen2.5's says top_k 20.
    // -1 disables top_k in every vLLM ("quietly accept -1 as disabled").
    neutral: { top_k: -1, min_p: 0 },
    addsBos: true, // CompletionRequest.add_special_tokens defaults to true
    completionExtras: { add_special_tokens: true },
    thinkingSwitch: true,
    notes: [
      'A model with a reasoning parser (--reasoning-parser) streams its thinking as delta.reasoning or delta.reasoning_content; the app shows it as a think block.',
    ],
    sources: [
      'https://docs.vllm.ai/en/latest/features/structured_outputs/',
      'https://github.com/vllm-project/vllm/blob/main/vllm/entrypoints/openai/completion/protocol.py',
      'https://github.com/vllm-project/vllm/blob/main/vllm/sampling_params.py',
      'https://docs.redhat.com/en/documentation/red_hat_ai_inference_server/3.1/html/vllm_server_arguments/vllm-serve-arguments_server-arguments',
    ],
  },
  ollama: {
    id: 'ollama',
    label: 'Ollama',
    defaultBaseUrl: 'http://localhost:11434/v1',
    command: 'OLLAMA_ORIGINS=<origin> ollama serve',
    corsSetting: 'OLLAMA_ORIGINS',
    // Without OLLAMA_ORIGINS: localhost, 127.0.0.1 and 0.0.0.0 on any port (and app schemes).
    corsDefault: 'localhost',
    jsonSchema: true, // response_format json_schema becomes the native `format` (Ollama 0.5+)
    // No repetition penalty, top_k or min_p on /v1: those stay at the Modelfile's values, else
    // Ollama's defaults (api.DefaultOptions: repeat_penalty 1.1, top_k 40).
    neutral: {},
    // /v1/completions becomes /api/generate without `raw`: the Modelfile's TEMPLATE wraps the
    // prompt, then the runner tokenizes with add-special on (llamarunner: Tokenize(part, i == 0, true)).
    addsBos: true,
    completionExtras: {},
    thinkingSwitch: false,
    notes: [
      'For an α-UMi model (alpha-umi dialect), create it with a Modelfile whose TEMPLATE is {{ .Prompt }}, so the prompt reaches the model unchanged.',
      'Ollama does not take repeat_penalty or top_k on /v1; set PARAMETER repeat_penalty 1 and PARAMETER top_k 0 in the Modelfile to match the sampling the app records.',
    ],
    sources: [
      'https://docs.ollama.com/api/openai-compatibility',
      'https://docs.ollama.com/faq',
      'https://github.com/ollama/ollama/blob/main/openai/openai.go',
      'https://github.com/ollama/ollama/blob/main/runner/llamarunner/runner.go',
      'https://github.com/ollama/ollama/blob/main/api/types.go',
    ],
  },
  llamacpp: {
    id: 'llamacpp',
    label: 'llama.cpp (llama-server)',
    defaultBaseUrl: 'http://localhost:8080/v1',
    // --port: recent builds listen on 9931 by default, older ones on 8080. --alias makes
    // /v1/models list the name the role asks for.
    command: 'llama-server -m <file>.gguf --alias <model> --port 8080',
    corsSetting: '--cors-origins',
    // It echoes any Origin back unless --cors-origins narrows it (tools/server/README.md, CORS).
    corsDefault: 'any',
    jsonSchema: true, // response_format json_schema becomes its `json_schema` field
    grammar: 'grammar', // GBNF, server-schema.cpp
    repetitionPenalty: 'repeat_penalty',
    // README sampling defaults: top_k 40, min_p 0.05; 0 disables both.
    neutral: { top_k: 0, min_p: 0 },
    // Completions are tokenized with add_special and parse_special on
    // (tokenize_input_prompts(vocab, mctx, prompt, true, true)): a Llama-2 GGUF adds the BOS.
    addsBos: true,
    completionExtras: {},
    thinkingSwitch: true,
    notes: [
      'With --api-key, browsers do not count the preflight answer "Access-Control-Allow-Headers: *" as allowing Authorization: add --cors-headers Authorization,Content-Type.',
      'Thinking goes to delta.reasoning_content by default (--reasoning-format); the app shows it as a think block.',
    ],
    sources: [
      'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md',
      'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/server-schema.cpp',
      'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/server-http.cpp',
      'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/server-context.cpp',
    ],
  },
  lmstudio: {
    id: 'lmstudio',
    label: 'LM Studio',
    defaultBaseUrl: 'http://localhost:1234/v1',
    command: 'lms server start --port 1234 --cors',
    corsSetting: '--cors',
    corsDefault: 'none', // "When not set, CORS is disabled"
    jsonSchema: true,
    repetitionPenalty: 'repeat_penalty', // listed among its supported payload parameters
    // top_k is accepted too, but what 0 means there is not documented: left to LM Studio.
    neutral: {},
    // Not documented (closed source); its llama.cpp engine adds the BOS as llama-server does.
    addsBos: true,
    completionExtras: {},
    thinkingSwitch: false,
    notes: [
      'The switch is also in the app: Developer tab, Settings, "Enable CORS".',
      'Versions up to at least 0.3.8 send no usage while streaming: token counts are shown as unknown.',
    ],
    sources: [
      'https://lmstudio.ai/docs/developer/openai-compat/chat-completions',
      'https://lmstudio.ai/docs/advanced/structured-output',
      'https://lmstudio.ai/docs/cli/server-start',
      'https://lmstudio.ai/docs/developer/core/server/settings',
      'https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/713',
    ],
  },
  custom: {
    id: 'custom',
    label: 'Other OpenAI-compatible server',
    defaultBaseUrl: 'http://localhost:8000/v1',
    command: '',
    corsSetting: 'CORS',
    corsDefault: 'unknown',
    // Only what OpenAI's own API defines: response_format json_schema, no grammar, no
    // repetition penalty. Most servers add the BOS on completions (all four above do).
    jsonSchema: true,
    neutral: {},
    addsBos: true,
    completionExtras: {},
    thinkingSwitch: false,
    notes: [],
    sources: ['https://platform.openai.com/docs/api-reference/chat/create'],
  },
};

export const SERVER_PRESET_IDS = Object.keys(SERVER_PRESETS) as ServerPresetId[];

export function serverPreset(id: ServerPresetId): ServerPreset {
  return SERVER_PRESETS[id] ?? SERVER_PRESETS.custom;
}

/**
 * The preset's start command for this role: `<model>` and `<origin>` filled when known, left as
 * placeholders otherwise (the user types them). Empty for `custom`.
 */
export function startCommand(id: ServerPresetId, fill: { model?: string; origin?: string } = {}): string {
  let command = serverPreset(id).command;
  if (fill.model) command = command.replaceAll('<model>', () => fill.model as string);
  if (fill.origin) command = command.replaceAll('<origin>', () => fill.origin as string);
  return command;
}
