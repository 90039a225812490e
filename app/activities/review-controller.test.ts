import { describe, expect, it } from 'vitest';
import { continueStep, review } from './review-controller';

/* Step-through: the run waits in `review` until Next, with the user's edit or without. */
describe('review (step-through)', () => {
  it('waits until Next on that step; an edit comes back as the new output', async () => {
    const controller = new AbortController();
    let settled: { raw?: string } | undefined;
    const waiting = review({ step: 3, signal: controller.signal }).then((d) => {
      settled = d;
      return d;
    });
    continueStep(2, 'not this step');
    await Promise.resolve();
    expect(settled).toBeUndefined();
    continueStep(3, 'Action: calculator');
    expect(await waiting).toEqual({ raw: 'Action: calculator' });
  });

  it('Next without an edit goes on unchanged; a second Next does nothing', async () => {
    const waiting = review({ step: 1, signal: new AbortController().signal });
    continueStep(1);
    expect(await waiting).toEqual({});
    expect(() => continueStep(1, 'late')).not.toThrow();
  });

  it('a Stop forgets the paused step: a later Next for it changes nothing', async () => {
    const controller = new AbortController();
    let settled = false;
    void review({ step: 5, signal: controller.signal }).then(() => {
      settled = true;
    });
    controller.abort();
    continueStep(5, 'edited after Stop');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(settled).toBe(false);
  });
});
