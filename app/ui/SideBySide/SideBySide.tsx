import { useEffect, useMemo, useRef } from 'react';
import { alignTraces, firstDivergence } from '../../agent/compare/align';
import type { Trace } from '../../agent/trace';
import { useLocale, useT } from '../../i18n/use-t';
import { formatNum } from '../format';
import { historyMessages } from '../HistoryPanel/messages';
import { sideBySideMessages } from './messages';
import { Row } from './Row';
import { Summary } from './Summary';
import './side-by-side.css';

export interface SideBySideRun {
  trace: Trace;
  /** How the opener names the run: its saved title, or the comparison's mode. */
  label: string;
}

const OUTCOMES = ['answer', 'give_up', 'step_limit', 'error', 'aborted'] as const;

function RunHead({ run, side }: { run: SideBySideRun; side: 'A' | 'B' }) {
  const t = useT(sideBySideMessages);
  const th = useT(historyMessages);
  const locale = useLocale();
  const outcome = run.trace.outcome;
  return (
    <div className="sbs-head" data-testid="sbs-run" data-side={side === 'A' ? 'left' : 'right'}>
      <strong>{t('runLabel', { side, label: run.label })}</strong>
      <span className="note">
        {t('runMeta', {
          mode: run.trace.mode,
          steps: formatNum(locale, run.trace.steps.length),
          outcome: outcome && (OUTCOMES as readonly string[]).includes(outcome) ? th(outcome) : th('running'),
        })}
      </span>
      <span className="note sbs-task" lang="en">
        {run.trace.task}
      </span>
    </div>
  );
}

/**
 * Two runs side by side, step by step (issue 15, item 1), in a modal dialog: two columns on a
 * wide screen, one above the other on a phone. Escape or Close leaves it.
 */
export function SideBySide({
  left,
  right,
  onClose,
}: {
  left: SideBySideRun;
  right: SideBySideRun;
  onClose: () => void;
}) {
  const t = useT(sideBySideMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const alignment = useMemo(() => alignTraces(left.trace, right.trace), [left.trace, right.trace]);
  const divergence = useMemo(() => firstDivergence(alignment), [alignment]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const go = (step: number) => {
    const row = dialog.current?.querySelector<HTMLElement>(`#sbs-row-${step}`);
    row?.scrollIntoView({ block: 'start' });
    row?.focus();
  };
  return (
    <dialog
      ref={dialog}
      className="sbs"
      data-testid="side-by-side"
      aria-labelledby="sbs-title"
      onClose={onClose}
    >
      <header className="sbs-top">
        <h2 id="sbs-title">{t('title')}</h2>
        <button type="button" data-testid="sbs-close" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </header>
      <Summary alignment={alignment} divergence={divergence} onGo={go} />
      <div className="sbs-heads">
        <RunHead run={left} side="A" />
        <RunHead run={right} side="B" />
      </div>
      <p className="note">{t('legend')}</p>
      <ol className="sbs-rows" aria-label={t('rowsLabel')}>
        {alignment.rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an alignment's rows are fixed once computed
          <Row key={i} row={row} step={i + 1} />
        ))}
      </ol>
    </dialog>
  );
}
