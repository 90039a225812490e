import { useMemo } from 'react';
import { traceTotals } from '../../agent/trace';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { ErrorText } from '../ErrorText/ErrorText';
import { formatMs, formatNum } from '../format';
import { Markdown } from '../Markdown/Markdown';
import { runSummaryMessages } from './messages';

/** The run's outcome, its answer, and totals across every step. */
export function RunSummary() {
  const trace = useAppStore((s) => s.trace);
  const replaySpeed = useAppStore((s) => s.replaySpeed);
  const t = useT(runSummaryMessages);
  const locale = useLocale();
  const totals = useMemo(() => (trace ? traceTotals(trace) : undefined), [trace]);
  if (!trace || !totals) return null;
  const running = trace.status === 'running';
  const n = (value: number) => formatNum(locale, value);
  return (
    <section
      className={`summary outcome-${trace.outcome ?? 'running'}`}
      aria-live="polite"
      data-testid="run-summary"
    >
      {replaySpeed !== undefined && (
        <p className="engine-banner" data-testid="replay-banner" role="note">
          <strong>{t('replayTitle')}</strong> {t('replayBody', { speed: n(replaySpeed) })}
        </p>
      )}
      <h2 data-testid="run-outcome" data-outcome={trace.outcome ?? 'running'}>
        {running ? t('running') : t(trace.outcome ?? 'error')}
      </h2>
      {trace.answer !== undefined && (
        <div className="answer" data-testid="answer">
          <Markdown text={trace.answer} />
        </div>
      )}
      {trace.giveUpReason === 'planner' && <p>{t('givePlanner')}</p>}
      {trace.giveUpReason === 'step_limit' && <p>{t('giveStepLimit', { n: n(trace.maxSteps) })}</p>}
      {trace.giveUpReason === 'empty_answer' && <p>{t('giveEmpty')}</p>}
      {trace.error && (
        <p className="step-error" data-testid="run-error">
          <ErrorText error={trace.error} />
        </p>
      )}
      {trace.outcome === 'aborted' && <p>{t('abortedNote')}</p>}
      <p className="usage">
        {totals.simulated && <span className="badge simulated">{t('simulated')}</span>}
        <span>{t('turns', { n: n(trace.steps.length), count: trace.steps.length })}</span>
        <span>{t('toolCalls', { n: n(totals.toolCalls), count: totals.toolCalls })}</span>
        <span>
          {t('promptTokens', { n: n(totals.promptTokens) })}
          {totals.reusedTokens > 0 ? t('reused', { n: n(totals.reusedTokens) }) : ''}
        </span>
        <span>{t('outputTokens', { n: n(totals.completionTokens) })}</span>
        <span>{t('modelTime', { time: formatMs(locale, totals.modelMs) })}</span>
        <span>{t('toolTime', { time: formatMs(locale, totals.toolMs) })}</span>
      </p>
      {!running && (
        <p className="usage provenance" data-testid="run-provenance" data-origin={trace.origin ?? 'unknown'}>
          <span>
            {t('madeBy')}: {trace.origin ? t(`origin_${trace.origin}`) : ''}
          </span>
          <span>
            {trace.env
              ? t('env', { app: trace.env.app, webllm: trace.env.webllm }) +
                (trace.env.gpu ? t('gpu', { gpu: trace.env.gpu }) : '')
              : trace.origin === 'stage2'
                ? ''
                : t('envUnknown')}
          </span>
        </p>
      )}
    </section>
  );
}
