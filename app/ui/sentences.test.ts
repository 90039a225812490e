import { describe, expect, it } from 'vitest';
import { defineMessages } from '../i18n/i18n';
import { matchTemplate, recognise, translateSentence } from './sentences';

const catalog = defineMessages(
  {
    twin: 'Your GPU has no shader-f16: using {twin} instead of {model}.',
    plain: 'No model is loaded (x).',
    nested: 'Limits are too low: {problems} Try another browser.',
  },
  {
    twin: '你的 GPU 不支持 shader-f16：改用 {twin}，而不是 {model}。',
    plain: '没有加载模型（x）。',
    nested: '限制太低：{problems}请换一个浏览器。',
  },
);

describe('sentence templates', () => {
  it('matches an English sentence and extracts its values', () => {
    expect(
      matchTemplate(catalog.en.twin, 'Your GPU has no shader-f16: using a-f32 instead of a-f16.'),
    ).toEqual({
      twin: 'a-f32',
      model: 'a-f16',
    });
    expect(matchTemplate(catalog.en.plain, 'No model is loaded (x).')).toEqual({});
    // Regex characters in the template are literal.
    expect(matchTemplate(catalog.en.plain, 'No model is loaded xx.')).toBeUndefined();
    expect(recognise(catalog, 'something else')).toBeUndefined();
  });

  it('translates with the same values, and leaves unknown sentences and English alone', () => {
    const text = 'Your GPU has no shader-f16: using a-f32 instead of a-f16.';
    expect(translateSentence(catalog, 'zh-CN', text)).toBe(
      '你的 GPU 不支持 shader-f16：改用 a-f32，而不是 a-f16。',
    );
    expect(translateSentence(catalog, 'en', text)).toBe(text);
    expect(translateSentence(catalog, 'zh-CN', 'Unknown.')).toBe('Unknown.');
  });

  it('passes values through mapVar (nested sentences)', () => {
    const out = translateSentence(
      catalog,
      'zh-CN',
      'Limits are too low: a; b. Try another browser.',
      (name, v) => (name === 'problems' ? v.toUpperCase() : v),
    );
    expect(out).toBe('限制太低：A; B.请换一个浏览器。');
  });
});
