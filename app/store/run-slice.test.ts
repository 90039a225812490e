import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { AppState } from './index';
import { createRunSlice } from './run-slice';

const store = () => create<AppState>()((...a) => createRunSlice(...a) as unknown as AppState);

describe('activity lock', () => {
  it('lets one activity at a time use the models', () => {
    const s = store();
    expect(s.getState().claimActivity('suite')).toBe(true);
    expect(s.getState().claimActivity('run')).toBe(false);
    expect(s.getState().claimActivity('suite')).toBe(false);
    expect(s.getState().activity).toBe('suite');
  });

  it('only the holder releases it', () => {
    const s = store();
    s.getState().claimActivity('static-eval');
    s.getState().releaseActivity('run');
    expect(s.getState().activity).toBe('static-eval');
    s.getState().releaseActivity('static-eval');
    expect(s.getState().activity).toBeUndefined();
    expect(s.getState().claimActivity('run')).toBe(true);
  });
});
