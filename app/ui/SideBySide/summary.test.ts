import { describe, expect, it } from 'vitest';
import type { Alignment, Divergence } from '../../agent/compare/align';
import { type Locale, translate } from '../../i18n/i18n';
import { roleMessages } from '../Roles/messages';
import { sideBySideMessages } from './messages';
import { summaryText } from './Summary';

const none = { left: {}, right: {}, rows: [] } as unknown as Alignment;
const say = (locale: Locale, divergence: Divergence | undefined, alignment = none) =>
  summaryText(
    (key, vars) => translate(sideBySideMessages, locale, key, vars),
    (key, vars) => translate(roleMessages, locale, key, vars),
    divergence,
    alignment,
  );

describe('the summary line', () => {
  it('says where and how the runs first differ, in both languages', () => {
    const divergence: Divergence = {
      step: 2,
      kind: 'tool',
      role: 'backbone',
      leftRole: 'caller',
      turn: 1,
      left: 'calculator',
      right: 'unit_convert',
      kinds: ['tool', 'observation', 'prompt'],
    };
    expect(say('en', divergence)).toBe(
      'Step 2: run B’s Single model called unit_convert where run A’s Caller called calculator. The prompts differed too.',
    );
    expect(say('zh-CN', divergence)).toContain('第 2 步');
  });

  it('names the run that has a step the other lacks', () => {
    expect(
      say('en', {
        step: 3,
        kind: 'missing-step',
        missing: 'left',
        role: 'caller',
        turn: 2,
        tool: 'calculator',
      }),
    ).toBe('Step 3: only run B has a Caller step here (it called calculator); run A has none.');
  });

  it('says when the runs behave the same', () => {
    expect(say('en', undefined)).toMatch(/^The runs do the same thing step for step/);
  });
});
