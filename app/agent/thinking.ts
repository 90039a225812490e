/**
 * Reasoning ("thinking") models write `<think>…</think>` before their answer: Qwen3 unless told
 * not to (WebLLM's `extra_body.enable_thinking: false`, which still emits an empty block), and
 * DeepSeek-R1 distills always. The block is not part of the answer: parsers and the next role
 * see the text without it; the step card still shows it.
 */
export function splitThinking(text: string): { thinking?: string; answer: string } {
  const open = /^\s*<think>/.exec(text);
  if (!open) return { answer: text };
  const end = text.indexOf('</think>', open[0].length);
  // Cut off while thinking (max_tokens): everything is thinking, there is no answer yet.
  if (end < 0) return { thinking: text.slice(open[0].length).trim(), answer: '' };
  const thinking = text.slice(open[0].length, end).trim();
  const answer = text.slice(end + '</think>'.length).replace(/^\s+/, '');
  return thinking ? { thinking, answer } : { answer };
}

/**
 * How a WebLLM model thinks, from its id: `switch` models (Qwen3's hybrid ones) can be told not
 * to; `always` models (DeepSeek-R1 distills, QwQ) cannot; `none` never think.
 */
export function thinkingKind(modelId: string): 'switch' | 'always' | 'none' {
  if (/deepseek-r1|qwq/i.test(modelId)) return 'always';
  if (/^qwen3-/i.test(modelId) && !/instruct-2507/i.test(modelId)) return 'switch';
  return 'none';
}
