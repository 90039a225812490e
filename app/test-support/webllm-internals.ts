import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * WebLLM's own bundled code (`@mlc-ai/web-llm/lib/index.js`, the pinned version), with the
 * functions it keeps private made reachable, for the conformance tests: the conversation
 * template code, the KV-reuse comparison, the request checks and XGrammar run here exactly as
 * they run in the worker. Nothing is copied: the bundle is read from node_modules.
 */
/** `mlc-chat-config.json` as WebLLM reads it (its `ChatConfig` type is not exported). */
export interface ChatConfig {
  conv_template: ConvTemplate;
  [key: string]: unknown;
}
export interface ConvTemplate {
  system_template: string;
  system_message: string;
  system_prefix_token_ids?: number[] | null;
  roles: Record<string, string>;
  seps: string[];
  stop_str: string[];
  stop_token_ids: number[];
  [key: string]: unknown;
}

export interface WebLlmInternals {
  version: string;
  xgrammar: XGrammar;
  getConversation(template: ConvTemplate, config?: unknown, isTextCompletion?: boolean): WebLlmConversation;
  getConversationFromChatCompletionRequest(request: unknown, config: ChatConfig): WebLlmConversation;
  compareConversationObject(a: WebLlmConversation, b: WebLlmConversation): boolean;
  postInitAndCheckGenerationConfigValues(config: Record<string, unknown>): void;
  postInitAndCheckFieldsChatCompletion(request: unknown, modelId: string, modelType?: number): void;
  postInitAndCheckFieldsCompletion(request: unknown, modelId: string): void;
  /** WebLLM's engine class, constructed in Node (no GPU: only what needs none can run). */
  MLCEngine: new () => WebLlmEngine;
  ModelNotLoadedError: new (...args: unknown[]) => Error;
  /** Its generation pipeline; only methods that need no GPU are called (on a stand-in `this`). */
  LLMChatPipeline: { prototype: { processNextToken(token: number, genConfig?: unknown): void } };
  /** The bundle's text, for checks of code that needs a GPU to run (the device-lost handler). */
  source: string;
}

/** The parts of WebLLM's `MLCEngine` the tests drive. */
export interface WebLlmEngine {
  loadedModelIdToPipeline: Map<string, unknown>;
  unload(): Promise<void>;
  chatCompletion(request: unknown): Promise<unknown>;
}

/** The parts of XGrammar (bundled in WebLLM, wasm inlined) the grammar tests use. */
export interface XGrammar {
  Grammar: { fromEBNF(ebnf: string): Promise<unknown> };
  Testings: {
    isGrammarAcceptString(grammar: unknown, input: string): Promise<boolean>;
    _jsonSchemaToEBNF(schema: string): Promise<string>;
  };
}

/** The parts of WebLLM's `Conversation` the tests drive (see its class in lib/index.js). */
export interface WebLlmConversation {
  messages: [number, string, string | undefined][];
  config: ConvTemplate;
  getPromptArray(config?: unknown): (string | unknown[])[];
  getPromptArrayLastRound(config?: unknown): (string | unknown[])[];
  getPromptArrayInternal(addSystem: boolean, startPos: number, config?: unknown): (string | unknown[])[];
  getPromptArrayTextCompletion(): string[];
  prompt?: string;
  appendMessage(role: number, message: string, roleName?: string): void;
  appendReplyHeader(role: number): void;
  finishReply(message: string): void;
  getStopStr(): string[];
  getStopTokens(): number[];
}

const PRIVATE = [
  'getConversation',
  'getConversationFromChatCompletionRequest',
  'compareConversationObject',
  'postInitAndCheckGenerationConfigValues',
  'postInitAndCheckFields$2 as postInitAndCheckFieldsChatCompletion',
  'postInitAndCheckFields$1 as postInitAndCheckFieldsCompletion',
];
const CLASSES = ['MLCEngine', 'ModelNotLoadedError', 'LLMChatPipeline'];
const XGRAMMAR_EXPORTS = 'var libExports$1 = requireLib$1();';

/**
 * The bundle was built for browsers and keeps these private, so the tests load a patched
 * copy: the two spots rollup left for Node (`createRequire`, the module URL) are filled in and
 * the functions above and the XGrammar module are exported. CommonJS, loaded with require:
 * Node runs it as is, without Vite transforming 7 MB. If a WebLLM upgrade moves a patch
 * point, this fails loudly, naming it.
 */
let loaded: WebLlmInternals | undefined;

export function loadWebLlmInternals(): WebLlmInternals {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@mlc-ai/web-llm');
  const version = (require('@mlc-ai/web-llm/package.json') as { version: string }).version;
  const source = readFileSync(entry, 'utf8');
  const exports = /^export \{[^\n]*\};$/m;
  const missing = [
    ...PRIVATE.map((name) => name.split(' ')[0] as string).filter(
      (name) => !source.includes(`\nfunction ${name}(`),
    ),
    ...CLASSES.filter((name) => !source.includes(`\nclass ${name} `)),
    ...[XGRAMMAR_EXPORTS, '"MLC_DUMMY_PATH"'].filter((point) => !source.includes(point)),
    ...(exports.test(source) ? [] : ['the export list']),
  ];
  if (missing.length > 0)
    throw new Error(
      `@mlc-ai/web-llm ${version} moved ${missing.join(', ')}: update app/test-support/webllm-internals.ts.`,
    );
  const names = PRIVATE.map((n) => {
    const [inner, , outer] = n.split(' ');
    return `${outer ?? inner}: ${inner}`;
  });
  const patched = [
    "const { createRequire } = require('node:module');",
    source
      .replaceAll('"MLC_DUMMY_PATH"', JSON.stringify(pathToFileURL(entry).href))
      .replace(exports, '')
      .replace(/^\/\/# sourceMappingURL=.*$/m, ''),
    `module.exports = { xgrammar: libExports$1, ${[...names, ...CLASSES].join(', ')} };`,
  ].join('\n');
  const dir = join(tmpdir(), 'umi-lab-webllm');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `web-llm-${version}.cjs`);
  writeFileSync(file, patched);
  loaded = { ...(require(file) as Omit<WebLlmInternals, 'version' | 'source'>), version, source };
  return loaded;
}

/** A tokenizer as WebLLM runs it (`@mlc-ai/web-tokenizers`), from a `tokenizer.json`, in Node. */
export interface NodeTokenizer {
  encode(text: string): Int32Array;
  decode(ids: Int32Array): string;
}

export async function tokenizerFromJson(json: string): Promise<NodeTokenizer> {
  // The UMD bundle looks for CommonJS's `require` and `__filename` to find itself.
  const g = globalThis as { require?: unknown; __filename?: string };
  g.require ??= createRequire(import.meta.url);
  g.__filename ??= fileURLToPath(import.meta.url);
  type Module = { Tokenizer?: { fromJSON(json: ArrayBuffer): Promise<NodeTokenizer> } };
  const mod = (await import('@mlc-ai/web-tokenizers')) as unknown as Module & { default?: Module };
  const Tokenizer =
    mod.Tokenizer ?? mod.default?.Tokenizer ?? (globalThis as { tokenizers?: Module }).tokenizers?.Tokenizer;
  if (!Tokenizer) throw new Error('@mlc-ai/web-tokenizers did not load');
  return Tokenizer.fromJSON(new TextEncoder().encode(json).buffer as ArrayBuffer);
}
