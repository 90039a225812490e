/**
 * Issue 12 #1: α-UMi prompts reach a Llama-2 model with `<s>` first, as in the reference
 * (`infer_pipeline.py`). Checked with WebLLM 0.2.86's own text-completion conversation code and
 * request checks, and a Llama-style `tokenizer.json` run by web-tokenizers.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type ChatConfig,
  loadWebLlmInternals,
  tokenizerFromJson,
} from '../../../test-support/webllm-internals';
import { ALPHA_UMI_BOS, buildWorkerRequest } from '../protocol';
import { byteLevelTokenizerJson, LLAMA_SPECIAL } from './byte-level-tokenizer';

const webllm = loadWebLlmInternals();
const config = JSON.parse(
  readFileSync(fileURLToPath(new URL('./qwen2-0.5b-mlc-chat-config.json', import.meta.url)), 'utf8'),
) as ChatConfig;

describe('BOS on alpha-umi prompts (issue 12 #1)', () => {
  const prompt = 'You have access to the following apis:\n...\nuser: What is 2+2?</s>assistant: ';
  const request = buildWorkerRequest({
    role: 'planner',
    prompt: { kind: 'text', text: prompt },
    sampling: { temperature: 0, maxTokens: 8 },
    context: { task: 't', mode: 'multi', dialect: 'alpha-umi', turn: 1, tools: [] },
  });

  it('WebLLM’s text-completion path prefills the prompt exactly as given: no prefix tokens of its own', () => {
    const conv = webllm.getConversation(config.conv_template, undefined, true);
    conv.prompt = 'abc';
    expect(conv.getPromptArrayTextCompletion()).toEqual(['abc']);
  });

  it('so the request carries <s> itself, and WebLLM accepts it', () => {
    expect(request.kind).toBe('completion');
    const body = request.body as { prompt: string };
    expect(body.prompt).toBe(`${ALPHA_UMI_BOS}${prompt}`);
    expect(() => webllm.postInitAndCheckFieldsCompletion({ ...request.body }, 'm')).not.toThrow();
  });

  it('a tokenizer.json with Llama’s special tokens encodes the leading <s> as BOS and </s> as EOS', async () => {
    const tok = await tokenizerFromJson(byteLevelTokenizerJson(LLAMA_SPECIAL));
    const bos = 256 + LLAMA_SPECIAL.indexOf('<s>');
    const eos = 256 + LLAMA_SPECIAL.indexOf('</s>');
    const ids = Array.from(tok.encode((request.body as { prompt: string }).prompt));
    expect(ids[0]).toBe(bos);
    expect(ids.filter((id) => id === bos)).toHaveLength(1);
    expect(ids.filter((id) => id === eos)).toHaveLength(1);
  });
});
