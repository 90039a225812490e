import { ToolArgumentsError } from '../errors';
import type { BuiltinTool } from '../registry';

/**
 * `text_stats`: counts of a text's characters, letters, words, sentences and lines, its
 * most frequent words, and optionally how often a substring occurs.
 *
 * Unicode-aware: characters are grapheme clusters (what a reader counts: "é" and "👍🏽" are
 * one each) and words and sentences follow `Intl.Segmenter`, which also splits Chinese or
 * Japanese text into words. Where `Intl.Segmenter` is missing (older engines), regular
 * expressions stand in: code points for characters, letter/digit runs for words,
 * terminal punctuation for sentences.
 */

export const DEFAULT_TOP_WORDS = 5;
export const MAX_TOP_WORDS = 50;

export interface Segmenters {
  graphemes(text: string): string[];
  words(text: string): string[];
  sentences(text: string): string[];
}

/** `Intl.Segmenter` based; `undefined` where the engine lacks it. */
export function intlSegmenters(): Segmenters | undefined {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return undefined;
  const grapheme = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const word = new Intl.Segmenter(undefined, { granularity: 'word' });
  const sentence = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  return {
    graphemes: (text) => Array.from(grapheme.segment(text), (s) => s.segment),
    words: (text) => Array.from(word.segment(text)).flatMap((s) => (s.isWordLike ? [s.segment] : [])),
    sentences: (text) => Array.from(sentence.segment(text), (s) => s.segment),
  };
}

// A word is a run of letters, marks and digits, joined by apostrophes or dots between them
// ("don't", "3.14"), as the Unicode word-break rules join them.
const WORD = /[\p{L}\p{M}\p{N}_]+(?:['’.][\p{L}\p{M}\p{N}_]+)*/gu;

/** Regular-expression stand-ins for engines without `Intl.Segmenter`. */
export const fallbackSegmenters: Segmenters = {
  graphemes: (text) => Array.from(text),
  words: (text) => text.match(WORD) ?? [],
  // After . ! ? (and closing quotes) followed by a space, or after a CJK full stop.
  sentences: (text) => text.split(/(?<=[.!?]["'”’)\]]*)\s+|(?<=[。！？])/u),
};

export interface TextStatsOptions {
  /** How many of the most frequent words to list. */
  top?: number;
  /** A substring whose occurrences to count. */
  countOf?: string;
  caseSensitive?: boolean;
  /** Count `countOf` only where it is not part of a longer word. */
  wholeWords?: boolean;
}

export interface WordCount {
  word: string;
  count: number;
}

export interface TextStats {
  characters: number;
  characters_without_spaces: number;
  letters: number;
  words: number;
  sentences: number;
  lines: number;
  average_word_length: number;
  top_words: WordCount[];
  count_of?: string;
  occurrences?: number;
}

const HAS_WORD = /[\p{L}\p{N}]/u;
const SPACE = /^\s+$/u;

export interface CountOptions {
  caseSensitive?: boolean;
  wholeWords?: boolean;
}

/** Non-overlapping occurrences of `needle` in `haystack`, left to right. */
export function countOccurrences(haystack: string, needle: string, options: CountOptions = {}): number {
  if (needle === '') throw new ToolArgumentsError('argument "count_of" must not be empty');
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = options.wholeWords
    ? `(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`
    : escaped;
  return haystack.match(new RegExp(pattern, options.caseSensitive ? 'gu' : 'giu'))?.length ?? 0;
}

/** Lines as an editor numbers them; a final line break does not start another line. */
function countLines(text: string): number {
  if (text === '') return 0;
  return text.replace(/(\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length;
}

function topWords(words: readonly string[], top: number): WordCount[] {
  // A Map keeps first-appearance order, which breaks ties between equal counts.
  const counts = new Map<string, number>();
  for (const word of words) {
    const key = word.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, top);
}

export function textStats(
  text: string,
  options: TextStatsOptions = {},
  segmenters: Segmenters = intlSegmenters() ?? fallbackSegmenters,
): TextStats {
  const graphemes = segmenters.graphemes(text);
  const words = segmenters.words(text);
  const wordLengths = words.reduce((sum, word) => sum + segmenters.graphemes(word).length, 0);
  const stats: TextStats = {
    characters: graphemes.length,
    characters_without_spaces: graphemes.filter((g) => !SPACE.test(g)).length,
    letters: text.match(/\p{L}/gu)?.length ?? 0,
    words: words.length,
    // A "sentence" of only spaces or punctuation is not one.
    sentences: segmenters.sentences(text).filter((s) => HAS_WORD.test(s)).length,
    lines: countLines(text),
    average_word_length: words.length ? Math.round((wordLengths / words.length) * 100) / 100 : 0,
    top_words: topWords(words, options.top ?? DEFAULT_TOP_WORDS),
  };
  if (options.countOf !== undefined) {
    stats.count_of = options.countOf;
    stats.occurrences = countOccurrences(text, options.countOf, {
      ...(options.caseSensitive === undefined ? {} : { caseSensitive: options.caseSensitive }),
      ...(options.wholeWords === undefined ? {} : { wholeWords: options.wholeWords }),
    });
  }
  return stats;
}

/** Checks a direct call's arguments; the runner has already validated them against the schema. */
function readOptions(args: Record<string, unknown>): TextStatsOptions {
  const { top, count_of: countOf, case_sensitive: caseSensitive, whole_words: wholeWords } = args;
  if (
    top !== undefined &&
    (!Number.isInteger(top) || (top as number) < 1 || (top as number) > MAX_TOP_WORDS)
  ) {
    throw new ToolArgumentsError(`argument "top" must be a whole number from 1 to ${MAX_TOP_WORDS}`);
  }
  if (countOf !== undefined && typeof countOf !== 'string') {
    throw new ToolArgumentsError('argument "count_of" must be string');
  }
  for (const [key, value] of [
    ['case_sensitive', caseSensitive],
    ['whole_words', wholeWords],
  ] as const) {
    if (value !== undefined && typeof value !== 'boolean') {
      throw new ToolArgumentsError(`argument "${key}" must be boolean`);
    }
  }
  return {
    ...(top === undefined ? {} : { top: top as number }),
    ...(countOf === undefined ? {} : { countOf }),
    ...(caseSensitive === undefined ? {} : { caseSensitive: caseSensitive as boolean }),
    ...(wholeWords === undefined ? {} : { wholeWords: wholeWords as boolean }),
  };
}

export const textStatsTool: BuiltinTool = {
  kind: 'builtin',
  definition: {
    name: 'text_stats',
    description:
      'Counts the characters, letters, words, sentences and lines of a text, its average word length ' +
      'and its most frequent words. With count_of, also counts how often a word or phrase occurs.',
    parameters: {
      type: 'object',
      properties: {
        text: { type: 'string', description: 'The text to analyse, copied exactly' },
        top: {
          type: 'integer',
          minimum: 1,
          maximum: MAX_TOP_WORDS,
          description: `How many of the most frequent words to list. Default ${DEFAULT_TOP_WORDS}`,
        },
        count_of: {
          type: 'string',
          minLength: 1,
          description:
            'A word or phrase to count in the text, e.g. "the". Also found inside longer words unless whole_words is true',
        },
        case_sensitive: {
          type: 'boolean',
          description: 'Whether count_of must match upper and lower case exactly. Default false',
        },
        whole_words: {
          type: 'boolean',
          description: 'Count count_of only as a whole word ("cat" not in "cats"). Default false',
        },
      },
      required: ['text'],
      additionalProperties: false,
    },
  },
  examples: [
    '{"text": "The cat sat. The cat slept."}',
    '{"text": "To be, or not to be: that is the question.", "count_of": "be", "whole_words": true}',
  ],
  async run(args, ctx) {
    const { text } = args;
    if (typeof text !== 'string') throw new ToolArgumentsError('argument "text" must be string');
    ctx.signal.throwIfAborted();
    return textStats(text, readOptions(args));
  },
};
