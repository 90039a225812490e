/// <reference lib="webworker" />
/// <reference path="../app/tools/sandbox/quickjs-wasm-url.d.ts" />
/**
 * The JavaScript sandbox: QuickJS (WebAssembly) in a dedicated worker, exposed as one object
 * through comlink (STYLE.md #2). All the logic is in `app/tools/sandbox/quickjs-run.ts`; this
 * file only loads the wasm and warms the engine as soon as the worker starts, so the first
 * call does not pay for it. The bridge (`sandbox-bridge.ts`) owns this worker's life: it
 * terminates and respawns it when a call outlives its time limit or is cancelled.
 */
import wasmUrl from '@jitl/quickjs-wasmfile-release-sync/wasm?url';
import { expose } from 'comlink';
import { QuickJsSandbox } from '../app/tools/sandbox/quickjs-run';
import type { SandboxRunOptions, SandboxRunResult } from '../app/tools/sandbox/types';

const started = performance.now();

async function compileWasm(): Promise<WebAssembly.Module> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`${wasmUrl} answered ${response.status}`);
  // A server that does not label the file application/wasm breaks streaming compilation only.
  if (response.headers.get('content-type')?.startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

const sandbox = new QuickJsSandbox({ compileWasm });
const warm = sandbox.warm().then(() => performance.now() - started);
warm.catch(() => {});

const api = {
  /** Resolves when QuickJS is loaded and warm, with the time that took; rejects if it cannot load. */
  ready: (): Promise<{ warmMs: number }> => warm.then((warmMs) => ({ warmMs })),

  /** Runs `code` in a fresh QuickJS context; never throws: failures are `{ ok: false, error }`. */
  run: (code: string, options: SandboxRunOptions): Promise<SandboxRunResult> => sandbox.run(code, options),
};

expose(api);
export type SandboxWorkerApi = typeof api;
