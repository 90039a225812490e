import type { ChatMessage } from './types';

/**
 * Keeps a role's conversation inside its model's context window, before the request is sent
 * (WebLLM would stop at the window with `length`, then refuse the next request with
 * `ContextWindowSizeExceededError`, ending the run). The α-UMi reference left-truncates to a
 * fixed budget (`Collator`, `max_input_length`); messages are cut by a stated rule instead:
 *
 * 1. shorten old observations first (oldest first; in the conversation's later messages, and
 *    the `Observation:` lines of the summarizer's transcript), to {@link SHORT_OBSERVATION} characters;
 * 2. then drop the oldest turns (an assistant message and the user message after it);
 * 3. never the system message (the tool list), the first user message's task, or the last
 *    message (the newest observation).
 *
 * Chat conversations are cut as messages ({@link fitMessages}); text prompts (the alpha-umi
 * dialect rebuilds the whole prompt for every request) are cut as history turns by the same
 * rule before the prompt is built ({@link fitHistory}), so the tool list and the template
 * stay whole, where a left-truncation of the text would cut the tool list first.
 *
 * Tokens are estimated, not counted: the page has no tokenizer for WebLLM's models. The
 * estimate is deliberately high: {@link CHARS_PER_TOKEN} characters a token for ASCII text
 * (English BPE averages about 4), and one token for every digit (Llama 2 and Qwen2 split
 * numbers digit by digit) and every character outside ASCII (CJK text is about one token a
 * character, an emoji or an accented letter can be more than one byte-level piece but rarely
 * more than one token in these vocabularies), so a cut prompt fits with room to spare.
 */
export const CHARS_PER_TOKEN = 3;
const MESSAGE_OVERHEAD = 6;
export const SHORT_OBSERVATION = 200;
const CUT_MARK = ' … [cut to fit the context window]';

export interface ContextCut {
  /** The window the prompt had to fit, less the room kept for the output. */
  budgetTokens: number;
  estimatedBefore: number;
  estimatedAfter: number;
  observationsShortened: number;
  turnsDropped: number;
}

export function estimateMessageTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + estimateTextTokens(m.content) + MESSAGE_OVERHEAD, 0);
}

function shorten(text: string): string {
  return text.length > SHORT_OBSERVATION + CUT_MARK.length
    ? text.slice(0, SHORT_OBSERVATION) + CUT_MARK
    : text;
}

/** Shortens the `Observation:` lines of a message but its last one; returns how many changed. */
function shortenObservationLines(content: string, keepLast: boolean): { content: string; changed: number } {
  const lines = content.split('\n');
  const observations = lines.flatMap((line, i) => (line.startsWith('Observation: ') ? [i] : []));
  const cuttable = keepLast ? observations.slice(0, -1) : observations;
  let changed = 0;
  for (const i of cuttable) {
    const line = lines[i] as string;
    const short = shorten(line);
    if (short !== line) {
      lines[i] = short;
      changed++;
    }
  }
  return { content: lines.join('\n'), changed };
}

/**
 * The conversation cut to `budgetTokens` by the rule above, and what was cut (undefined when
 * nothing had to be). When even the protected messages do not fit, it returns them as they
 * are: the engine then reports the overflow with its own error.
 */
export function fitMessages(
  messages: readonly ChatMessage[],
  budgetTokens: number,
): { messages: ChatMessage[]; cut?: ContextCut } {
  const before = estimateMessageTokens(messages);
  if (before <= budgetTokens) return { messages: messages.map((m) => ({ ...m })) };
  const out = messages.map((m) => ({ ...m }));
  let shortened = 0;
  let dropped = 0;
  const fits = () => estimateMessageTokens(out) <= budgetTokens;
  const firstUser = out.findIndex((m) => m.role === 'user');
  // 1. Old observations, oldest first: the messages between the first user message and the
  //    last one, then the observation lines inside the first user message (a transcript).
  for (let i = firstUser + 1; i < out.length - 1 && !fits(); i++) {
    const m = out[i] as ChatMessage;
    if (m.role !== 'user') continue;
    const { content, changed } = shortenObservationLines(m.content, false);
    const short = changed > 0 ? content : shorten(m.content);
    if (short !== m.content) {
      m.content = short;
      shortened += Math.max(1, changed);
    }
  }
  if (!fits() && firstUser >= 0) {
    const m = out[firstUser] as ChatMessage;
    const keepLast = firstUser === out.length - 1;
    const { content, changed } = shortenObservationLines(m.content, keepLast);
    m.content = content;
    shortened += changed;
  }
  // 2. The oldest turns: an assistant message and the user message after it, never the last.
  while (!fits()) {
    const at = out.findIndex((m, i) => i > firstUser && m.role === 'assistant' && i + 1 < out.length - 1);
    if (at < 0) break;
    out.splice(at, 2);
    dropped++;
  }
  return {
    messages: out,
    cut: {
      budgetTokens,
      estimatedBefore: before,
      estimatedAfter: estimateMessageTokens(out),
      observationsShortened: shortened,
      turnsDropped: dropped,
    },
  };
}

/** One turn of a text-prompt history (the alpha-umi dialect's `HistoryTurn`). */
export interface BudgetTurn {
  from: string;
  value: string;
}

/** Digits and characters outside ASCII one token each, other text {@link CHARS_PER_TOKEN} characters a token. */
export function estimateTextTokens(text: string): number {
  let single = 0;
  let ascii = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if ((code >= 48 && code <= 57) || code > 127) single++;
    else ascii++;
  }
  return single + Math.ceil(ascii / CHARS_PER_TOKEN);
}

/**
 * A text-prompt history (alpha-umi: the whole prompt is rebuilt from the turns for every
 * request) cut to `budgetTokens` by the same rule as {@link fitMessages}, measured on the
 * prompt `render` builds from the turns:
 *
 * 1. shorten old observations, oldest first, never the last one;
 * 2. then drop the oldest rounds (a planner turn and the call, observation and other turns
 *    up to the next planner or user turn), never the round holding the last observation or
 *    the last turn;
 * 3. never the first user turn (the task) or the tool list (the template's part of `render`).
 */
export function fitHistory<T extends BudgetTurn>(
  turns: readonly T[],
  render: (turns: readonly T[]) => string,
  budgetTokens: number,
): { turns: T[]; cut?: ContextCut } {
  const before = estimateTextTokens(render(turns));
  if (before <= budgetTokens) return { turns: turns.map((t) => ({ ...t })) };
  let out = turns.map((t) => ({ ...t }));
  const fits = () => estimateTextTokens(render(out)) <= budgetTokens;
  const firstUser = out.findIndex((t) => t.from === 'user');
  const lastObservation = out.map((t) => t.from).lastIndexOf('observation');
  let shortened = 0;
  for (let i = firstUser + 1; i < out.length && !fits(); i++) {
    const turn = out[i] as T;
    if (turn.from !== 'observation' || i === lastObservation) continue;
    const short = shorten(turn.value);
    if (short !== turn.value) {
      turn.value = short;
      shortened++;
    }
  }
  let dropped = 0;
  while (!fits()) {
    const start = out.findIndex((t, i) => i > firstUser && t.from === 'assistant');
    if (start < 0) break;
    let end = start + 1;
    while (end < out.length && out[end]?.from !== 'assistant' && out[end]?.from !== 'user') end++;
    const protectedAt = [out.length - 1, out.map((t) => t.from).lastIndexOf('observation')];
    if (protectedAt.some((i) => i >= start && i < end)) break;
    out = [...out.slice(0, start), ...out.slice(end)];
    dropped++;
  }
  return {
    turns: out,
    cut: {
      budgetTokens,
      estimatedBefore: before,
      estimatedAfter: estimateTextTokens(render(out)),
      observationsShortened: shortened,
      turnsDropped: dropped,
    },
  };
}
