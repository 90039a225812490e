import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../store/index';
import {
  selectBusyElsewhere,
  selectIsRunning,
  selectModelsBusy,
  selectRunStatus,
  selectStatusOf,
} from '../store/selectors';
import { runActivity, stopActivity } from './activity';

const state = () => useAppStore.getState();

/** A piece of work that waits until it is released or its signal aborts. */
function held() {
  let release: () => void = () => {};
  let seen: AbortSignal | undefined;
  const work = (signal: AbortSignal) =>
    new Promise<string>((resolve) => {
      seen = signal;
      release = () => resolve('done');
      signal.addEventListener('abort', () => resolve('aborted'));
    });
  return { work, release: () => release(), signal: () => seen };
}

beforeEach(() => {
  useAppStore.setState({ activity: undefined });
});

describe('runActivity: one activity at a time holds the models', () => {
  it('sets the one status while the work runs and clears it when the work ends', async () => {
    const job = held();
    const started = runActivity('suite', job.work);
    expect(state().activity).toEqual({ kind: 'suite', status: 'running' });
    expect(selectStatusOf('suite')(state())).toBe('running');
    expect(selectRunStatus(state())).toBe('idle');
    expect(selectModelsBusy(state())).toBe(true);
    job.release();
    expect(await started).toEqual({ ok: true, value: 'done' });
    expect(state().activity).toBeUndefined();
    expect(selectModelsBusy(state())).toBe(false);
  });

  it('refuses a second activity, runs none of it, and says who holds the models', async () => {
    const job = held();
    const first = runActivity('run', job.work);
    let ran = false;
    const second = await runActivity('static-eval', async () => {
      ran = true;
    });
    expect(second).toEqual({ ok: false, holder: 'run' });
    expect(ran).toBe(false);
    expect(state().activity?.kind).toBe('run');
    expect(selectBusyElsewhere('static-eval')(state())).toBe('run');
    expect(selectBusyElsewhere('run', 'replay')(state())).toBeUndefined();
    job.release();
    await first;
  });

  it('releases the models when the work throws, and passes the error on', async () => {
    await expect(
      runActivity('compare', async () => {
        throw new Error('worker crashed');
      }),
    ).rejects.toThrow('worker crashed');
    expect(state().activity).toBeUndefined();
  });

  it('Stop aborts the signal and shows stopping until the work has wound down', async () => {
    let finish: () => void = () => {};
    const started = runActivity('replay', (signal) => {
      return new Promise<boolean>((resolve) => {
        finish = () => resolve(signal.aborted);
      });
    });
    expect(selectIsRunning(state())).toBe(true);
    expect(stopActivity('suite')).toBe(false); // not the one running
    expect(state().activity?.status).toBe('running');
    expect(stopActivity('run', 'replay')).toBe(true);
    expect(state().activity).toEqual({ kind: 'replay', status: 'stopping' });
    expect(selectRunStatus(state())).toBe('stopping');
    finish();
    expect(await started).toEqual({ ok: true, value: true });
    expect(state().activity).toBeUndefined();
    expect(stopActivity()).toBe(false);
  });

  it('a new activity gets a fresh signal, not the aborted one of the last', async () => {
    const a = held();
    const first = runActivity('run', a.work);
    stopActivity();
    expect(await first).toEqual({ ok: true, value: 'aborted' });
    const b = held();
    const second = runActivity('run', b.work);
    expect(b.signal()?.aborted).toBe(false);
    b.release();
    expect(await second).toEqual({ ok: true, value: 'done' });
  });
});
