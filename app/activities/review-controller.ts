/**
 * Step-through: the run waits in `review` until the user presses Next on the paused step.
 * The resolver lives here (a function is not state); the step's `reviewing` flag is in the trace.
 */
const waiting = new Map<number, (decision: { raw?: string }) => void>();

export function review(request: { step: number; signal: AbortSignal }): Promise<{ raw?: string }> {
  return new Promise((resolve) => {
    waiting.set(request.step, resolve);
    request.signal.addEventListener('abort', () => waiting.delete(request.step), { once: true });
  });
}

/** Lets the paused step go on, with the user's edited output if it changed. */
export function continueStep(step: number, raw?: string): void {
  const resolve = waiting.get(step);
  waiting.delete(step);
  resolve?.(raw === undefined ? {} : { raw });
}
