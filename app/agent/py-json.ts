/**
 * Python's `json.dumps`, byte for byte, for the values prompts contain.
 *
 * The α-UMi prompts embed `json.dumps(tool)` and ToolBench observations are
 * `json.dumps({"error": ..., "response": ...})`, both with Python's defaults: separators
 * `", "` / `": "`, keys in insertion order, non-ASCII escaped as lowercase `\uXXXX`
 * (astral characters as surrogate pairs). `JSON.stringify` differs on all three.
 *
 * Numbers: a JS integer is printed as a Python `int` (`1`, never `1.0`; integral values
 * beyond 2^53 with all their digits, as `int(x)` prints them; `-0` as `0`). Any other
 * number is printed as Python's `float.__repr__`: the same shortest round-trip digits as
 * JS, but with an exponent when the decimal point position is <= -4 or > 16 (`1e-05`,
 * not `0.00001`), a signed two-digit-minimum exponent, and `NaN`/`Infinity`/`-Infinity`
 * (Python's default `allow_nan=True`). A `bigint` is a Python `int`.
 *
 * JS-only values: `undefined` properties are left out of objects and become `null` in
 * arrays (as with `JSON.stringify`); `toJSON()` is honoured (Dates). A `Map` is encoded
 * as an object in its own entry order, which is the way to keep integer-like keys in
 * place (plain objects list them first, a JS rule no encoder can undo). Functions,
 * symbols, sets, top-level `undefined` and circular structures throw a `TypeError`.
 */

export interface PyJsonOptions {
  /** Python's `ensure_ascii`. Default `true`. */
  ensureAscii?: boolean;
  /** Python's `indent`: spaces (or the string) per level; newlines between items. Default: none. */
  indent?: number | string;
  /** Python's `separators` (item, key). Default `[', ', ': ']`, or `[',', ': ']` with an indent. */
  separators?: readonly [string, string];
}

export function pyJsonDumps(value: unknown, options: PyJsonOptions = {}): string {
  const ensureAscii = options.ensureAscii ?? true;
  const indent = typeof options.indent === 'number' ? ' '.repeat(options.indent) : options.indent;
  const [itemSep, keySep] = options.separators ?? (indent === undefined ? [', ', ': '] : [',', ': ']);
  const stack = new Set<object>();

  const encodeContainer = (open: string, close: string, items: string[], depth: number): string => {
    if (items.length === 0) return open + close;
    if (indent === undefined) return open + items.join(itemSep) + close;
    const inner = `\n${indent.repeat(depth + 1)}`;
    return `${open}${inner}${items.join(itemSep + inner)}\n${indent.repeat(depth)}${close}`;
  };

  const encode = (input: unknown, depth: number): string | undefined => {
    let v = input;
    if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    if (v === undefined) return undefined;
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'string') return pyJsonString(v, ensureAscii);
    if (typeof v === 'number') return pyNumber(v);
    if (typeof v === 'bigint') return v.toString();
    if (typeof v !== 'object' || v instanceof Set) throw notSerializable(v);
    if (stack.has(v)) throw new TypeError('Circular reference detected');
    stack.add(v);
    let out: string;
    if (Array.isArray(v)) {
      out = encodeContainer(
        '[',
        ']',
        v.map((item) => encode(item, depth + 1) ?? 'null'),
        depth,
      );
    } else {
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v);
      const items: string[] = [];
      for (const [key, item] of entries) {
        const encoded = encode(item, depth + 1);
        if (encoded !== undefined) items.push(pyJsonString(pyKey(key), ensureAscii) + keySep + encoded);
      }
      out = encodeContainer('{', '}', items, depth);
    }
    stack.delete(v);
    return out;
  };

  const result = encode(value, 0);
  if (result === undefined) throw notSerializable(value);
  return result;
}

/** A JSON string literal as Python writes it (`ensure_ascii` escapes everything outside `' '..'~'`). */
export function pyJsonString(s: string, ensureAscii = true): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const escaped = escapeCodeUnit(c, ensureAscii);
    if (escaped === undefined) continue;
    out += s.slice(start, i) + escaped;
    start = i + 1;
  }
  return `${out + s.slice(start)}"`;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  34: '\\"',
  92: '\\\\',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  8: '\\b',
  12: '\\f',
};

function escapeCodeUnit(c: number, ensureAscii: boolean): string | undefined {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return short;
  // Code units, not code points: an astral character comes out as its surrogate pair.
  if (c < 0x20 || (ensureAscii && c > 0x7e)) return `\\u${c.toString(16).padStart(4, '0')}`;
  return undefined;
}

/** A number as Python prints it: JS integers as `int`, everything else as `float.__repr__`. */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Number.POSITIVE_INFINITY) return 'Infinity';
  if (x === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? String(x + 0) : BigInt(x).toString();
  return pyFloatRepr(x);
}

/** Python's `repr(float)` for a finite number (integral values get `.0`). */
export function pyFloatRepr(x: number): string {
  // toExponential() without digits gives the shortest round-trip digits, as repr does.
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(exponent);
  const point = exp + 1; // where the decimal point goes in `digits`
  if (point <= -4 || point > 16) {
    const m = digits.length > 1 ? `${digits.slice(0, 1)}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Python turns `int`, `float`, `bool` and `None` keys into strings; anything else is an error. */
function pyKey(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return pyNumber(key);
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (key === null) return 'null';
  throw new TypeError(`keys must be str, int, float, bool or None, not ${typeName(key)}`);
}

function notSerializable(v: unknown): TypeError {
  return new TypeError(`Object of type ${typeName(v)} is not JSON serializable`);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'object') return v.constructor?.name ?? 'object';
  return typeof v;
}
