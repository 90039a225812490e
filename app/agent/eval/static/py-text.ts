/**
 * Python `str` behaviour the reference evaluation relies on, where JavaScript differs.
 *
 * Python's `str.split()` and `str.strip()` (no arguments) use `str.isspace`: the characters
 * of bidirectional class WS, B or S or category Zs. That set includes U+001C..U+001F and
 * U+0085, which JavaScript's `\s` and `trim()` do not, and excludes U+FEFF, which they include.
 */
export function isPySpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Python's `s.split()`: runs of whitespace separate words; no empty words. (A loop: linear time.) */
export function pySplitWhitespace(s: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isPySpace(s.charCodeAt(i))) {
      if (start >= 0) words.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) words.push(s.slice(start));
  return words;
}

/** Python's `s.strip()`. (Loops, not a `\s+$` pattern, which is quadratic on long inner runs.) */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPySpace(s.charCodeAt(start))) start++;
  while (end > start && isPySpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}
