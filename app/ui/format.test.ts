import { describe, expect, it } from 'vitest';
import { formatGb, formatMs } from './format';

describe('number formats', () => {
  it('shows durations in ms under a second and in seconds above, per language', () => {
    expect(formatMs('en', 12.4)).toBe('12 ms');
    expect(formatMs('en', 1234)).toBe('1.23 s');
    expect(formatMs('en', 12_345_678)).toBe('12,345.68 s');
    expect(formatMs('zh-CN', 12.4)).toBe('12毫秒');
    expect(formatMs('zh-CN', 1234)).toBe('1.23秒');
  });

  it('shows memory in GB to one decimal', () => {
    expect(formatGb('en', 2265)).toBe('2.2 GB');
    expect(formatGb('zh-CN', 1630)).toBe('1.6 GB');
  });
});
