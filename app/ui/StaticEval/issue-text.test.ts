import { describe, expect, it } from 'vitest';
import type { FileIssue } from '../../agent/eval/static/issues';
import { LOCALES, translate } from '../../i18n/i18n';
import { issueText } from './issue-text';
import { staticEvalIssueMessages, staticEvalMessages } from './messages';

const ISSUES: FileIssue[] = [
  { code: 'not_json', detail: 'Unexpected end of JSON input' },
  { code: 'not_array' },
  { code: 'empty' },
  { code: 'not_object', record: 4 },
  ...(['string', 'tools', 'tool', 'input', 'conversations', 'turn'] as const).map(
    (expected): FileIssue => ({ code: 'bad_field', record: 4, field: 'tools[0].Name', expected }),
  ),
  { code: 'bad_role', record: 4, turn: 2, role: 'robot' },
  { code: 'no_following_turn', record: 4, turn: 2 },
  ...(['no_end_of_turn', 'no_conclusion_prefix', 'empty_answer'] as const).map(
    (reason): FileIssue => ({ code: 'reference_unscorable', record: 4, turn: 2, reason }),
  ),
  { code: 'reference_unscorable', record: 4, reason: 'empty_answer' },
  { code: 'no_samples' },
  { code: 'count_mismatch', expected: 79, actual: 78 },
  { code: 'reference_mismatch', record: 4 },
  { code: 'not_replayable', record: 4 },
];

describe('issueText', () => {
  for (const locale of LOCALES) {
    it(`says every file problem in ${locale}, with its record index and no unfilled placeholder`, () => {
      const t = (
        key: keyof typeof staticEvalIssueMessages.en & string,
        vars?: Record<string, string | number>,
      ) => translate(staticEvalIssueMessages, locale, key, vars);
      for (const issue of ISSUES) {
        const text = issueText(t, issue);
        expect(text, issue.code).not.toMatch(/\{\w+\}/);
        if ('record' in issue) expect(text, issue.code).toContain('[4]');
      }
      expect(issueText(t, { code: 'bad_role', record: 4, turn: 2, role: 'robot' })).toContain(
        'conversations[2]',
      );
    });
  }

  it('names the field and what it must be', () => {
    const t = (
      key: keyof typeof staticEvalIssueMessages.en & string,
      vars?: Record<string, string | number>,
    ) => translate(staticEvalIssueMessages, 'en', key, vars);
    expect(issueText(t, { code: 'bad_field', record: 1, field: 'predictions', expected: 'string' })).toBe(
      'record [1]: “predictions” must be a string.',
    );
  });

  it('the page catalog fills its counts in both languages', () => {
    for (const locale of LOCALES) {
      const text = translate(staticEvalMessages, locale, 'partial', { done: 3, total: 79 });
      expect(text).toContain('3');
      expect(text).toContain('79');
      expect(
        translate(staticEvalMessages, locale, 'testLoaded', { file: 'f.json', trajectories: 1, samples: 2 }),
      ).not.toMatch(/\{\w+\}/);
    }
  });
});
