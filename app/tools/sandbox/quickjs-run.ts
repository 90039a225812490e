import loadEmscriptenModule from '@jitl/quickjs-wasmfile-release-sync/emscripten-module';
import { QuickJSFFI } from '@jitl/quickjs-wasmfile-release-sync/ffi';
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
} from 'quickjs-emscripten-core';
import { sandboxError } from './errors';
import { DisposeFailure, execute } from './quickjs-call';
import { hitWall, hostFailure } from './quickjs-classify';
import { LogCollector } from './quickjs-prelude';
import { type CallState, type Engine, fail, type Limits, MIB, type Outcome } from './quickjs-types';
import { clampLimit, SANDBOX_LIMITS, type SandboxRunOptions, type SandboxRunResult } from './types';

/**
 * The sandbox proper: runs untrusted JavaScript in QuickJS (WebAssembly), one fresh runtime
 * and context per call. Pure logic with no worker or DOM code, so the worker is a thin
 * comlink shell around it and unit tests run it in Node.
 *
 * Limits, and why each is enforced where it is:
 * - Time: an interrupt handler polled by QuickJS stops the code at its deadline. Native
 *   operations that never poll (a huge BigInt to string) are the bridge's watchdog's job.
 * - Memory: QuickJS's own limit in this build only refuses single allocations above it (its
 *   byte count ignores block sizes, quickjs-emscripten #271), so the real wall is the
 *   WebAssembly memory itself: created here with a `maximum` of the engine's static data and
 *   stack plus `memoryMb`. A new engine instance is made when a call asks for another size.
 * - Stack: QuickJS's stack limit; if the host's own stack runs out first (deep native
 *   recursion in the parser or `JSON.stringify`), the error is caught here and the engine
 *   instance, whose state can no longer be trusted, is replaced.
 */

/**
 * The release-sync build, imported statically rather than through the package's variant
 * (which imports these two lazily): the worker bundle then holds them, and a cold start
 * does not wait for two more chunks.
 */
const RELEASE_SYNC: QuickJSSyncVariant = {
  type: 'sync',
  importFFI: async () => QuickJSFFI,
  importModuleLoader: async () => loadEmscriptenModule,
};

const PAGE = 64 * 1024;
/** Pages the wasm declares as its minimum (16 MiB). */
const MIN_PAGES = 256;
/** Static data plus the 5 MiB C stack below the heap (`__stack_pointer` starts at 5.09 MiB). */
const STATIC_BYTES = 6 * MIB;

function limitsOf(options: SandboxRunOptions): Limits {
  return {
    mode: options.mode === 'tool' ? 'tool' : 'script',
    timeoutMs: clampLimit(options.timeoutMs, SANDBOX_LIMITS.timeoutMs),
    memoryMb: clampLimit(options.memoryMb, SANDBOX_LIMITS.memoryMb),
    stackKb: clampLimit(options.stackKb, SANDBOX_LIMITS.stackKb),
    maxOutputChars: clampLimit(options.maxOutputChars, SANDBOX_LIMITS.maxOutputChars),
    oversize: options.oversize === 'error' ? 'error' : 'truncate',
  };
}

export interface QuickJsSandboxOptions {
  /**
   * Compiles the QuickJS wasm; called once, and every engine instance reuses the module.
   * Without it the variant fetches or reads its own `.wasm` file (fine in Node).
   */
  compileWasm?: () => Promise<WebAssembly.Module>;
}

export class QuickJsSandbox {
  readonly #compileWasm: (() => Promise<WebAssembly.Module>) | undefined;
  #compiled: Promise<WebAssembly.Module> | undefined;
  #engine: Promise<Engine> | undefined;
  /** What `#engine` resolved to, to tell whether a failing engine is still the current one. */
  #current: Engine | undefined;
  #engineMb = 0;
  #enginesCreated = 0;

  constructor(options: QuickJsSandboxOptions = {}) {
    this.#compileWasm = options.compileWasm;
    // Fetch and compile at once: the first engine needs it, and this overlaps with startup.
    this.#compile()?.catch(() => {});
  }

  /**
   * How many engine instances were made. A call replaces its instance only after a host
   * failure, the heap's wall, or a runtime that could not be freed (a leaked handle), so tests
   * use this to see that ordinary calls leave the engine clean.
   */
  get enginesCreated(): number {
    return this.#enginesCreated;
  }

  /** Loads the engine and runs one trivial call, so the first real call is fast; throws if QuickJS cannot load. */
  async warm(memoryMb: number = SANDBOX_LIMITS.memoryMb.default): Promise<void> {
    const result = await this.run('0', { memoryMb });
    if (!result.ok) throw sandboxError(result.error);
  }

  async run(code: string, options: SandboxRunOptions = {}): Promise<SandboxRunResult> {
    const started = performance.now();
    const limits = limitsOf(options);
    const logs = new LogCollector();
    const done = (outcome: Outcome): SandboxRunResult => {
      const durationMs = Math.max(0, performance.now() - started);
      return outcome.ok
        ? { ...outcome, logs: logs.lines, durationMs }
        : { ok: false, error: outcome.error, logs: logs.lines, durationMs };
    };
    let argsJson: string | undefined;
    try {
      argsJson = options.args === undefined ? undefined : JSON.stringify(options.args);
    } catch (error) {
      return done(fail('SandboxRuntimeError', `the arguments are not JSON: ${String(error)}`));
    }
    let engine: Engine;
    try {
      engine = await this.#engineFor(limits.memoryMb);
    } catch (error) {
      return done(fail('SandboxCrashedError', `QuickJS could not be loaded: ${String(error)}`));
    }
    const state: CallState = { interrupted: false, wallHitsBefore: engine.wallHits };
    try {
      const outcome = execute(engine, code, argsJson, limits, logs, state);
      // QuickJS survives failed allocations, but not every path is well trodden: a fresh
      // instance after hitting the wall also gives the grown memory back.
      if (hitWall(engine, state)) this.#discard(engine);
      return done(outcome);
    } catch (error) {
      // A host exception thrown through QuickJS (the host stack ran out, or the engine
      // aborted) leaves its memory in an unknown state: the instance is replaced.
      this.#discard(engine);
      if (error instanceof DisposeFailure) return done(error.outcome);
      return done(hostFailure(error, engine, limits, state));
    }
  }

  #engineFor(memoryMb: number): Promise<Engine> {
    if (!this.#engine || this.#engineMb !== memoryMb) {
      this.#engineMb = memoryMb;
      this.#enginesCreated += 1;
      const engine = this.#createEngine(memoryMb);
      this.#engine = engine;
      this.#current = undefined;
      engine.then(
        (created) => {
          if (this.#engine === engine) this.#current = created;
        },
        () => {
          if (this.#engine === engine) this.#engine = undefined;
        },
      );
    }
    return this.#engine;
  }

  async #createEngine(memoryMb: number): Promise<Engine> {
    const wasmModule = await this.#compile();
    const maximum = Math.max(MIN_PAGES, Math.ceil((STATIC_BYTES + memoryMb * MIB) / PAGE));
    const memory = new WebAssembly.Memory({ initial: MIN_PAGES, maximum });
    const variant = newVariant(RELEASE_SYNC, { wasmMemory: memory, ...(wasmModule ? { wasmModule } : {}) });
    const module = await newQuickJSWASMModuleFromVariant(variant);
    const engine: Engine = { module, memory, memoryMb, wallHits: 0 };
    // Emscripten grows the heap through this method and turns a failure into a null malloc;
    // counting failures tells an out-of-memory `null` apart from code that threw `null`.
    const grow = memory.grow.bind(memory);
    memory.grow = (delta: number) => {
      try {
        return grow(delta);
      } catch (error) {
        engine.wallHits += 1;
        throw error;
      }
    };
    return engine;
  }

  #compile(): Promise<WebAssembly.Module> | undefined {
    if (this.#compileWasm && !this.#compiled) {
      const compiled = this.#compileWasm();
      this.#compiled = compiled;
      compiled.catch(() => {
        if (this.#compiled === compiled) this.#compiled = undefined;
      });
    }
    return this.#compiled;
  }

  #discard(engine: Engine): void {
    if (this.#current !== engine) return;
    this.#engine = undefined;
    this.#current = undefined;
    // Load the replacement now, so the next call does not wait for it.
    this.#engineFor(engine.memoryMb).catch(() => {});
  }
}
