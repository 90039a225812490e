import type { SummarizerParse } from '../types';
import { stripEos } from './json';

// An echoed role label: `conclusion:` (the α-UMi cue) or `Final Answer:`, possibly in Markdown
// bold or after a heading mark. The reference code also drops a leading `: `.
const LABEL = /^[#>*_ \t]*(?:conclusion|final[ \t]+answer)[ \t*_]*:[ \t*_]*/i;
const BARE_COLON = /^:[ \t]*/;

/**
 * Summarizer output: the answer text, trimmed, without a trailing `</s>` and without a leading
 * `conclusion:` / `Final Answer:` label the model may have echoed. Empty → `empty: true`.
 */
export function parseSummarizer(text: string): SummarizerParse {
  let answer = stripEos(text).trim();
  // Twice at most: `conclusion: Final Answer: ...` happens; a third label would be content.
  for (let i = 0; i < 2; i++) answer = answer.replace(BARE_COLON, '').replace(LABEL, '').trim();
  return { answer, empty: answer === '' };
}
