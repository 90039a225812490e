import { useMemo } from 'react';
import { type Trace, traceTotals } from '../../agent/trace';
import type { EngineKind } from '../../agent/types';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { ErrorText } from '../ErrorText/ErrorText';
import { formatMs, formatNum } from '../format';
import { Markdown } from '../Markdown/Markdown';
import { runSummaryMessages } from './messages';

/**
 * Which engine wrote the shown run, from the run itself (not the engine now selected): a saved
 * scripted run opened while real models are chosen must still say it is scripted.
 */
function engineKindOf(trace: Trace): EngineKind | 'mixed' | undefined {
  const kinds = new Set<EngineKind>(trace.steps.map((s) => s.model.kind));
  if (kinds.size === 0) for (const model of Object.values(trace.models)) if (model) kinds.add(model.kind);
  const [only] = kinds;
  if (kinds.size === 0) return undefined; // no model was there to write anything
  return kinds.size === 1 && only ? only : 'mixed';
}

/** The run's outcome, its answer, and totals across every step. */
export function RunSummary() {
  const trace = useAppStore((s) => s.trace);
  const replaySpeed = useAppStore((s) => s.replaySpeed);
  // How much of this run is in storage (a reload keeps that much): a marker for tests and tools.
  const savedCopy = useAppStore((s) => s.savedCopy);
  const t = useT(runSummaryMessages);
  const locale = useLocale();
  const totals = useMemo(() => (trace ? traceTotals(trace) : undefined), [trace]);
  if (!trace || !totals) return null;
  const kind = engineKindOf(trace);
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
      {kind && (
        <p className={`engine-kind kind-${kind}`} data-testid="run-engine" data-kind={kind}>
          {t(`kind_${kind}`)}
        </p>
      )}
      <h2
        data-testid="run-outcome"
        data-run-id={trace.id}
        data-outcome={trace.outcome ?? 'running'}
        data-saved-steps={savedCopy?.id === trace.id ? savedCopy.steps : undefined}
      >
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
          {totals.incomplete ? t('countsIncomplete') : ''}
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
              ? t('app', { app: trace.env.app }) +
                (trace.env.webllm ? t('webllm', { webllm: trace.env.webllm }) : '') +
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
