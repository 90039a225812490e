/**
 * WebLLM 0.2.86's own stop handling (`LLMChatPipeline.processNextToken`, run from its bundle on
 * a stand-in `this` that holds only what the method reads: no GPU, no weights) on the stop
 * strings the app sends. It shows why the worker takes the reply from `getMessage()` (#8):
 * while a multi-token stop string is being written, WebLLM's message shows its first pieces,
 * then drops them, so text rebuilt from the growing message is not what the model replied.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlannerAlphaUmi } from '../../../agent/parse/planner';
import {
  loadWebLlmInternals,
  type NodeTokenizer,
  tokenizerFromJson,
} from '../../../test-support/webllm-internals';
import { buildWorkerRequest } from '../protocol';
import { byteLevelTokenizerJson, LLAMA_SPECIAL } from './byte-level-tokenizer';

const webllm = loadWebLlmInternals();

/** The fields processNextToken reads and writes, as LLMChatPipeline initialises them. */
function pipelineState(tokenizer: NodeTokenizer, stopTokens: number[]) {
  return {
    stopTriggered: false,
    finishReason: undefined as string | undefined,
    stopStr: [] as string[],
    stopTokens,
    outputIds: [] as number[],
    outputMessage: '',
    appearedTokensFreq: new Map<number, number>(),
    tokenizer,
    conversation: { isTextCompletion: true },
    slidingWindowSize: -1,
    contextWindowSize: 4096,
    filledKVCacheLength: 0,
  };
}

/** The alpha-umi planner request the app builds: its `stop` and `max_tokens` go to WebLLM. */
const plannerBody = buildWorkerRequest({
  role: 'planner',
  prompt: { kind: 'text', text: 'user: What is 2 + 2?</s> assistant: ' },
  sampling: { temperature: 0, maxTokens: 64 },
  context: { task: 't', mode: 'multi', dialect: 'alpha-umi', turn: 1, tools: [] },
}).body as { stop: string[]; max_tokens: number };

function generate(state: ReturnType<typeof pipelineState>, ids: Iterable<number>) {
  const messages: string[] = [];
  for (const id of ids) {
    if (state.stopTriggered) break;
    webllm.LLMChatPipeline.prototype.processNextToken.call(state, id, {
      stop: plannerBody.stop,
      max_tokens: plannerBody.max_tokens,
    });
    messages.push(state.outputMessage);
  }
  return messages;
}

const REPLY = 'Multiply the two numbers.\n Next: caller.';

describe("WebLLM's stop handling on the app's alpha-umi requests (issue 12 #8)", () => {
  let plain: NodeTokenizer;
  let llama: NodeTokenizer;
  beforeAll(async () => {
    plain = await tokenizerFromJson(byteLevelTokenizerJson([]));
    llama = await tokenizerFromJson(byteLevelTokenizerJson(LLAMA_SPECIAL));
  });

  it('the app sends </s> as the stop string', () => {
    expect(plannerBody.stop).toEqual(['</s>']);
  });

  it('a build without </s> as a token: the stop string ends the reply and is cut from it', () => {
    const state = pipelineState(plain, []);
    const messages = generate(state, plain.encode(`${REPLY}</s>user: more`));
    expect(state.finishReason).toBe('stop');
    expect(state.outputMessage).toBe(REPLY);
    // Stopped on the stop string's last piece: nothing after it was taken.
    expect(messages).toHaveLength(plain.encode(`${REPLY}</s>`).length);
    expect(parsePlannerAlphaUmi(state.outputMessage).decision).toBe('caller');
  });

  it('the growing message is not prefix-stable: "</" shows, then goes', () => {
    const state = pipelineState(plain, []);
    const messages = generate(state, plain.encode(`${REPLY}</s>`));
    const partial = messages.find((m) => m.endsWith('</'));
    expect(partial).toBe(`${REPLY}</`);
    expect(state.outputMessage.startsWith(partial as string)).toBe(false);
    // Text rebuilt by appending each step's growth keeps the pieces WebLLM later dropped.
    let rebuilt = '';
    for (const m of messages) if (m.startsWith(rebuilt)) rebuilt = m;
    expect(rebuilt).not.toBe(state.outputMessage);
  });

  it('a build with </s> as its EOS token: the token stops it and never enters the message', () => {
    const eos = llama.encode('</s>');
    expect(eos).toHaveLength(1);
    const state = pipelineState(llama, [eos[0] as number]);
    generate(state, llama.encode(`${REPLY}</s>user: more`));
    expect(state.finishReason).toBe('stop');
    expect(state.outputMessage).toBe(REPLY);
    expect(state.outputIds).toHaveLength(llama.encode(REPLY).length);
  });

  it('max_tokens ends the reply with finish reason length', () => {
    const state = pipelineState(plain, []);
    generate(state, plain.encode('x'.repeat(200)));
    expect(state.finishReason).toBe('length');
    expect(state.outputIds).toHaveLength(plannerBody.max_tokens);
  });
});
