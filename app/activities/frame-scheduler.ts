/** The browser's animation frames, or a stand-in (tests; Node has none). */
export interface Frames {
  request(callback: () => void): number;
  cancel(id: number): void;
}

const browserFrames: Frames | undefined =
  typeof requestAnimationFrame === 'function'
    ? { request: (cb) => requestAnimationFrame(cb), cancel: (id) => cancelAnimationFrame(id) }
    : undefined;

/** Without a frame in this long, the batch goes anyway (a hidden tab gets no frames). */
export const FRAME_FALLBACK_MS = 100;

/**
 * Returns `schedule`: each call asks for one `flush` at the next animation frame, or after
 * 100 ms when frames do not come, whichever is first; calls before that flush share it. A
 * fast token stream then costs one store update per frame, and a background run still
 * reaches the store and storage.
 */
export function frameScheduler(flush: () => void, frames: Frames | undefined = browserFrames): () => void {
  let scheduled = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!scheduled) return;
    scheduled = false;
    if (frame) frames?.cancel(frame);
    if (timer) clearTimeout(timer);
    frame = 0;
    timer = undefined;
    flush();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    if (frames) frame = frames.request(run);
    timer = setTimeout(run, FRAME_FALLBACK_MS);
  };
}
