import { useMemo, useState } from 'react';
import type { AlignedRow, DiffKind, Side, StepFacts } from '../../agent/compare/align';
import { stepFacts } from '../../agent/compare/align';
import { type DiffPart, textDiff } from '../../agent/compare/text-diff';
import type { TraceStep } from '../../agent/trace';
import { useT } from '../../i18n/use-t';
import { roleMessages } from '../Roles/messages';
import { Diffed, FoldedText } from './Diffed';
import { sideBySideMessages } from './messages';

interface Opened {
  output: boolean;
  prompt: boolean;
}

type ShortField = 'tool-args' | 'observation' | 'answer';
const SHORT_FIELDS: readonly ShortField[] = ['tool-args', 'observation', 'answer'];
const value = (f: StepFacts | undefined, k: ShortField) =>
  k === 'tool-args' ? f?.args : k === 'observation' ? f?.observation : f?.answer;

/** One step of one run, or the explicit "no step here" of a gap. */
function Cell({
  side,
  step,
  facts,
  other,
  diffs,
  differs,
  folded,
  opened,
  setOpened,
}: {
  side: Side;
  step: TraceStep | undefined;
  facts: StepFacts | undefined;
  other: StepFacts | undefined;
  diffs: Partial<Record<ShortField, DiffPart[]>>;
  differs: readonly DiffKind[];
  folded: boolean;
  opened: Opened;
  setOpened: (next: Opened) => void;
}) {
  const t = useT(sideBySideMessages);
  const roleName = useT(roleMessages);
  const sideName = side === 'left' ? t('runA') : t('runB');
  if (!step || !facts)
    return (
      <div className="sbs-cell sbs-gap" data-testid="sbs-gap" data-side={side}>
        <span className="sbs-side">{sideName}</span>
        <p>
          <strong>{t('noStep')}</strong>
        </p>
        {folded && <p className="note">{t('folded')}</p>}
      </div>
    );
  const mark = (k: DiffKind) => (differs.includes(k) ? 'sbs-differs' : undefined);
  return (
    <div className="sbs-cell" data-testid="sbs-cell" data-side={side} data-role={step.role}>
      <span className="sbs-side">{sideName}</span>{' '}
      <span className={`badge role-${step.role}`}>{roleName(step.role)}</span>
      {step.carriedOver && <span className="badge">{t('carriedOver')}</span>}
      <dl className="sbs-facts">
        {facts.decision && (
          <div className="sbs-fact">
            <dt>{t('decision')}</dt>
            <dd className={mark('decision')} data-testid="sbs-decision">
              {differs.includes('decision') ? <mark>{facts.decision}</mark> : facts.decision}
            </dd>
          </div>
        )}
        {facts.act === 'call' && (
          <div className="sbs-fact">
            <dt>{t('tool')}</dt>
            <dd className={mark('tool')} data-testid="sbs-tool">
              {differs.includes('tool') ? <mark>{facts.tool ?? '—'}</mark> : (facts.tool ?? '—')}
              {facts.callOk === false && <span className="badge error">{t('unusableCall')}</span>}
            </dd>
          </div>
        )}
        {SHORT_FIELDS.map((k) => {
          const mine = value(facts, k);
          if (mine === undefined) return null;
          const parts = diffs[k];
          return (
            <div key={k} className="sbs-fact">
              <dt>{t(k)}</dt>
              <dd className={mark(k)} data-testid={`sbs-${k}`}>
                {parts ? <Diffed parts={parts} side={side} /> : <span className="sbs-text">{mine}</span>}
              </dd>
            </div>
          );
        })}
      </dl>
      <FoldedText
        label={t('output')}
        mine={facts.raw}
        theirs={other && other.role === facts.role ? other.raw : undefined}
        side={side}
        by="words"
        differs={differs.includes('output')}
        differsLabel={t('differs', { what: t('output') })}
        testId="sbs-output"
        open={opened.output}
        onToggle={(output) => setOpened({ ...opened, output })}
      />
      <FoldedText
        label={t('prompt')}
        mine={facts.prompt}
        theirs={other && other.role === facts.role ? other.prompt : undefined}
        side={side}
        by="lines"
        differs={differs.includes('prompt')}
        differsLabel={t('differs', { what: t('prompt') })}
        testId="sbs-prompt"
        open={opened.prompt}
        onToggle={(prompt) => setOpened({ ...opened, prompt })}
      />
    </div>
  );
}

/** One row of the alignment: the two runs' steps (or a step and a gap), what differs named. */
export function Row({ row, step }: { row: AlignedRow; step: number }) {
  const t = useT(sideBySideMessages);
  const [left, right] =
    row.kind === 'pair'
      ? [row.left, row.right]
      : row.missing === 'left'
        ? [undefined, row.present]
        : [row.present, undefined];
  const lf = useMemo(() => left && stepFacts(left), [left]);
  const rf = useMemo(() => right && stepFacts(right), [right]);
  const differs = row.kind === 'pair' ? row.differs : [];
  const [opened, setOpened] = useState<Opened>({ output: false, prompt: false });
  const diffs = useMemo(() => {
    const out: Partial<Record<ShortField, DiffPart[]>> = {};
    for (const k of SHORT_FIELDS) {
      const [a, b] = [value(lf, k), value(rf, k)];
      if (a !== undefined && b !== undefined) out[k] = textDiff(a, b);
    }
    return out;
  }, [lf, rf]);
  const turn = (right ?? left)?.turn ?? 0;
  const headId = `sbs-row-${step}-head`;
  const status =
    row.kind === 'gap'
      ? t('gapHead', { side: row.missing === 'left' ? t('runB') : t('runA') })
      : differs.length === 0
        ? t('same')
        : t('differs', { what: differs.map((k) => t(k)).join(', ') });
  return (
    <li
      id={`sbs-row-${step}`}
      className={`sbs-row sbs-row-${row.kind}${differs.length > 0 ? ' sbs-row-differs' : ''}`}
      data-testid="sbs-row"
      data-kind={row.kind}
      data-differs={differs.join(' ')}
      aria-labelledby={headId}
      tabIndex={-1}
    >
      <h3 id={headId} className="sbs-row-head">
        {t('rowHead', { step, turn })} — <span data-testid="sbs-row-status">{status}</span>
      </h3>
      <div className="sbs-cells">
        <Cell
          side="left"
          step={left}
          facts={lf}
          other={rf}
          diffs={diffs}
          differs={differs}
          folded={row.kind === 'gap' && row.folded}
          opened={opened}
          setOpened={setOpened}
        />
        <Cell
          side="right"
          step={right}
          facts={rf}
          other={lf}
          diffs={diffs}
          differs={differs}
          folded={row.kind === 'gap' && row.folded}
          opened={opened}
          setOpened={setOpened}
        />
      </div>
    </li>
  );
}
