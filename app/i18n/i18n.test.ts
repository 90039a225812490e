import { describe, expect, it } from 'vitest';
import { defineMessages, detectLocale, format, isLocale, plural, translate } from './i18n';

const catalog = defineMessages(
  {
    hello: 'Hello {name}',
    steps: (v: { readonly [k: string]: string | number }) => `${v.n} steps`,
    only: 'x',
  },
  { hello: '你好，{name}', steps: (v) => `${v.n} 步`, only: 'x' },
);

describe('i18n', () => {
  it('translates with placeholders in both locales', () => {
    expect(translate(catalog, 'en', 'hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(translate(catalog, 'zh-CN', 'hello', { name: 'Ada' })).toBe('你好，Ada');
    expect(translate(catalog, 'zh-CN', 'steps', { n: 3 })).toBe('3 步');
  });

  it('keeps a placeholder without a value visible', () => {
    expect(format('a {b} {c}', { b: 1 })).toBe('a 1 {c}');
    expect(format('a {b}', undefined)).toBe('a {b}');
  });

  it('chooses English plural forms and one form for Chinese', () => {
    const forms = { one: '{n} step', other: '{n} steps' };
    expect(plural('en', 1, forms)).toBe('1 step');
    expect(plural('en', 2, forms)).toBe('2 steps');
    expect(plural('zh-CN', 1, forms)).toBe('1 steps');
  });

  it('detects the first visit locale from the browser languages', () => {
    expect(detectLocale(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLocale(['en-GB', 'zh-CN'])).toBe('en');
    expect(detectLocale(['fr'])).toBe('en');
    expect(detectLocale([])).toBe('en');
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('de')).toBe(false);
  });
});
