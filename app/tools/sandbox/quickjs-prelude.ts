import {
  LOGS_DROPPED_MARKER,
  MAX_LOG_CHARS,
  MAX_LOG_LINE_CHARS,
  MAX_LOG_LINES,
  truncationMarker,
} from './types';

/**
 * Source of the function that sets up a fresh QuickJS context before the untrusted code runs.
 * It is called with `(emit, argsJson, maxLine)`, where `emit(level, text)` is the only host
 * function the code can reach (through `console`). It installs `console` and the deep-frozen
 * `args`, and returns `finish(value, max)`, which turns the result into `[kind, total, text]`
 * with the built-ins captured here, so code that replaces `JSON.stringify` or
 * `String.prototype.slice` cannot change how its result is measured or cut.
 */
export const PRELUDE_SOURCE = `(function (emit, argsJson, maxLine) {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const apply = Reflect.apply;
  const ownKeys = Reflect.ownKeys;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const isFrozen = Object.isFrozen;
  const slice = String.prototype.slice;
  const ErrorClass = Error;
  const toText = String;
  const show = (value) => {
    if (typeof value === 'string') return value;
    try {
      if (value instanceof ErrorClass) return toText(value.name) + ': ' + toText(value.message);
      const json = stringify(value);
      if (json !== undefined) return json;
    } catch {}
    try {
      return toText(value);
    } catch {
      return '[value that cannot be printed]';
    }
  };
  const printer = (level) => (...parts) => {
    let line = '';
    for (let i = 0; i < parts.length && line.length <= maxLine; i++) line += (i === 0 ? '' : ' ') + show(parts[i]);
    emit(level, line.length > maxLine ? apply(slice, line, [0, maxLine + 1]) : line);
  };
  const console = freeze({
    log: printer('log'),
    info: printer('info'),
    warn: printer('warn'),
    error: printer('error'),
    debug: printer('debug'),
  });
  defineProperty(globalThis, 'console', { value: console, writable: true, configurable: true });
  const deepFreeze = (value) => {
    if (value !== null && typeof value === 'object' && !isFrozen(value)) {
      freeze(value);
      const keys = ownKeys(value);
      for (let i = 0; i < keys.length; i++) deepFreeze(value[keys[i]]);
    }
    return value;
  };
  const args = argsJson === undefined ? undefined : deepFreeze(parse(argsJson));
  defineProperty(globalThis, 'args', { value: args, writable: false, configurable: false });
  return (value, max) => {
    let kind = 'string';
    let text = value;
    if (typeof value !== 'string') {
      kind = 'json';
      text = stringify(value);
      if (text === undefined) return ['none', 0, ''];
    }
    const total = text.length;
    return [kind, total, total > max ? apply(slice, text, [0, max]) : text];
  };
})`;

/** Collects `console.*` lines within the caps of `types.ts`. */
export class LogCollector {
  readonly lines: string[] = [];
  #chars = 0;
  #full = false;

  get full(): boolean {
    return this.#full;
  }

  add(level: string, text: string): void {
    if (this.#full) return;
    let line = text.length > MAX_LOG_LINE_CHARS ? `${text.slice(0, MAX_LOG_LINE_CHARS)}…` : text;
    if (level === 'warn' || level === 'error') line = `[${level}] ${line}`;
    if (this.lines.length >= MAX_LOG_LINES || this.#chars + line.length > MAX_LOG_CHARS) {
      this.lines.push(LOGS_DROPPED_MARKER);
      this.#full = true;
      return;
    }
    this.lines.push(line);
    this.#chars += line.length;
  }
}

/** Cuts `text` (at most `max` characters already) so that it plus the marker fits in `max`. */
export function truncateWithMarker(text: string, total: number, max: number): string {
  let keep = Math.max(0, max - truncationMarker(max, total).length);
  // Do not split a surrogate pair: a lone high surrogate is not valid UTF-16 text.
  const code = text.charCodeAt(keep - 1);
  if (code >= 0xd800 && code <= 0xdbff) keep -= 1;
  const kept = text.slice(0, keep);
  return kept + truncationMarker(kept.length, total);
}
