import { expectedText } from '../../agent/eval/suite/checkers';
import { suiteTaskForText } from '../../agent/eval/suite/tasks';
import { useLocale, useT } from '../../i18n/use-t';
import type { CompareColumn as Column } from '../../store/suite-slice';
import { Markdown } from '../Markdown/Markdown';
import { LabNoticeText } from '../SuiteRunner/LabNoticeText';
import { choiceName, duration } from '../SuiteRunner/labels';
import { checkMessages, modeMessages, resultsMessages, suiteRunnerMessages } from '../SuiteRunner/messages';
import { compareMessages } from './messages';

/** One mode of a comparison: its status, its numbers, its answer and the checker's verdict. */
export function CompareColumn({
  column,
  task,
  onOpen,
}: {
  column: Column;
  task: string;
  onOpen: (() => void) | undefined;
}) {
  const t = useT(compareMessages);
  const tm = useT(modeMessages);
  const ts = useT(suiteRunnerMessages);
  const tc = useT(checkMessages);
  const tr = useT(resultsMessages);
  const locale = useLocale();
  const fmt = (n: number) => new Intl.NumberFormat(locale).format(n);
  const { trace, metrics } = column;
  const scripted = !!trace && Object.values(trace.models).some((m) => m?.kind === 'scripted');
  const suiteTask = suiteTaskForText(task);
  const check = metrics?.check;
  const choice = column.choice ? choiceName(locale, column.choice, tr('yourModels')) : undefined;
  return (
    <article
      className={`compare-column status-${column.status}`}
      data-testid="compare-column"
      data-mode={column.mode}
      data-status={column.status}
      data-correct={check ? String(check.correct) : 'none'}
      aria-labelledby={`compare-${column.mode}`}
    >
      <header>
        <h3 id={`compare-${column.mode}`}>{column.mode}</h3>
        <p className="note">
          {tm(column.mode)}
          {choice ? ` — ${choice}` : ''}
        </p>
        {scripted && <span className="badge simulated">{ts('scriptedNote')}</span>}{' '}
        <span className="badge" data-testid="compare-status">
          {t(column.status)}
        </span>
      </header>
      {column.notice && (
        <p className="step-error" data-testid="compare-column-notice" data-key={column.notice.key}>
          <LabNoticeText notice={column.notice} />
        </p>
      )}
      {trace && (
        <dl className="compare-numbers">
          <dt>{t('steps')}</dt>
          <dd data-testid="compare-steps">{metrics?.steps ?? trace.steps.length}</dd>
          {metrics && (
            <>
              <dt>{t('toolCalls')}</dt>
              <dd data-testid="compare-tool-calls">
                {t('toolCallsValue', {
                  calls: metrics.toolCalls,
                  valid: metrics.validToolCalls,
                  hallucinated: metrics.hallucinatedCalls,
                })}
              </dd>
              <dt>{t('tokens')}</dt>
              <dd data-testid="compare-tokens">
                {t('tokensValue', {
                  prompt: fmt(metrics.promptTokens),
                  completion: fmt(metrics.completionTokens),
                })}
                {metrics.simulated && <span className="badge simulated">{t('simulated')}</span>}
              </dd>
              <dt>{t('time')}</dt>
              <dd data-testid="compare-time">{duration(locale, metrics.wallMs)}</dd>
            </>
          )}
        </dl>
      )}
      {metrics && (
        <div className="compare-answer">
          <h4>{t('answer')}</h4>
          {metrics.answer !== undefined ? (
            <div className="answer" data-testid="compare-answer">
              <Markdown text={metrics.answer} />
            </div>
          ) : (
            <p data-testid="compare-answer">
              {metrics.gaveUp ? t('gaveUp') : t('noAnswer', { outcome: metrics.outcome ?? '' })}
            </p>
          )}
          <h4>{t('verdict')}</h4>
          {check ? (
            <p
              className={`compare-verdict ${check.correct ? 'right' : 'wrong'}`}
              data-testid="compare-verdict"
            >
              <strong>{check.correct ? `✓ ${t('right')}` : `✗ ${t('wrong')}`}</strong> — {tc(check.reason)}
              {suiteTask && suiteTask.checker.kind !== 'give-up' && (
                <>
                  <br />
                  <span className="muted">
                    {t('expected', { expected: expectedText(suiteTask.checker) })}
                  </span>
                </>
              )}
            </p>
          ) : (
            <p className="muted" data-testid="compare-verdict" title={t('noCheckerExplain')}>
              {t('noChecker')}
            </p>
          )}
        </div>
      )}
      {trace && column.status !== 'running' && column.status !== 'loading' && onOpen && (
        <button type="button" className="link" data-testid="compare-open" onClick={onOpen}>
          {t('open')}
        </button>
      )}
    </article>
  );
}
