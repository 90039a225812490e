import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_FALLBACK_MS, type Frames, frameScheduler } from './frame-scheduler';

/** Frames that come only when the test says so. */
function manualFrames() {
  const pending = new Map<number, () => void>();
  let next = 1;
  const frames: Frames = {
    request: (cb) => {
      pending.set(next, cb);
      return next++;
    },
    cancel: (id) => void pending.delete(id),
  };
  const tick = () => {
    const callbacks = [...pending.values()];
    pending.clear();
    for (const cb of callbacks) cb();
  };
  return { frames, tick, pending };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('frameScheduler: one flush per animation frame', () => {
  it('batches every call before the frame into one flush', () => {
    const flush = vi.fn();
    const { frames, tick } = manualFrames();
    const schedule = frameScheduler(flush, frames);
    for (let i = 0; i < 50; i++) schedule();
    expect(flush).not.toHaveBeenCalled();
    tick();
    expect(flush).toHaveBeenCalledTimes(1);
    schedule();
    tick();
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it('flushes after the fallback time when no frame comes (a hidden tab), once', () => {
    const flush = vi.fn();
    const { frames, tick, pending } = manualFrames();
    const schedule = frameScheduler(flush, frames);
    schedule();
    vi.advanceTimersByTime(FRAME_FALLBACK_MS - 1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    // The frame it asked for was cancelled: a late frame does not flush again.
    expect(pending.size).toBe(0);
    tick();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('a frame first cancels the fallback timer', () => {
    const flush = vi.fn();
    const { frames, tick } = manualFrames();
    frameScheduler(flush, frames)();
    tick();
    vi.advanceTimersByTime(FRAME_FALLBACK_MS * 3);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('without animation frames (Node) it flushes on the timer alone', () => {
    const flush = vi.fn();
    const schedule = frameScheduler(flush, undefined);
    schedule();
    schedule();
    vi.advanceTimersByTime(FRAME_FALLBACK_MS);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
