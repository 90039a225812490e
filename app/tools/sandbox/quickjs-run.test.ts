import { beforeAll, describe, expect, it } from 'vitest';
import { QuickJsSandbox } from './quickjs-run';
import { LOGS_DROPPED_MARKER, MAX_LOG_LINE_CHARS, MAX_LOG_LINES, type SandboxRunResult } from './types';

// One sandbox for the file, as the worker has: state must not leak between its calls.
const sandbox = new QuickJsSandbox();
beforeAll(() => sandbox.warm());

async function value(code: string, options = {}): Promise<unknown> {
  const result = await sandbox.run(code, options);
  if (!result.ok) throw new Error(`${result.error.name}: ${result.error.message}`);
  return result.value;
}

async function failure(code: string, options = {}): Promise<{ name: string; message: string }> {
  const result = await sandbox.run(code, options);
  expect(result.ok, JSON.stringify(result).slice(0, 300)).toBe(false);
  return (result as Extract<SandboxRunResult, { ok: false }>).error;
}

describe('script mode', () => {
  it('returns the value of the last expression as plain data', async () => {
    expect(await value('1 + 1')).toBe(2);
    expect(await value('const xs = [1, 2, 3]; xs.map((x) => x * 2)')).toEqual([2, 4, 6]);
    expect(await value('({ a: "b", n: null, nested: { ok: true } })')).toEqual({
      a: 'b',
      n: null,
      nested: { ok: true },
    });
    expect(await value('"text"')).toBe('text');
    expect(await value('new Date(0)')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('has no value for undefined or a function', async () => {
    const result = await sandbox.run('let x = 1;');
    expect(result).toMatchObject({ ok: true, logs: [] });
    expect('value' in result).toBe(false);
    expect('value' in (await sandbox.run('(function f() {})'))).toBe(false);
  });

  it('settles a Promise result and runs promise callbacks', async () => {
    expect(await value('Promise.resolve(5)')).toBe(5);
    expect(await value('(async () => { await null; return "later"; })()')).toBe('later');
    const result = await sandbox.run('Promise.resolve().then(() => console.log("job ran")); 1');
    expect(result).toMatchObject({ ok: true, value: 1, logs: ['job ran'] });
    expect((await failure('new Promise(() => {})')).message).toMatch(/never settled/);
    expect(await failure('Promise.reject(new TypeError("nope"))')).toEqual({
      name: 'SandboxRuntimeError',
      message: 'TypeError: nope',
    });
  });

  it('captures console output, with levels, objects as JSON and caps', async () => {
    const result = await sandbox.run(
      'console.log("a", 1, { b: [2] }); console.info("i"); console.warn("w"); console.error(new RangeError("e")); 0',
    );
    expect(result.logs).toEqual(['a 1 {"b":[2]}', 'i', '[warn] w', '[error] RangeError: e']);

    const long = await sandbox.run(`console.log("x".repeat(${MAX_LOG_LINE_CHARS * 5}))`);
    expect(long.logs[0]).toHaveLength(MAX_LOG_LINE_CHARS + 1);
    expect(long.logs[0]?.endsWith('…')).toBe(true);

    const many = await sandbox.run(`for (let i = 0; i < ${MAX_LOG_LINES * 3}; i++) console.log(i)`);
    expect(many.logs).toHaveLength(MAX_LOG_LINES + 1);
    expect(many.logs.at(-1)).toBe(LOGS_DROPPED_MARKER);

    const wide = await sandbox.run('for (let i = 0; i < 100; i++) console.log("y".repeat(900))');
    expect(wide.logs.join('').length).toBeLessThanOrEqual(16_384 + LOGS_DROPPED_MARKER.length);
    expect(wide.logs.at(-1)).toBe(LOGS_DROPPED_MARKER);
  });

  it('keeps logs written before a failure', async () => {
    const result = await sandbox.run('console.log("before"); undefinedName');
    expect(result).toMatchObject({ ok: false, logs: ['before'] });
  });
});

describe('tool mode', () => {
  it('calls run(args) with deep-frozen arguments and returns its result', async () => {
    const source =
      'function run(args) { return { sum: args.a + args.b, frozen: Object.isFrozen(args.nested) }; }';
    expect(await value(source, { mode: 'tool', args: { a: 2, b: 3, nested: { c: 1 } } })).toEqual({
      sum: 5,
      frozen: true,
    });
    expect(
      await value('const run = (args) => args.word.toUpperCase();', { mode: 'tool', args: { word: 'hi' } }),
    ).toBe('HI');
  });

  it('settles an async run', async () => {
    const source = 'async function run(args) { await null; return [args.n, args.n * 2]; }';
    expect(await value(source, { mode: 'tool', args: { n: 4 } })).toEqual([4, 8]);
  });

  it('fails clearly when there is no run function or run throws', async () => {
    expect((await failure('const x = 1;', { mode: 'tool' })).message).toMatch(/must define a function run/);
    expect(await failure('function run() { throw new Error("bad input"); }', { mode: 'tool' })).toEqual({
      name: 'SandboxRuntimeError',
      message: 'Error: bad input',
    });
  });

  it('does not let the code change args, also in script mode', async () => {
    expect(await value('args.x = 2; args.x', { args: { x: 1 } })).toBe(1);
    const strict = await failure('"use strict"; args.x = 2', { args: { x: 1 } });
    expect(strict.message).toMatch(/TypeError: .*read-only/);
    expect((await failure('"use strict"; args = 5', { args: 1 })).name).toBe('SandboxRuntimeError');
  });
});

describe('named errors', () => {
  it('SandboxSyntaxError names the line and column', async () => {
    expect(await failure('1 +\n\n  )')).toEqual({
      name: 'SandboxSyntaxError',
      message: "SyntaxError: unexpected token in expression: ')' (line 3, column 3)",
    });
    expect((await failure('function run( {', { mode: 'tool' })).name).toBe('SandboxSyntaxError');
  });

  it('a SyntaxError thrown at run time is a SandboxRuntimeError', async () => {
    expect(await failure('JSON.parse("{")')).toEqual({
      name: 'SandboxRuntimeError',
      message: 'SyntaxError: expecting property name',
    });
  });

  it('SandboxRuntimeError carries the JavaScript error name and message', async () => {
    expect(await failure('fetch("https://example.com")')).toEqual({
      name: 'SandboxRuntimeError',
      message: "ReferenceError: 'fetch' is not defined",
    });
    expect(await failure('throw 42')).toEqual({ name: 'SandboxRuntimeError', message: 'Uncaught 42' });
    expect(await failure('throw "boom"')).toEqual({
      name: 'SandboxRuntimeError',
      message: 'Uncaught "boom"',
    });
    expect(await failure('throw null')).toEqual({ name: 'SandboxRuntimeError', message: 'Uncaught null' });
  });

  it('SandboxTimeoutError stops an endless loop at the time limit', async () => {
    const started = performance.now();
    const error = await failure('while (true) {}', { timeoutMs: 100 });
    expect(error.name).toBe('SandboxTimeoutError');
    expect(error.message).toMatch(/100 ms/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('SandboxTimeoutError also when promise machinery swallows the interrupt', async () => {
    expect((await failure('function f() { Promise.resolve().then(f); } f()', { timeoutMs: 100 })).name).toBe(
      'SandboxTimeoutError',
    );
    expect((await failure('new Promise(() => { while (true) {} }); 5', { timeoutMs: 100 })).name).toBe(
      'SandboxTimeoutError',
    );
    expect((await failure('try { while (true) {} } catch {} 5', { timeoutMs: 100 })).name).toBe(
      'SandboxTimeoutError',
    );
  });

  it('SandboxMemoryError for one huge allocation and for many small ones', async () => {
    expect(await failure('"x".repeat(100 * 1024 * 1024)')).toEqual({
      name: 'SandboxMemoryError',
      message: 'the code ran out of memory (limit 32 MB)',
    });
    expect((await failure('const a = []; while (true) a.push({ n: a.length });')).name).toBe(
      'SandboxMemoryError',
    );
    expect((await failure('const a = []; while (true) a.push("x".repeat(1000) + a.length);')).name).toBe(
      'SandboxMemoryError',
    );
    expect((await failure('const a = []; while (true) a.push(new Array(1000).fill(1));')).name).toBe(
      'SandboxMemoryError',
    );
  });

  it('honours a smaller memory limit', async () => {
    expect(await failure('"x".repeat(10 * 1024 * 1024)', { memoryMb: 4 })).toMatchObject({
      name: 'SandboxMemoryError',
      message: 'the code ran out of memory (limit 4 MB)',
    });
    expect(await value('"x".repeat(10 * 1024 * 1024).length')).toBe(10 * 1024 * 1024);
  });

  it('SandboxMemoryError for runaway recursion, also when the host stack runs out first', async () => {
    expect(await failure('function f() { return f() + 1; } f()')).toEqual({
      name: 'SandboxMemoryError',
      message: 'stack overflow: the code recursed too deeply (stack limit 256 KB)',
    });
    // Deep native recursion (the parser, JSON.stringify) can exhaust the host stack before
    // QuickJS checks its own: the engine instance is replaced and the next call works.
    expect((await failure('eval("(".repeat(100000))')).name).toBe('SandboxMemoryError');
    const deep =
      'let a = []; let c = a; for (let i = 0; i < 100000; i++) { const n = []; c.push(n); c = n; } JSON.stringify(a).length';
    expect((await failure(deep)).name).toBe('SandboxMemoryError');
    expect(await value('1 + 1')).toBe(2);
  });

  it('SandboxOutputTooLargeError when asked to fail instead of truncating', async () => {
    expect(await failure('"y".repeat(20000)', { oversize: 'error' })).toEqual({
      name: 'SandboxOutputTooLargeError',
      message: 'the result is 20000 characters long, more than the 16384 allowed',
    });
  });

  it('results that are not JSON fail with a SandboxRuntimeError', async () => {
    expect((await failure('const o = {}; o.self = o; o')).message).toMatch(
      /not JSON-serialisable: TypeError: circular/,
    );
    expect((await failure('1n')).message).toMatch(/not JSON-serialisable: TypeError/);
  });
});

describe('output cap', () => {
  it('truncates a long result with a marker, within the cap', async () => {
    const text = await value('"y".repeat(20000)');
    expect(typeof text).toBe('string');
    expect((text as string).length).toBeLessThanOrEqual(16_384);
    expect(text).toMatch(/\n\[output truncated: showing \d+ of 20000 characters\]$/);

    const json = await value('({ a: "z".repeat(50000) })', { maxOutputChars: 1000 });
    expect((json as string).startsWith('{"a":"zzz')).toBe(true);
    expect((json as string).length).toBeLessThanOrEqual(1000);
    expect(json).toMatch(/showing \d+ of 50008 characters\]$/);
  });

  it('the code cannot defeat the cap by replacing built-ins', async () => {
    const code =
      'JSON.stringify = () => "{}"; String.prototype.slice = function () { return this; }; "q".repeat(30000)';
    expect(((await value(code)) as string).length).toBeLessThanOrEqual(16_384);
  });
});

describe('engine hygiene', () => {
  it('ordinary calls, failures, timeouts and promises leave the engine clean (no leaked handles)', async () => {
    await value('1');
    const before = sandbox.enginesCreated;
    await value('console.log("x"); ({ a: [1, 2] })');
    await value('Promise.resolve(1)');
    await value('async function run(a) { return a; }', { mode: 'tool', args: { a: 1 } });
    await failure('throw new Error("x")');
    await failure('throw null');
    await failure('Promise.reject(1)');
    await failure('new Promise(() => {})');
    await failure('(');
    await failure('while (true) {}', { timeoutMs: 20 });
    await failure('function f() { return f(); } f()');
    await failure('"x".repeat(100 * 1024 * 1024)');
    await failure('const o = {}; o.o = o; o');
    await failure('"y".repeat(20000)', { oversize: 'error' });
    const odd = await failure(
      'function run() { throw { get name() { return 5; }, get message() { throw 1; } }; }',
      {
        mode: 'tool',
      },
    );
    expect(odd).toEqual({ name: 'SandboxRuntimeError', message: 'Error' });
    expect(sandbox.enginesCreated).toBe(before);
  });
});

describe('isolation', () => {
  it.each([
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'importScripts',
    'document',
    'window',
    'self',
    'parent',
    'top',
    'postMessage',
    'indexedDB',
    'caches',
    'localStorage',
    'sessionStorage',
    'navigator',
    'location',
    'process',
    'require',
    'module',
    'setTimeout',
    'setInterval',
    'queueMicrotask',
    'Worker',
    'WebAssembly',
    'std',
    'os',
  ])('%s does not exist in the sandbox', async (name) => {
    expect(await value(`typeof ${name} + "/" + typeof globalThis.${name}`)).toBe('undefined/undefined');
  });

  it('dynamic import() fails: there is no module loader', async () => {
    const error = await failure('import("https://example.com/x.js")');
    expect(error.name).toBe('SandboxRuntimeError');
    const inTool = await failure('async function run() { return await import("./x.js"); }', { mode: 'tool' });
    expect(inTool.name).toBe('SandboxRuntimeError');
  });

  it('the only host function is console, and it cannot reach the host', async () => {
    const code =
      'const C = console.log.constructor; const g = C("return this")(); [g === globalThis, typeof g.fetch]';
    expect(await value(code)).toEqual([true, 'undefined']);
  });

  it('state does not leak from one call into the next', async () => {
    await value('globalThis.secret = "s3cret"; var leaked = 1; Object.prototype.polluted = "yes"; 0');
    expect(await value('[typeof secret, typeof leaked, ({}).polluted === undefined]')).toEqual([
      'undefined',
      'undefined',
      true,
    ]);
  });

  it('prototype pollution inside the sandbox does not reach the host', async () => {
    const result = await value(
      'Object.prototype.hacked = 1; Array.prototype.push = null; JSON.parse(\'{"__proto__": {"polluted": true}}\')',
    );
    expect(({} as Record<string, unknown>).hacked).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof [].push).toBe('function');
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('a memory limit change makes a new engine instance; both sizes keep working', async () => {
    expect(await value('1', { memoryMb: 64 })).toBe(1);
    expect(await value('2')).toBe(2);
  });
});
