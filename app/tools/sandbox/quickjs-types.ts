import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import type { NamedErrorData } from '../../agent/types';
import type { LogCollector } from './quickjs-prelude';

/** Shapes shared by the files that run a call in QuickJS (internal to the sandbox). */

export const MIB = 1024 * 1024;

/** One instance of the QuickJS WebAssembly module, with its own memory. */
export interface Engine {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  memoryMb: number;
  /** How many times growing `memory` failed at its `maximum`: the heap hit its hard wall. */
  wallHits: number;
}

/** What a call learns while it runs, kept outside so it survives a host exception. */
export interface CallState {
  interrupted: boolean;
  /** `engine.wallHits` when the call started. */
  wallHitsBefore: number;
}

export interface Limits {
  mode: 'script' | 'tool';
  timeoutMs: number;
  memoryMb: number;
  stackKb: number;
  maxOutputChars: number;
  oversize: 'truncate' | 'error';
}

export type Outcome = { ok: true; value?: unknown } | { ok: false; error: NamedErrorData };

export const fail = (name: string, message: string): Outcome => ({ ok: false, error: { name, message } });

/** Everything one call works with. `handles` are freed when it ends. */
export interface Call {
  context: QuickJSContext;
  runtime: QuickJSRuntime;
  engine: Engine;
  limits: Limits;
  logs: LogCollector;
  state: CallState;
  deadline: number;
  handles: QuickJSHandle[];
}
