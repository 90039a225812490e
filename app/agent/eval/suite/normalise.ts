/**
 * Reading a final answer: answers are prose, often Markdown ("**$16.65**", "≈ 353.7",
 * "8.5 million km²"). These functions turn that text into words and numbers a checker can
 * compare, and say in tests exactly what they accept.
 */

/** Markdown links and images become their text; emphasis, code, heading and quote markers go. */
export function stripMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/^[ \t]*(?:#{1,6}|>)+[ \t]*/gm, '');
}

/**
 * The words of a text for phrase matching: lower case, accents removed ("Brasília" →
 * "brasilia"), compatibility forms folded (full-width letters, ligatures), Markdown dropped,
 * and split on everything that is not a letter or a digit — so punctuation and spacing never
 * decide a match ("South-Eastern Asia" = "south eastern asia", "June 9, 2025" = "June 9 2025").
 */
export function words(text: string): string[] {
  const folded = stripMarkdown(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** True when the words of `phrase` appear in `text`, in order and next to each other (whole words only). */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = words(phrase);
  if (needle.length === 0) return false;
  const hay = words(text);
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const SCALE: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * ISO 4217 codes answers write straight before an amount ("USD52.67"): a number glued to
 * these letters is read, glued to any other letters it is not ("CO2", "km2").
 */
const CURRENCY_CODES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CNY',
  'RMB',
  'AUD',
  'CAD',
  'CHF',
  'NZD',
  'INR',
  'HKD',
  'SGD',
  'SEK',
  'NOK',
  'DKK',
  'KRW',
  'BRL',
  'MXN',
  'ZAR',
  'RUB',
  'TRY',
  'PLN',
  'TWD',
  'THB',
  'IDR',
  'NGN',
  'KES',
];

/**
 * A number as answers write it:
 * - an optional minus (ASCII or U+2212), only where it cannot be a hyphen between digits or
 *   letters ("2025-06-09" is three numbers, none negative);
 * - digits with optional thousands separators — commas, or thin/no-break spaces — in groups
 *   of three ("8,515,767", "8 515 767"); a comma followed by anything else separates a
 *   list, so "3,14" is 3 and 14 (decimal commas are not read). A normal space between groups
 *   ("12 600", SI style) is read only when the caller asks (`spaceGroups`): the numeric checker
 *   does when it expects a value of 1000 or more, where "12 600" is one number; below that a
 *   space keeps two numbers apart;
 * - an optional decimal part, or a bare ".5";
 * - an optional exponent: "7.890048e+8" (mathjs prints large results so), "1.5 × 10^6", "10⁶";
 * - an optional scale word: "8.5 million", "1.2 billion".
 * A number glued to a preceding Latin, Greek or Cyrillic letter is not read ("CO2", "km2",
 * "x2"), unless the letters are a currency code ("USD52.67"); after Chinese or Japanese text
 * it is ("答案是16"). A unit exponent ("m^2") is not a number of the answer. Ordinal suffixes
 * are no problem ("3rd" reads as 3); percent signs and currency symbols are ignored.
 */
function numberPattern(spaceGroups: boolean): RegExp {
  const groups = [
    String.raw`\d{1,3}(?:,\d{3})+(?!\d)`,
    String.raw`\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)`,
    ...(spaceGroups ? [String.raw`\d{1,3}(?: \d{3})+(?!\d)`] : []),
    String.raw`\d+`,
    String.raw`(?=\.\d)`,
  ];
  return new RegExp(
    String.raw`(?:(?<=(?<![\p{L}\p{N}])(?:${CURRENCY_CODES.join('|')}))|(?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}_.^]))(-)?` +
      `(${groups.join('|')})` +
      String.raw`(\.\d+)?` +
      String.raw`(?:[eE]([-+]?\d+)|[ \t]*[x×*·][ \t]*10(?:\^\(?([-+]?\d+)\)?|([⁻⁺]?[${SUPERSCRIPT}]+)))?` +
      String.raw`(?:[ \t]+(thousand|million|billion|trillion)\b)?`,
    'giu',
  );
}

const NUMBER = numberPattern(false);
const NUMBER_SPACE_GROUPS = numberPattern(true);

function superscriptNumber(text: string): number {
  let sign = 1;
  let digits = '';
  for (const ch of text) {
    if (ch === '⁻') sign = -1;
    else if (ch !== '⁺') digits += String(SUPERSCRIPT.indexOf(ch));
  }
  return sign * Number(digits);
}

export interface NumberOptions {
  /** Read a normal space between digit groups as a thousands separator ("12 600"). */
  spaceGroups?: boolean;
}

/** A number found in a text, with where it stands (offsets into the text as given). */
export interface NumberToken {
  value: number;
  start: number;
  end: number;
}

/**
 * Every number of a plain text (no Markdown removed: offsets must stay valid), in order.
 * Full-width digits and U+2212 minus are read as ASCII; both keep the text's length.
 */
export function numberTokens(text: string, options: NumberOptions = {}): NumberToken[] {
  const plain = text.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/\u2212/g, '-');
  const tokens: NumberToken[] = [];
  for (const m of plain.matchAll(options.spaceGroups ? NUMBER_SPACE_GROUPS : NUMBER)) {
    const [, minus, whole = '', fraction = '', exp, caretExp, superExp, scale] = m;
    if (whole === '' && fraction === '') continue;
    let value = Number(`${whole.replace(/[, \u00a0\u202f\u2009]/g, '') || '0'}${fraction}`);
    if (exp !== undefined) value *= 10 ** Number(exp);
    else if (caretExp !== undefined) value *= 10 ** Number(caretExp);
    else if (superExp !== undefined) value *= 10 ** superscriptNumber(superExp);
    if (scale) value *= SCALE[scale.toLowerCase()] ?? 1;
    if (minus) value = -value;
    if (Number.isFinite(value)) tokens.push({ value, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Every number the text states, in order, as JavaScript numbers (see `numberPattern` for what counts). */
export function extractNumbers(text: string, options: NumberOptions = {}): number[] {
  return numberTokens(stripMarkdown(text), options).map((t) => t.value);
}
