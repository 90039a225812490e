/**
 * Issue 12 #2: what a role's model has in its KV cache when WebLLM reuses it, against what a
 * full prefill of the same request gives — computed by WebLLM 0.2.86's own conversation code
 * (`getConversationFromChatCompletionRequest`, `compareConversationObject`, `getPromptArray`,
 * `getPromptArrayLastRound`: the functions `preparePrefillInput` and `getInputData` call), on
 * the conversations the app really builds (a chat-dialect run of the orchestrator), with a
 * real `mlc-chat-config.json` and a byte-level `tokenizer.json` run by web-tokenizers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAgent } from '../../../agent/orchestrator';
import { traceFromEvents } from '../../../agent/trace';
import type { ChatMessage, Role, RunEvent, RunMode } from '../../../agent/types';
import {
  type ChatConfig,
  loadWebLlmInternals,
  type NodeTokenizer,
  tokenizerFromJson,
} from '../../../test-support/webllm-internals';
import { createDefaultRegistry } from '../../../tools/registry';
import { createToolRunner } from '../../../tools/runner';
import { ScriptedModel } from '../../scripted/scripted-model';
import { findScript } from '../../scripted/scripts';
import { byteLevelTokenizerJson, CHATML_SPECIAL } from './byte-level-tokenizer';

const webllm = loadWebLlmInternals();
const config = JSON.parse(
  readFileSync(fileURLToPath(new URL('./qwen2-0.5b-mlc-chat-config.json', import.meta.url)), 'utf8'),
) as ChatConfig;

let tok: NodeTokenizer;

beforeAll(async () => {
  tok = await tokenizerFromJson(byteLevelTokenizerJson(CHATML_SPECIAL));
});

/** Each request of one role in a scripted chat run, with the reply the model gave to it. */
async function roleTurns(mode: RunMode, role: Role = 'planner') {
  const task =
    findScript(
      'What is the area of a circle of radius 3 cm in square millimetres, and how many such circles would cover 1 square metre?',
    )?.task ?? '';
  const model = () => new ScriptedModel({ tokenDelayMs: 0 });
  const models =
    mode === 'shared' ? { planner: model() } : { planner: model(), caller: model(), summarizer: model() };
  if (mode === 'shared') Object.assign(models, { caller: models.planner, summarizer: models.planner });
  const events: RunEvent[] = [];
  for await (const e of runAgent({
    task,
    mode,
    dialect: 'chat',
    tools: createToolRunner(createDefaultRegistry()),
    models,
  }))
    events.push(e);
  const trace = traceFromEvents(events);
  return trace.steps
    .filter((s) => s.role === role && s.prompt.kind === 'messages')
    .map((s) => ({ messages: s.prompt.kind === 'messages' ? s.prompt.messages : [], reply: s.raw }));
}

const USER = 'user';
const ASSISTANT = 'assistant';

/**
 * One role's model, as WebLLM's engine drives it: for each request, the reuse decision of
 * `preparePrefillInput`, then the prompt pieces of `getInputData` — all of them on a reset,
 * only the last round on reuse — then the reply's tokens, of which every one but the last
 * sampled (the stop token, never fed) enters the cache. Returns the cache's tokens per turn
 * and the tokens prefilled per turn.
 */
function simulateRole(
  turns: { messages: ChatMessage[]; reply: string }[],
  lastRound: 'installed' | 'original',
) {
  let conv: ReturnType<typeof webllm.getConversationFromChatCompletionRequest> | undefined;
  let kv: number[] = [];
  const prefilled: number[] = [];
  const caches: number[][] = [];
  for (const { messages, reply } of turns) {
    const request = { messages };
    const fresh = webllm.getConversationFromChatCompletionRequest(request, config);
    const reuse =
      conv !== undefined && fresh.messages.length > 0 && webllm.compareConversationObject(conv, fresh);
    if (!reuse) {
      conv = fresh;
      kv = [];
    }
    const active = conv as NonNullable<typeof conv>;
    const last = messages.at(-1) as ChatMessage;
    active.appendMessage(USER as never, last.content);
    active.appendReplyHeader(ASSISTANT as never);
    const pieces =
      kv.length === 0
        ? active.getPromptArray()
        : lastRound === 'installed'
          ? active.getPromptArrayLastRound()
          : // 0.2.86 as published: getPromptArrayLastRound's own body, before the patch.
            active.getPromptArrayInternal(false, active.messages.length - 2);
    const ids = pieces.flatMap((p) => Array.from(tok.encode(p as string)));
    prefilled.push(ids.length);
    kv.push(...ids, ...Array.from(tok.encode(reply)));
    active.finishReply(reply);
    caches.push([...kv]);
  }
  return { caches, prefilled };
}

/** The cache a full prefill of the same request builds: the whole conversation, then the reply. */
function fullPrefill(messages: ChatMessage[], reply: string): number[] {
  const conv = webllm.getConversationFromChatCompletionRequest({ messages }, config);
  conv.appendMessage(USER as never, (messages.at(-1) as ChatMessage).content);
  conv.appendReplyHeader(ASSISTANT as never);
  const prefix = config.conv_template.system_prefix_token_ids ?? [];
  return [
    ...prefix,
    ...conv.getPromptArray().flatMap((p) => Array.from(tok.encode(p as string))),
    ...tok.encode(reply),
  ];
}

describe('KV reuse in WebLLM 0.2.86 (issue 12 #2)', () => {
  it('the bundle still keeps the state the worker reads (cache length per loaded model)', () => {
    const source = readFileSync(createRequire(import.meta.url).resolve('@mlc-ai/web-llm'), 'utf8');
    expect(source).toContain('this.loadedModelIdToPipeline = new Map();');
    expect(source).toContain('this.filledKVCacheLength += inputLength;');
  });

  it('the cost of the fix on a 6-step run: prefilled tokens with reuse as published, patched, and with no reuse', async () => {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const totals = { original: 0, patched: 0, noReuse: 0, steps: 0 };
    for (const role of ['planner', 'caller', 'summarizer'] as const) {
      const turns = await roleTurns('multi', role);
      const patched = simulateRole(turns, 'installed').prefilled;
      const original = simulateRole(turns, 'original').prefilled;
      // The patch feeds each earlier reply's separator once ("<|im_end|>" and "\n": 2 tokens).
      for (let i = 1; i < turns.length; i++) expect((patched[i] as number) - (original[i] as number)).toBe(2);
      totals.original += sum(original);
      totals.patched += sum(patched);
      totals.noReuse += sum(turns.map((t) => fullPrefill(t.messages, '').length));
      totals.steps += turns.length;
    }
    expect(totals.steps).toBe(6);
    expect(totals.patched).toBeLessThan(totals.noReuse * 0.6);
    console.info(
      `${totals.steps} steps, byte-level tokens prefilled: ${totals.original} (0.2.86), ${totals.patched} (patched), ${totals.noReuse} (no reuse)`,
    );
  });

  it('reuses the planner’s cache turn after turn in multi mode (the app sends its replies back verbatim)', async () => {
    const turns = await roleTurns('multi');
    expect(turns.length).toBeGreaterThanOrEqual(3);
    const { prefilled } = simulateRole(turns, 'installed');
    const full = turns.map((t) => fullPrefill(t.messages, '').length);
    // Turn 1 is prefilled whole; later turns only their last round.
    expect(prefilled[0]).toBe(full[0]);
    for (let i = 1; i < turns.length; i++) expect(prefilled[i]).toBeLessThan((full[i] as number) / 2);
  });

  it('as published, a reused cache lacks the separator after every earlier reply; a full prefill has it', async () => {
    const turns = await roleTurns('multi');
    const { caches } = simulateRole(turns, 'original');
    for (let i = 1; i < turns.length; i++) {
      const reused = tok.decode(Int32Array.from(caches[i] as number[]));
      const full = tok.decode(Int32Array.from(fullPrefill(turns[i]?.messages ?? [], turns[i]?.reply ?? '')));
      expect(reused).not.toBe(full);
      // Exactly what is missing: "<|im_end|>\n" after each of the i earlier replies.
      const sep = config.conv_template.seps[0] as string;
      expect(full.length - reused.length).toBe(i * sep.length);
      expect(reused).toContain(`${turns[0]?.reply}<|im_start|>user`);
      expect(full).toContain(`${turns[0]?.reply}${sep}<|im_start|>user`);
    }
  });

  it('as installed (patches/@mlc-ai+web-llm+0.2.86.patch), the reused cache is the full prefill, token for token', async () => {
    const turns = await roleTurns('multi');
    const { caches } = simulateRole(turns, 'installed');
    for (let i = 0; i < turns.length; i++) {
      expect(caches[i]).toEqual(fullPrefill(turns[i]?.messages ?? [], turns[i]?.reply ?? ''));
    }
  });
});
