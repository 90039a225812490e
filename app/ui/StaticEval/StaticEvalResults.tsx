import { useState } from 'react';
import { predictionsFile, type StaticEvalResult } from '../../activities/static-eval-controller';
import { METRIC_KEYS, type SampleScore } from '../../agent/eval/static/metrics';
import type { ParsedOutput } from '../../agent/eval/static/parse-output';
import { formatNumber } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { download } from '../download';
import { staticEvalMessages } from './messages';

/** Rows shown before "Show all": a 400-trajectory file gives ~1600 samples. */
const FIRST_ROWS = 100;

export function StaticEvalResults({ result }: { result: StaticEvalResult }) {
  const t = useT(staticEvalMessages);
  const locale = useLocale();
  const done = result.records.length;
  const complete = result.end === 'finished';
  const score = result.score;
  const count = (note: SampleScore['notes'][number]) =>
    score?.samples.filter((s) => s.notes.includes(note)).length ?? 0;
  const emptyAnswers = count('empty_predicted_answer');
  const unreadableCalls = count('prediction_no_end_of_turn');

  return (
    <div
      className="static-results"
      data-testid="static-results"
      data-complete={complete ? 'true' : 'false'}
      data-done={done}
      data-total={result.total}
    >
      <p className={complete ? 'static-status' : 'static-status static-partial'} data-testid="static-status">
        {complete ? t('complete', { total: result.total }) : t('partial', { done, total: result.total })}{' '}
        {result.end === 'stopped' && t('stoppedByYou')}
        {result.failure && (
          <>
            {t('failedAt', { index: result.failure.index })} <strong>{result.failure.error.name}</strong>:{' '}
            <span lang="en">{result.failure.error.message}</span>
          </>
        )}
      </p>
      <p
        className={result.source === 'replay' ? 'static-by static-by-replay' : 'static-by'}
        data-testid="static-by"
      >
        {'file' in result.by ? t('byReplay', { file: result.by.file }) : t('byModels', result.by.models)}
      </p>

      {!score && <p className="note">{t('nothingScored')}</p>}
      {score && (
        <>
          <table className="static-metrics" data-testid="static-metrics">
            <caption>{t('metricsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colMetric')}</th>
                <th scope="col">{t('colValue')}</th>
                <th scope="col">{t('colMeaning')}</th>
              </tr>
            </thead>
            <tbody>
              {METRIC_KEYS.map((key) => {
                const value = score.metrics[key];
                return (
                  <tr key={key}>
                    <th scope="row">
                      <code>{key}</code>
                    </th>
                    <td
                      className="static-value"
                      data-testid={`static-metric-${key}`}
                      data-value={value === null ? 'null' : String(value)}
                    >
                      {value === null ? (
                        <span title={t('notApplicableTitle')}>{t('notApplicable')}</span>
                      ) : (
                        formatNumber(locale, value, { minimumFractionDigits: 4, maximumFractionDigits: 4 })
                      )}
                    </td>
                    <td className="note">{t(key)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {emptyAnswers > 0 && <p className="note">{t('emptyAnswers', { count: emptyAnswers })}</p>}
          {unreadableCalls > 0 && <p className="note">{t('unreadableCalls', { count: unreadableCalls })}</p>}
        </>
      )}

      {done > 0 && (
        <div className="actions">
          <button
            type="button"
            data-testid="static-export"
            onClick={() => {
              const file = predictionsFile(result);
              download(file.name, file.text);
            }}
          >
            {t('export')}
          </button>
          <span className="note">{t('exportNote')}</span>
        </div>
      )}

      {score && <SampleTable result={result} samples={score.samples} />}
    </div>
  );
}

function SampleTable({ result, samples }: { result: StaticEvalResult; samples: SampleScore[] }) {
  const t = useT(staticEvalMessages);
  const [all, setAll] = useState(false);
  const origins = useAppStore((state) => state.staticEval.testFile?.samples);
  const shown = all ? samples : samples.slice(0, FIRST_ROWS);
  const yesNo = (ok: boolean | undefined) =>
    ok === undefined ? (
      t('dash')
    ) : (
      <span className={ok ? 'static-ok' : 'static-bad'}>{ok ? t('yes') : t('no')}</span>
    );
  const summary = (parsed: ParsedOutput) =>
    parsed.plan === 'give up'
      ? t('giveUp')
      : parsed.plan === 'call'
        ? `${t('call', { action: parsed.action })} ${parsed.actionInput}`
        : `${t('answer')}: ${parsed.answer}`;

  return (
    <>
      <div className="static-table-wrap">
        <table className="static-samples" data-testid="static-samples">
          <caption>{t('samplesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colSample')}</th>
              <th scope="col">{t('colReference')}</th>
              <th scope="col">{t('colPrediction')}</th>
              <th scope="col">{t('colPlan')}</th>
              <th scope="col">{t('colAction')}</th>
              <th scope="col">{t('colScore')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => {
              const record = result.records[s.index];
              const value = s.argF1 ?? s.rougeL;
              return (
                <tr
                  key={s.index}
                  data-testid="static-sample-row"
                  data-plan-ok={s.planOk}
                  data-action-ok={s.actionOk ?? ''}
                >
                  <th scope="row">
                    {s.index}
                    {origins?.[s.index] && (
                      <span className="note static-where">
                        {t('sampleWhere', {
                          record: origins[s.index]?.record ?? 0,
                          turn: origins[s.index]?.turn ?? 0,
                        })}
                      </span>
                    )}
                  </th>
                  <td>
                    <Clipped
                      text={summary(s.reference)}
                      full={record?.reference ?? ''}
                      label={t('fullText')}
                    />
                  </td>
                  <td>
                    <Clipped
                      text={summary(s.prediction)}
                      full={record?.predictions ?? ''}
                      label={t('fullText')}
                    />
                    {s.hallucinated && <span className="static-bad"> ({t('hallucinated')})</span>}
                  </td>
                  <td>{yesNo(s.planOk)}</td>
                  <td>{yesNo(s.actionOk)}</td>
                  <td className="static-value">{value === undefined ? t('dash') : value.toFixed(3)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!all && samples.length > FIRST_ROWS && (
        <button type="button" data-testid="static-show-all" onClick={() => setAll(true)}>
          {t('showAll', { count: samples.length })}
        </button>
      )}
    </>
  );
}

/** The short reading of a step, with the exact text one click away. */
function Clipped({ text, full, label }: { text: string; full: string; label: string }) {
  const short = text.length > 140 ? `${text.slice(0, 140)}…` : text;
  return (
    <details className="static-clip">
      <summary>{short}</summary>
      <p className="label">{label}</p>
      <pre>{full}</pre>
    </details>
  );
}
