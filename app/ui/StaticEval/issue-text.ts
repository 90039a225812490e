import type { FileIssue } from '../../agent/eval/static/issues';
import type { Translate } from '../../i18n/i18n';
import type { staticEvalIssueMessages } from './messages';

type IssueT = Translate<(typeof staticEvalIssueMessages)['en']>;

/** A file problem as a sentence in the interface language, naming the record. */
export function issueText(t: IssueT, issue: FileIssue): string {
  switch (issue.code) {
    case 'bad_field':
      return t('bad_field', {
        record: issue.record,
        field: issue.field,
        expected: t(`expected_${issue.expected}`),
      });
    case 'reference_unscorable':
      return t('reference_unscorable', {
        record: issue.record,
        where: issue.turn === undefined ? t('whereReference') : t('whereSample', { turn: issue.turn }),
        reason: t(`reason_${issue.reason}`),
      });
    case 'not_json':
      return t('not_json', { detail: issue.detail });
    case 'not_object':
    case 'reference_mismatch':
    case 'not_replayable':
      return t(issue.code, { record: issue.record });
    case 'bad_role':
      return t('bad_role', { record: issue.record, turn: issue.turn, role: issue.role });
    case 'no_following_turn':
      return t('no_following_turn', { record: issue.record, turn: issue.turn });
    case 'count_mismatch':
      return t('count_mismatch', { expected: issue.expected, actual: issue.actual });
    case 'not_array':
    case 'empty':
    case 'no_samples':
      return t(issue.code);
  }
}
