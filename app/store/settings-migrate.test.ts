import { describe, expect, it } from 'vitest';
import { migrateSettings } from './index';

describe('saved settings from an earlier version', () => {
  it('moves the old default engine (scripted, saved by version 1) to the tiny models', () => {
    expect(migrateSettings({ engine: 'scripted', mode: 'shared', maxSteps: 7 }, 1)).toStrictEqual({
      engine: 'tiny',
      mode: 'shared',
      maxSteps: 7,
    });
  });

  it('keeps every other version-1 choice, and a scripted engine chosen since version 2', () => {
    expect(migrateSettings({ engine: 'webllm', locale: 'zh' }, 1)).toStrictEqual({
      engine: 'webllm',
      locale: 'zh',
    });
    expect(migrateSettings({ engine: 'scripted' }, 2)).toStrictEqual({ engine: 'scripted' });
    expect(migrateSettings(undefined, 0)).toStrictEqual({});
  });
});
