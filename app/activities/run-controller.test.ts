import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTinyControllerDeps } from '../controllers/tiny-controller';
import { useAppStore } from '../store/index';
import { runActivity } from './activity';
import { forkRun, startRun, stopRun } from './run-controller';

/*
 * The Run tab's controller in Node, with the scripted engine (labelled text written in
 * advance) and the real tools. Nothing is saved here (Node has no IndexedDB): the run goes on
 * in the store, as it does in a browser whose storage fails.
 */
const EXAMPLE = 'What is 5 miles plus 3 kilometres, in kilometres?';
const state = () => useAppStore.getState();

beforeEach(() => {
  useAppStore.setState({
    engine: 'scripted',
    mode: 'multi',
    dialect: 'chat',
    task: EXAMPLE,
    activity: undefined,
    trace: undefined,
    scriptedTokenDelayMs: 0,
    stepThrough: false,
    maxSteps: 10,
    roleSampling: {},
  });
});
afterEach(() => setTinyControllerDeps(undefined));

describe('run controller', () => {
  it('runs the task as the run activity and leaves the finished trace in the store', async () => {
    const kinds = new Set<string | undefined>();
    const off = useAppStore.subscribe((s) => kinds.add(s.activity?.kind));
    const trace = await startRun();
    off();
    expect(kinds.has('run')).toBe(true);
    expect(trace?.outcome).toBe('answer');
    expect(trace?.origin).toBe('run');
    expect(trace?.steps.map((s) => s.role)).toEqual(['planner', 'caller', 'planner', 'summarizer']);
    expect(state().trace).toBe(trace);
    expect(state().activity).toBeUndefined();
  });

  it('Stop ends the run as aborted and gives the models back', async () => {
    useAppStore.setState({ scriptedTokenDelayMs: 5 });
    const running = startRun();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(state().activity).toEqual({ kind: 'run', status: 'running' });
    stopRun();
    expect(state().activity?.status).toBe('stopping');
    const trace = await running;
    expect(trace?.outcome).toBe('aborted');
    expect(state().activity).toBeUndefined();
  });

  it('does nothing while another activity holds the models, and nothing without a task', async () => {
    let release: () => void = () => {};
    const suite = runActivity('suite', () => new Promise<void>((resolve) => (release = resolve)));
    expect(await startRun()).toBeUndefined();
    expect(state().trace).toBeUndefined();
    release();
    await suite;
    useAppStore.setState({ task: '   ' });
    expect(await startRun()).toBeUndefined();
    expect(state().activity).toBeUndefined();
  });

  it('tiny models that cannot load end the run at once with the reason, and the next run works', async () => {
    setTinyControllerDeps({
      fetch: async () => new Response('', { status: 404 }),
    });
    useAppStore.setState({ engine: 'tiny' });
    const failed = await startRun();
    expect(failed?.outcome).toBe('error');
    expect(failed?.error?.message).toBe('tiny/manifest.json answered 404');
    expect(state().activity).toBeUndefined();
    useAppStore.setState({ engine: 'scripted' });
    expect((await startRun())?.outcome).toBe('answer');
  });

  it('a fork keeps the first steps as they were and runs on from there', async () => {
    const original = await startRun();
    if (!original) throw new Error('no run');
    const fork = await forkRun(original, 2);
    expect(fork?.origin).toBe('fork');
    expect(fork?.id).not.toBe(original.id);
    expect(fork?.steps.slice(0, 2).map((s) => [s.role, s.raw, s.carriedOver])).toEqual(
      original.steps.slice(0, 2).map((s) => [s.role, s.raw, true]),
    );
    expect(fork?.outcome).toBe('answer');
  });
});
