import type { Alignment, Divergence } from '../../agent/compare/align';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { roleMessages } from '../Roles/messages';
import { sideBySideMessages } from './messages';

/** The line at the top: where the runs first differ and how, in the page's language. */
export function summaryText(
  t: Translate<typeof sideBySideMessages.en>,
  roleName: Translate<typeof roleMessages.en>,
  divergence: Divergence | undefined,
  alignment: Alignment,
): string {
  if (!divergence) {
    const folded = alignment.rows.filter((r) => r.kind === 'gap' && r.folded).length;
    return folded > 0 ? `${t('sumSame')} ${t('sumFolded', { n: folded })}` : t('sumSame');
  }
  const role = roleName(divergence.role);
  if (divergence.kind === 'missing-step') {
    const what = divergence.tool
      ? t('sumWhatTool', { tool: divergence.tool })
      : divergence.decision
        ? t('sumWhatDecision', { decision: divergence.decision })
        : t('sumWhatOther', { turn: divergence.turn });
    return t('sum-missing-step', {
      step: divergence.step,
      present: divergence.missing === 'left' ? 'B' : 'A',
      missing: divergence.missing === 'left' ? 'A' : 'B',
      role,
      what,
    });
  }
  const tool = divergence.kind === 'tool-args' ? toolOf(alignment, divergence.step) : '';
  const main = t(`sum-${divergence.kind}`, {
    step: divergence.step,
    role,
    leftRole: roleName(divergence.leftRole),
    left: divergence.left,
    right: divergence.right,
    tool,
  });
  const alsoPrompt = divergence.kind !== 'prompt' && divergence.kinds.includes('prompt');
  return alsoPrompt ? `${main} ${t('sumAlsoPrompt')}` : main;
}

function toolOf(alignment: Alignment, step: number): string {
  const row = alignment.rows[step - 1];
  if (row?.kind !== 'pair') return '';
  const call = row.right.tool?.call ?? row.left.tool?.call;
  return call?.name ?? '';
}

export function Summary({
  alignment,
  divergence,
  onGo,
}: {
  alignment: Alignment;
  divergence: Divergence | undefined;
  onGo: (step: number) => void;
}) {
  const t = useT(sideBySideMessages);
  const roleName = useT(roleMessages);
  return (
    <p
      className="sbs-summary"
      data-testid="sbs-summary"
      data-kind={divergence?.kind ?? 'same'}
      data-step={divergence?.step ?? ''}
    >
      <strong>{summaryText(t, roleName, divergence, alignment)}</strong>{' '}
      {divergence && (
        <button type="button" className="link" data-testid="sbs-go" onClick={() => onGo(divergence.step)}>
          {t('goToStep', { step: divergence.step })}
        </button>
      )}
    </p>
  );
}
