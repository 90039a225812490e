import { describe, expect, it } from 'vitest';
import { validateArguments } from '../../agent/validate-args';
import { ToolArgumentsError } from '../errors';
import type { ToolContext } from '../registry';
import {
  countOccurrences,
  fallbackSegmenters,
  intlSegmenters,
  type Segmenters,
  textStats,
  textStatsTool,
} from './text-stats';

function ctx(signal: AbortSignal = new AbortController().signal): ToolContext {
  return { signal, log: () => {} };
}

function run(args: Record<string, unknown>): Promise<unknown> {
  return textStatsTool.run(args, ctx());
}

const intl = intlSegmenters();
if (!intl) throw new Error('these tests expect Intl.Segmenter (Node 16+)');
const both: [string, Segmenters][] = [
  ['Intl.Segmenter', intl],
  ['the fallback', fallbackSegmenters],
];

describe('text_stats', () => {
  it('counts a short text exactly', async () => {
    expect(await run({ text: 'The cat sat. The cat slept.' })).toEqual({
      characters: 27,
      characters_without_spaces: 22,
      letters: 20,
      words: 6,
      sentences: 2,
      lines: 1,
      average_word_length: 3.33,
      top_words: [
        { word: 'the', count: 2 },
        { word: 'cat', count: 2 },
        { word: 'sat', count: 1 },
        { word: 'slept', count: 1 },
      ],
    });
  });

  it('handles the empty text', async () => {
    expect(await run({ text: '' })).toEqual({
      characters: 0,
      characters_without_spaces: 0,
      letters: 0,
      words: 0,
      sentences: 0,
      lines: 0,
      average_word_length: 0,
      top_words: [],
    });
  });

  for (const [label, segmenters] of both) {
    describe(`with ${label}`, () => {
      const stats = (text: string) => textStats(text, {}, segmenters);

      it.each([
        ['Hello world. How are you? Fine!', 6, 3],
        ["Don't stop: it's well-known.", 5, 1],
        ['Pi is 3.14, e is 2.72.', 6, 1],
        ['“Really?” she asked. Yes.', 4, 3],
        ['No. Yes! Maybe?', 3, 3],
        ['   ...   ', 0, 0],
      ])('counts words and sentences of %j', (text, words, sentences) => {
        expect(stats(text)).toMatchObject({ words, sentences });
      });

      it('counts lines as an editor numbers them', () => {
        expect(stats('a\nb\n').lines).toBe(2);
        expect(stats('a\r\nb').lines).toBe(2);
        expect(stats('a\n\nb').lines).toBe(3);
        expect(stats('a').lines).toBe(1);
      });

      it('counts letters of any script, with and without combining marks', () => {
        expect(stats('naïve café').letters).toBe(9);
        expect(stats('nai\u0308ve cafe\u0301').letters).toBe(9);
        expect(stats('Привет, мир').letters).toBe(9);
        expect(stats('Привет, мир').words).toBe(2);
      });
    });
  }

  it('counts what a reader sees as one character as one (Intl.Segmenter)', () => {
    const text = 'naïve cafe\u0301 👍🏽';
    expect(textStats(text, {}, intl)).toMatchObject({
      characters: 12,
      characters_without_spaces: 10,
      words: 2,
    });
    // Without grapheme segmentation, the combining accent and the skin tone count extra.
    expect(textStats(text, {}, fallbackSegmenters)).toMatchObject({ characters: 14, words: 2 });
  });

  it('splits Japanese into sentences', () => {
    const text = '今日は良い天気です。散歩しましょう。';
    expect(textStats(text, {}, intl).sentences).toBe(2);
    expect(textStats(text, {}, intl).words).toBeGreaterThan(2);
    expect(textStats(text, {}, fallbackSegmenters).sentences).toBe(2);
  });

  it('lists the top N words, ties in order of first appearance', async () => {
    const text = 'b a c a b a d';
    expect(textStats(text, { top: 2 }).top_words).toEqual([
      { word: 'a', count: 3 },
      { word: 'b', count: 2 },
    ]);
    expect(textStats(text, { top: 50 }).top_words.map((w) => w.word)).toEqual(['a', 'b', 'c', 'd']);
    expect(textStats('Apple apple APPLE', { top: 1 }).top_words).toEqual([{ word: 'apple', count: 3 }]);
  });

  it('counts occurrences of count_of', async () => {
    const text = 'The cat sat on the mat with another cat.';
    expect(await run({ text, count_of: 'the' })).toMatchObject({ count_of: 'the', occurrences: 3 });
    expect(await run({ text, count_of: 'the', whole_words: true })).toMatchObject({ occurrences: 2 });
    expect(await run({ text, count_of: 'the', case_sensitive: true })).toMatchObject({ occurrences: 2 });
    expect(await run({ text, count_of: 'the', case_sensitive: true, whole_words: true })).toMatchObject({
      occurrences: 1,
    });
    expect(await run({ text, count_of: 'dog' })).toMatchObject({ occurrences: 0 });
  });

  it('counts substrings literally and without overlaps', () => {
    expect(countOccurrences('3.5 and 3x5 and 3.5', '3.5')).toBe(2);
    expect(countOccurrences('aaaa', 'aa')).toBe(2);
    expect(countOccurrences('(a) (a) a', '(a)')).toBe(2);
    expect(countOccurrences('Übermut über ÜBER', 'über')).toBe(3);
    expect(countOccurrences('Übermut über ÜBER', 'über', { wholeWords: true })).toBe(2);
    expect(countOccurrences('café cafés', 'café', { wholeWords: true })).toBe(1);
  });

  it('rejects bad arguments with named errors', async () => {
    await expect(run({ text: 'a', count_of: '' })).rejects.toThrow('argument "count_of" must not be empty');
    await expect(run({ text: 'a', top: 0 })).rejects.toThrow(ToolArgumentsError);
    await expect(run({ text: 'a', top: 2.5 })).rejects.toThrow(
      'argument "top" must be a whole number from 1 to 50',
    );
    await expect(run({ text: 'a', whole_words: 'yes' })).rejects.toThrow(
      'argument "whole_words" must be boolean',
    );
    await expect(run({ text: 42 })).rejects.toThrow('argument "text" must be string');
  });

  it('stops when its signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(textStatsTool.run({ text: 'a' }, ctx(controller.signal))).rejects.toThrow('stop');
  });

  it('has a strict schema', () => {
    const { definition } = textStatsTool;
    expect(definition.name).toBe('text_stats');
    expect(validateArguments(definition, { text: 'hi' })).toEqual({ ok: true });
    expect(validateArguments(definition, { text: 'hi', top: 3, count_of: 'h', whole_words: true })).toEqual({
      ok: true,
    });
    expect(validateArguments(definition, {}).ok).toBe(false);
    expect(validateArguments(definition, { text: 'hi', top: 51 }).ok).toBe(false);
    expect(validateArguments(definition, { text: 'hi', count_of: '' }).ok).toBe(false);
    expect(validateArguments(definition, { text: 'hi', language: 'en' }).ok).toBe(false);
  });

  it('has examples that parse, fit the schema and run', async () => {
    for (const example of textStatsTool.examples ?? []) {
      const args = JSON.parse(example) as Record<string, unknown>;
      expect(validateArguments(textStatsTool.definition, args)).toEqual({ ok: true });
      expect(await run(args)).toHaveProperty('words');
    }
  });
});
