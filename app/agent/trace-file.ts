import type { ErrorObject } from 'ajv';
import validateTrace from './generated/trace-validator.js';
import { markInterrupted, TRACE_VERSION, type Trace } from './trace';
import { MAX_TRACE_FILE_BYTES, TRACE_FILE_FORMAT } from './trace-file-format';
import type { TraceFileProblem, TraceProblem, TraceWord } from './trace-file-messages';
import { migrateTrace } from './trace-migrations';

/**
 * Trace files: the versioned JSON a run is exported to and imported from. Import is an edge
 * where untrusted data comes in, so the whole trace is checked against a JSON Schema (ajv)
 * before anything else sees it, and every rejection is one sentence saying what and where.
 */

export { MAX_TRACE_FILE_BYTES, TRACE_FILE_FORMAT, traceFileText } from './trace-file-format';

export type TraceFileResult = { ok: true; trace: Trace } | { ok: false; error: TraceFileProblem };

// ---------------------------------------------------------------------------
// The schema. Shapes we own are closed (`additionalProperties: false`); model-made or
// tool-made data (parsed results, arguments, values, tool parameter schemas) stays loose.

const ROLES = ['planner', 'caller', 'summarizer', 'backbone'];
const STEP_STATUSES = ['running', 'done', 'error', 'aborted'];
const str = { type: 'string' } as const;
const num = { type: 'number' } as const;
const int = { type: 'integer', minimum: 0 } as const;
const bool = { type: 'boolean' } as const;
const looseObject = { type: 'object' } as const;

const closed = (properties: Record<string, unknown>, required: string[]) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const namedError = closed({ name: str, message: str }, ['name', 'message']);
const modelServer = closed(
  {
    preset: str,
    url: str,
    model: str,
    reported: closed({ ownedBy: str, serverHeader: str, maxModelLen: num }, []),
  },
  ['preset', 'url', 'model'],
);
const modelInfo = closed(
  {
    id: str,
    label: str,
    kind: { enum: ['scripted', 'webllm', 'tiny', 'server', 'remote'] },
    server: modelServer,
  },
  ['id', 'label', 'kind'],
);
const sampling = closed(
  {
    temperature: num,
    maxTokens: int,
    seed: num,
    topP: num,
    repetitionPenalty: num,
    frequencyPenalty: num,
    presencePenalty: num,
  },
  ['temperature', 'maxTokens'],
);
const perRole = (value: unknown) => ({
  type: 'object',
  propertyNames: { enum: ROLES },
  additionalProperties: value,
});
const toolDefinition = {
  type: 'object',
  properties: { name: str, description: str, parameters: looseObject },
  required: ['name', 'description', 'parameters'],
};
const chatMessage = closed({ role: { enum: ['system', 'user', 'assistant'] }, content: str }, [
  'role',
  'content',
]);
const prompt = {
  type: 'object',
  required: ['kind'],
  discriminator: { propertyName: 'kind' },
  oneOf: [
    closed({ kind: { const: 'text' }, text: str }, ['kind', 'text']),
    closed({ kind: { const: 'messages' }, messages: { type: 'array', items: chatMessage } }, [
      'kind',
      'messages',
    ]),
  ],
};
const constraint = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    closed({ type: { const: 'grammar' }, grammar: str }, ['type', 'grammar']),
    closed({ type: { const: 'json_schema' }, schema: str }, ['type', 'schema']),
  ],
};
const usage = closed(
  {
    promptTokens: num,
    promptTokensReused: num,
    completionTokens: num,
    timeToFirstTokenMs: num,
    decodeTokensPerSecond: num,
    prefillTokensPerSecond: num,
    wallMs: num,
    simulated: bool,
    unknown: bool,
    reuseUnknown: bool,
  },
  ['promptTokens', 'completionTokens', 'timeToFirstTokenMs', 'decodeTokensPerSecond', 'wallMs', 'simulated'],
);
const toolCall = {
  type: 'object',
  properties: { name: str, arguments: looseObject },
  required: ['name', 'arguments'],
};
const toolResult = {
  ...closed(
    { ok: bool, value: {}, error: namedError, logs: { type: 'array', items: str }, durationMs: num },
    ['ok', 'logs', 'durationMs'],
  ),
  if: { properties: { ok: { const: false } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, not a thenable
  then: { required: ['error'] },
};
const traceToolCall = closed(
  {
    call: toolCall,
    status: { enum: STEP_STATUSES },
    result: toolResult,
    observation: str,
    startedAt: num,
    endedAt: num,
  },
  ['call', 'status', 'startedAt'],
);
const stepParse = closed({ role: { enum: ROLES }, result: looseObject }, ['role', 'result']);
const step = closed(
  {
    index: int,
    turn: int,
    role: { enum: ROLES },
    model: modelInfo,
    prompt,
    constraint,
    status: { enum: STEP_STATUSES },
    raw: str,
    parsed: stepParse,
    usage,
    finishReason: { enum: ['stop', 'length', 'abort'] },
    thinking: str,
    contextCut: closed(
      {
        budgetTokens: num,
        estimatedBefore: num,
        estimatedAfter: num,
        observationsShortened: num,
        turnsDropped: num,
      },
      ['budgetTokens', 'estimatedBefore', 'estimatedAfter', 'observationsShortened', 'turnsDropped'],
    ),
    startedAt: num,
    endedAt: num,
    tool: traceToolCall,
    error: closed({ name: str, message: str, observation: str }, ['name', 'message']),
    reviewing: { type: 'boolean' },
    carriedOver: { type: 'boolean' },
    edit: closed({ originalRaw: str, originalParsed: stepParse, at: num }, ['originalRaw', 'at']),
  },
  ['index', 'turn', 'role', 'model', 'prompt', 'status', 'raw', 'startedAt'],
);

export const TRACE_SCHEMA = closed(
  {
    version: { const: TRACE_VERSION },
    id: str,
    task: str,
    mode: { enum: ['multi', 'shared', 'single'] },
    dialect: { enum: ['alpha-umi', 'chat'] },
    tools: { type: 'array', items: toolDefinition },
    models: perRole(modelInfo),
    sampling: perRole(sampling),
    maxSteps: int,
    status: { enum: ['running', 'finished', 'interrupted'] },
    outcome: { enum: ['answer', 'give_up', 'step_limit', 'error', 'aborted'] },
    answer: str,
    giveUpReason: { enum: ['planner', 'step_limit', 'empty_answer'] },
    error: namedError,
    steps: { type: 'array', items: step },
    extraUserTurns: { type: 'array', items: closed({ beforeStep: int, text: str }, ['beforeStep', 'text']) },
    origin: { enum: ['run', 'fork', 'stage2', 'suite', 'compare'] },
    env: closed({ app: str, webllm: str, gpu: str }, ['app']),
    createdAt: num,
    updatedAt: num,
  },
  'version id task mode dialect tools models sampling maxSteps status steps createdAt updatedAt'.split(' '),
);

// Compiled from TRACE_SCHEMA at build time (scripts/gen-validators.ts): ajv's run-time compiler
// needs `new Function`, which the page's Content-Security-Policy does not allow.

// ---------------------------------------------------------------------------
// Error sentences

/** `/steps/3/prompt/messages/0` → `steps[3].prompt.messages[0]`. */
function place(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}

const TYPE_WORDS: Record<string, TraceWord> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** The first schema error as a coded problem (trace-file-messages.ts writes it). */
function problemFor(error: ErrorObject): TraceProblem {
  const at = place(error.instancePath);
  const child = (name: string) => (at ? `${at}.${name}` : name);
  const where = at || 'the trace';
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    return { code: 'badKey', values: { where, key: error.propertyName } };
  }
  switch (error.keyword) {
    case 'required':
      return { code: 'missing', values: { where: child(String(params.missingProperty)) } };
    case 'additionalProperties':
      return { code: 'unknownField', values: { where, field: String(params.additionalProperty) } };
    case 'enum':
      return {
        code: 'oneOf',
        values: { where, values: ((params.allowedValues as unknown[]) ?? []).join(', ') },
      };
    case 'const':
      return { code: 'mustBe', values: { where, what: JSON.stringify(params.allowedValue) } };
    case 'type':
      return {
        code: 'mustBe',
        values: { where, what: TYPE_WORDS[String(params.type)] ?? String(params.type) },
      };
    case 'discriminator':
      return {
        code: 'unknownValue',
        values: { where: child(String(params.tag)), value: JSON.stringify(params.tagValue) },
      };
    case 'minimum':
      return { code: 'negative', values: { where } };
    default:
      return { code: 'other', values: { where, message: error.message ?? 'is invalid' } };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads an exported trace file. A trace that was still running when it was exported comes
 * back as interrupted: nothing will ever finish it here.
 */
export function parseTraceFile(text: string): TraceFileResult {
  if (text.length > MAX_TRACE_FILE_BYTES) {
    const mb = (text.length / (1024 * 1024)).toFixed(1);
    return { ok: false, error: { code: 'tooBig', values: { mb } } };
  }
  let data: unknown;
  try {
    // `__proto__` keys are dropped while parsing, so no later copy of the data
    // (Object.assign, a merge) can use one to reach an object's prototype.
    data = JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
  } catch {
    return { ok: false, error: { code: 'notJson' } };
  }
  if (!isObject(data) || data.format !== TRACE_FILE_FORMAT) {
    return { ok: false, error: { code: 'notTrace' } };
  }
  const { version } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: { code: 'noVersion' } };
  }
  // The wrapper's version is the trace's: older files are upgraded, newer ones refused.
  const migrated = migrateTrace(data.trace, version);
  if (!migrated.ok) return migrated;
  return validated(migrated.trace, 'damaged');
}

/**
 * A trace read back from IndexedDB, upgraded to the current version if an older page stored
 * it. Returns why, as a coded problem, for a trace that cannot be used.
 */
export function upgradeStoredTrace(trace: unknown): TraceFileResult {
  const version = isObject(trace) ? trace.version : undefined;
  const migrated = migrateTrace(trace, typeof version === 'number' ? version : 0);
  if (!migrated.ok) return migrated;
  if (migrated.from === TRACE_VERSION) return { ok: true, trace: migrated.trace as Trace };
  return validated(migrated.trace, 'savedDamaged');
}

function validated(data: unknown, damaged: 'damaged' | 'savedDamaged'): TraceFileResult {
  if (!validateTrace(data)) {
    const first = validateTrace.errors?.[0];
    const problem: TraceProblem = first ? problemFor(first) : { code: 'invalid' };
    return { ok: false, error: { code: damaged, values: { problem } } };
  }
  const trace = data;
  return { ok: true, trace: trace.status === 'running' ? markInterrupted(trace, trace.updatedAt) : trace };
}
