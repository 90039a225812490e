/**
 * Python's `json.loads` (default, strict mode, C scanner) and `==` on its results, for the
 * argument F1 of the reference evaluation. `JSON.parse` differs: Python also reads `NaN`,
 * `Infinity` and `-Infinity`, keeps integers exact (`int`, here `bigint`) and apart from
 * floats, and its `==` makes `1 == 1.0 == True`.
 *
 * Values: `null`, `boolean`, `bigint` (int), `number` (float), `string`, arrays, and `Map`
 * for objects (insertion order as a Python dict: a repeated key keeps its first place and
 * takes the last value).
 */
export type PyValue = null | boolean | bigint | number | string | PyValue[] | PyDict;
export type PyDict = Map<string, PyValue>;

export type PyLoadsResult = { ok: true; value: PyValue } | { ok: false; error: string };

class DecodeError extends Error {
  override name = 'JSONDecodeError';
}

/** CPython refuses to convert an int of more than 4300 digits (3.11+, `sys.int_info`). */
const MAX_INT_DIGITS = 4300;
/** Deeper nesting raises RecursionError in Python (limit 1000, minus the caller's frames). */
const MAX_DEPTH = 990;

const isWs = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export function pyJsonLoads(text: string): PyLoadsResult {
  try {
    if (text.startsWith('\ufeff')) throw new DecodeError('Unexpected UTF-8 BOM');
    const parser = new Parser(text);
    parser.skipWs();
    const value = parser.value(0);
    parser.skipWs();
    if (parser.at !== text.length) throw new DecodeError(`Extra data at ${parser.at}`);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

class Parser {
  at = 0;
  constructor(private readonly s: string) {}

  skipWs(): void {
    while (isWs(this.s[this.at])) this.at++;
  }

  private fail(what: string): never {
    throw new DecodeError(`${what} at ${this.at}`);
  }

  private literal(word: string): boolean {
    if (!this.s.startsWith(word, this.at)) return false;
    this.at += word.length;
    return true;
  }

  value(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail('Maximum recursion depth exceeded');
    const c = this.s[this.at];
    if (c === '"') return this.string();
    if (c === '{') return this.object(depth + 1);
    if (c === '[') return this.array(depth + 1);
    if (this.literal('null')) return null;
    if (this.literal('true')) return true;
    if (this.literal('false')) return false;
    if (this.literal('NaN')) return Number.NaN;
    if (this.literal('Infinity')) return Number.POSITIVE_INFINITY;
    if (this.literal('-Infinity')) return Number.NEGATIVE_INFINITY;
    return this.number();
  }

  private number(): bigint | number {
    const s = this.s;
    const start = this.at;
    let i = start;
    if (s[i] === '-') i++;
    if (s[i] === '0') i++;
    else if (isDigit(s[i]) && s[i] !== '0') while (isDigit(s[i])) i++;
    else this.fail('Expecting value');
    let isFloat = false;
    if (s[i] === '.' && isDigit(s[i + 1])) {
      isFloat = true;
      i += 2;
      while (isDigit(s[i])) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      let j = i + 1;
      if (s[j] === '+' || s[j] === '-') j++;
      if (isDigit(s[j])) {
        while (isDigit(s[j])) j++;
        isFloat = true;
        i = j;
      }
    }
    this.at = i;
    const digits = s.slice(start, i);
    if (isFloat) return Number(digits);
    if (digits.replace('-', '').length > MAX_INT_DIGITS) this.fail('Exceeds the limit for integer digits');
    return BigInt(digits);
  }

  private string(): string {
    const s = this.s;
    let i = this.at + 1;
    let out = '';
    let chunk = i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (Number.isNaN(c)) {
        this.at = i;
        this.fail('Unterminated string');
      }
      if (c === 0x22) break;
      if (c < 0x20) {
        this.at = i;
        this.fail('Invalid control character');
      }
      if (c !== 0x5c) {
        i++;
        continue;
      }
      out += s.slice(chunk, i);
      const e = s[i + 1];
      if (e === 'u') {
        const hex = s.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.at = i;
          this.fail('Invalid \\uXXXX escape');
        }
        // Surrogate pairs given as two escapes combine into one code point in Python; as
        // UTF-16 code units the two are the same string either way.
        out += String.fromCharCode(Number.parseInt(hex, 16));
        i += 6;
      } else {
        const escaped = e === undefined ? undefined : ESCAPES[e];
        if (escaped === undefined) {
          this.at = i;
          this.fail('Invalid \\escape');
        }
        out += escaped;
        i += 2;
      }
      chunk = i;
    }
    out += s.slice(chunk, i);
    this.at = i + 1;
    return out;
  }

  private object(depth: number): PyDict {
    const dict: PyDict = new Map();
    this.at++;
    this.skipWs();
    if (this.s[this.at] === '}') {
      this.at++;
      return dict;
    }
    for (;;) {
      if (this.s[this.at] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.skipWs();
      if (this.s[this.at] !== ':') this.fail("Expecting ':' delimiter");
      this.at++;
      this.skipWs();
      dict.set(key, this.value(depth));
      this.skipWs();
      const c = this.s[this.at++];
      if (c === '}') return dict;
      if (c !== ',') this.fail("Expecting ',' delimiter");
      this.skipWs();
    }
  }

  private array(depth: number): PyValue[] {
    const list: PyValue[] = [];
    this.at++;
    this.skipWs();
    if (this.s[this.at] === ']') {
      this.at++;
      return list;
    }
    for (;;) {
      list.push(this.value(depth));
      this.skipWs();
      const c = this.s[this.at++];
      if (c === ']') return list;
      if (c !== ',') this.fail("Expecting ',' delimiter");
      this.skipWs();
    }
  }
}

export function isPyDict(value: PyValue): value is PyDict {
  return value instanceof Map;
}

type PyNumeric = boolean | bigint | number;
const isNumeric = (v: PyValue): v is PyNumeric =>
  typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number';

/**
 * Python's `a == b` on two `json.loads` results. Numbers compare by exact value across
 * int, float and bool. NaN: `json` returns one shared NaN object, and Python compares items
 * inside lists and dicts by identity first, so NaN equals NaN when nested but not at the top.
 */
export function pyEquals(a: PyValue, b: PyValue, nested = false): boolean {
  if (isNumeric(a) && isNumeric(b)) {
    if (typeof a === 'number' && typeof b === 'number') {
      return Number.isNaN(a) && Number.isNaN(b) ? nested : a === b;
    }
    const x = typeof a === 'boolean' ? BigInt(a) : a;
    const y = typeof b === 'boolean' ? BigInt(b) : b;
    // biome-ignore lint/suspicious/noDoubleEquals: bigint == number is the exact mathematical comparison Python makes.
    return x == y;
  }
  if (typeof a === 'string' || typeof b === 'string' || a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => pyEquals(item, b[i] as PyValue, true));
  }
  if (isNumeric(a) || isNumeric(b)) return false;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    if (!b.has(key) || !pyEquals(value, b.get(key) as PyValue, true)) return false;
  }
  return true;
}
