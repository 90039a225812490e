import { describe, expect, it } from 'vitest';
import { containsPhrase, extractNumbers, numberTokens, stripMarkdown, words } from './normalise';

describe('words', () => {
  it('lower-cases, drops accents, Markdown and punctuation', () => {
    expect(words('**Brasília**, the _capital_.')).toEqual(['brasilia', 'the', 'capital']);
    expect(words('South-Eastern Asia')).toEqual(['south', 'eastern', 'asia']);
    expect(words('[Canberra](https://example.org) `DEU`')).toEqual(['canberra', 'deu']);
  });

  it('folds compatibility forms (full-width letters, ligatures)', () => {
    expect(words('ＤＥＵ ﬁne')).toEqual(['deu', 'fine']);
  });

  it('keeps Chinese text as word runs', () => {
    expect(words('答案是堪培拉。')).toEqual(['答案是堪培拉']);
  });
});

describe('containsPhrase', () => {
  it('matches whole words in order, ignoring case and punctuation', () => {
    expect(containsPhrase('It was a **Sunday**.', 'Sunday')).toBe(true);
    expect(containsPhrase('Monday, 9 June 2025', 'June 9 2025')).toBe(false);
    expect(containsPhrase('June 9, 2025 (a Monday)', 'June 9 2025')).toBe(true);
    expect(containsPhrase('Peru is in South America.', 'south america')).toBe(true);
  });

  it('never matches inside a longer word', () => {
    expect(containsPhrase('Sundays are quiet', 'Sunday')).toBe(false);
    expect(containsPhrase('the yens', 'yen')).toBe(false);
    expect(containsPhrase('Brasil is Brazil', 'Brasília')).toBe(false);
  });

  it('an empty phrase matches nothing', () => {
    expect(containsPhrase('anything', '  ...  ')).toBe(false);
  });
});

describe('extractNumbers', () => {
  it('reads numbers in Markdown prose with currency, units and percent signs', () => {
    expect(extractNumbers('You spend **$16.65** in total: $14.25 on notebooks.')).toEqual([16.65, 14.25]);
    expect(extractNumbers('about 48.3% larger; ≈ 353.7 circles; 22.2 °C')).toEqual([48.3, 353.7, 22.2]);
  });

  it('reads thousands separators (commas, thin and no-break spaces) but not decimal commas', () => {
    expect(extractNumbers('8,515,767 km²')).toEqual([8515767]);
    expect(extractNumbers('8\u202f515\u202f767 and 1\u00a0200')).toEqual([8515767, 1200]);
    expect(extractNumbers('3,14')).toEqual([3, 14]);
    expect(extractNumbers('1,2345')).toEqual([1, 2345]);
    expect(extractNumbers('$1,234.50')).toEqual([1234.5]);
  });

  it('reads negatives (ASCII and U+2212) but not hyphens between digits', () => {
    expect(extractNumbers('It is -5 degrees, or −3 °C.')).toEqual([-5, -3]);
    expect(extractNumbers('on 2025-06-09')).toEqual([2025, 6, 9]);
    expect(extractNumbers('(-2)')).toEqual([-2]);
  });

  it('reads exponents the ways tools and answers write them', () => {
    expect(extractNumbers('7.890048e+8 s')).toEqual([789004800]);
    expect(extractNumbers('2.6943529918763e+5 m^2')[0]).toBeCloseTo(269435.29918763, 6);
    expect(extractNumbers('1.5 × 10^6 and 2 x 10⁻³')).toEqual([1.5e6, 0.002]);
    expect(extractNumbers('3 x 10 = 30')).toEqual([3, 10, 30]);
  });

  it('reads scale words', () => {
    expect(extractNumbers('about 8.5 million km² and 1.4 Billion people')).toEqual([8.5e6, 1.4e9]);
    expect(extractNumbers('two thousand')).toEqual([]);
  });

  it('reads a bare decimal and ordinals, skips digits glued to letters', () => {
    expect(extractNumbers('.5 of it')).toEqual([0.5]);
    expect(extractNumbers('the 3rd of May')).toEqual([3]);
    expect(extractNumbers('CO2 and km2 and x2')).toEqual([]);
  });

  it('reads full-width digits and ignores a trailing full stop', () => {
    expect(extractNumbers('答案是１６。')).toEqual([16]);
    expect(extractNumbers('It is 42.')).toEqual([42]);
  });

  it('finds nothing in text without numbers', () => {
    expect(extractNumbers('I cannot know that.')).toEqual([]);
  });
});

describe('stripMarkdown', () => {
  it('keeps link text and drops heading and quote markers', () => {
    expect(stripMarkdown('# Title\n> quoted [text](http://x)')).toBe('Title\nquoted text');
  });
});

describe('numberTokens options and edge cases (review #12)', () => {
  it('reads an amount glued to a currency code, not to other letters', () => {
    expect(extractNumbers('USD52.67 each, EUR 12 or RMB8')).toEqual([52.67, 12, 8]);
    expect(extractNumbers('MP3 and ABC12 and xUSD5')).toEqual([]);
  });

  it('reads a normal-space thousands group only when asked, and never across a word', () => {
    expect(extractNumbers('12 600 seconds')).toEqual([12, 600]);
    expect(extractNumbers('12 600 seconds', { spaceGroups: true })).toEqual([12600]);
    expect(extractNumbers('1 234 567.5', { spaceGroups: true })).toEqual([1234567.5]);
    expect(extractNumbers('12 and 600', { spaceGroups: true })).toEqual([12, 600]);
    expect(extractNumbers('12 6000', { spaceGroups: true })).toEqual([12, 6000]);
  });

  it('a unit exponent is not a number ("m^2"), a power of ten still is', () => {
    expect(extractNumbers('269,435 m^2')).toEqual([269435]);
    expect(extractNumbers('1.5 × 10^6 m^3')).toEqual([1.5e6]);
  });

  it('gives positions into the text as given', () => {
    expect(numberTokens('a 12 b -3.5')).toEqual([
      { value: 12, start: 2, end: 4 },
      { value: -3.5, start: 7, end: 11 },
    ]);
  });
});
