import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TinyWorkerFactory, TinyWorkerPort } from '../llm/tiny/tiny-model';
import { useAppStore } from '../store/index';
import { setTinyControllerDeps, tinyModelsForRun, tinySystemFor } from './tiny-controller';

/*
 * The controller with stand-in workers (counted, never a real model) and the committed
 * manifest read from public/tiny/, served by a stand-in fetch.
 */
const MANIFEST = readFileSync(new URL('../../public/tiny/manifest.json', import.meta.url), 'utf8');

interface Fakes {
  loads: string[];
  workers: number;
  manifestFetches: number;
  failLoad?: string | undefined;
  manifestStatus: number;
}

function install(): Fakes {
  const fakes: Fakes = { loads: [], workers: 0, manifestFetches: 0, manifestStatus: 200 };
  const factory: TinyWorkerFactory = () => {
    fakes.workers++;
    const port: TinyWorkerPort = {
      async load({ modelUrl }) {
        if (fakes.failLoad && modelUrl.endsWith(fakes.failLoad))
          throw new Error(`${fakes.failLoad} answered 404`);
        fakes.loads.push(modelUrl.replace(/^.*tiny\//, ''));
        return { loadMs: 1, bytes: 1 };
      },
      generate: async () => {
        throw new Error('not in these tests');
      },
      interrupt: async () => {},
      unload: async () => {},
    };
    return { port, terminate: () => {}, onCrash: () => {} };
  };
  setTinyControllerDeps({
    factory: async () => factory,
    fetch: async () => {
      fakes.manifestFetches++;
      return new Response(MANIFEST, { status: fakes.manifestStatus });
    },
  });
  return fakes;
}

const status = () => useAppStore.getState().tiny;

beforeEach(() => useAppStore.setState({ tiny: { status: 'idle' } }));
afterEach(() => setTinyControllerDeps(undefined));

describe('tiny controller', () => {
  it('multi loads the three role models of the chosen system once; a second run reuses them', async () => {
    const fakes = install();
    const models = await tinyModelsForRun('multi', 'glpft');
    expect(Object.keys(models).sort()).toEqual(['caller', 'planner', 'summarizer']);
    expect(fakes.loads.sort()).toEqual(['glpft/caller.onnx', 'glpft/planner.onnx', 'glpft/summarizer.onnx']);
    expect(models.planner?.label).toMatch(/^Tiny α-UMi planner \(α-UMi GLPFT, 0\.\d\d M\)$/);
    expect(status()).toMatchObject({ status: 'ready', system: 'glpft' });
    const again = await tinyModelsForRun('multi', 'glpft');
    expect(again.caller).toBe(models.caller);
    expect(fakes.loads).toHaveLength(3);
    expect(fakes.manifestFetches).toBe(1);
  });

  it('shared plays every role with one model; single has only the backbone', async () => {
    const fakes = install();
    const shared = await tinyModelsForRun('shared', 'glpft');
    expect(shared.planner).toBe(shared.caller);
    expect(shared.caller).toBe(shared.summarizer);
    const single = await tinyModelsForRun('single', 'one-stage');
    expect(Object.keys(single)).toEqual(['backbone']);
    expect(fakes.loads).toEqual(['shared/shared.onnx', 'single/backbone.onnx']);
    expect(status()).toMatchObject({ status: 'ready', system: 'single' });
  });

  it('a model that does not load: the status is failed with the error, the run gets the error; a retry works', async () => {
    const fakes = install();
    fakes.failLoad = 'caller.onnx';
    await expect(tinyModelsForRun('multi', 'one-stage')).rejects.toThrow('caller.onnx answered 404');
    expect(status()).toMatchObject({
      status: 'failed',
      system: 'one-stage',
      error: { message: 'caller.onnx answered 404' },
    });
    fakes.failLoad = undefined;
    const models = await tinyModelsForRun('multi', 'one-stage');
    expect(models.caller).toBeDefined();
    expect(status()).toMatchObject({ status: 'ready', system: 'one-stage' });
  });

  it('a manifest that cannot be read fails the run and is asked for again next time', async () => {
    const fakes = install();
    fakes.manifestStatus = 503;
    await expect(tinyModelsForRun('multi', 'glpft')).rejects.toThrow('tiny/manifest.json answered 503');
    expect(status().status).toBe('failed');
    fakes.manifestStatus = 200;
    await tinyModelsForRun('multi', 'glpft');
    expect(fakes.manifestFetches).toBe(2);
  });

  it('the system that serves each mode', () => {
    expect(tinySystemFor('multi', 'one-stage')).toBe('one-stage');
    expect(tinySystemFor('multi', 'shared')).toBe('glpft');
    expect(tinySystemFor('shared', 'one-stage')).toBe('shared');
    expect(tinySystemFor('single', 'glpft')).toBe('single');
  });
});
