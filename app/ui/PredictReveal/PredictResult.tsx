import type { KindScore, PointResult, PredictScore } from '../../agent/predict/predict';
import { useLocale, useT } from '../../i18n/use-t';
import { formatNum } from '../format';
import { predictMessages } from './messages';

type T = ReturnType<typeof useT<typeof predictMessages.en>>;

function shown(t: T, result: PointResult, value: string): string {
  if (result.point.kind !== 'decision') return value;
  return value === 'caller' || value === 'conclusion' || value === 'give_up' ? t(value) : value;
}

/** "You said X, the model did Y", right after a reveal; right or wrong in words, not colour alone. */
export function PredictVerdict({ result }: { result: PointResult }) {
  const t = useT(predictMessages);
  const locale = useLocale();
  return (
    <li
      className={`predict-verdict ${result.right ? 'is-right' : 'is-wrong'}`}
      data-testid="predict-verdict"
      data-right={String(result.right)}
      data-step={result.point.step}
    >
      <strong>{result.right ? t('right') : t('wrong')}</strong>{' '}
      <span data-testid="predict-said">
        {t('youSaid', { predicted: shown(t, result, result.predicted) })}
      </span>
      {' · '}
      <span data-testid="predict-actual">
        {t('modelDid', { actual: shown(t, result, result.point.actual) })}
      </span>
      {result.rougeL !== undefined && (
        <>
          {' · '}
          {t('rouge', { value: formatNum(locale, result.rougeL, { maximumFractionDigits: 2 }) })}
        </>
      )}
    </li>
  );
}

const ROWS = [
  ['decision', 'rowDecision', 'metricDecision'],
  ['tool', 'rowTool', 'metricTool'],
  ['answer', 'rowAnswer', 'metricAnswer'],
] as const;

/** The end of a predict-then-reveal run: right / total per role, with the α-UMi metric each is. */
export function PredictScoreCard({ score }: { score: PredictScore }) {
  const t = useT(predictMessages);
  const locale = useLocale();
  const rows = ROWS.filter(([kind]) => score[kind].total > 0);
  const metric = (s: KindScore) => formatNum(locale, s.metric ?? 0, { maximumFractionDigits: 2 });
  return (
    <section className="predict-score" data-testid="predict-score" aria-labelledby="predict-score-title">
      <h3 id="predict-score-title">{t('scoreTitle')}</h3>
      {rows.length === 0 ? (
        <p>{t('noPoints')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('scoreWhat')}</th>
              <th scope="col">{t('scoreRight')}</th>
              <th scope="col">{t('scoreMetric')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([kind, row, name]) => (
              <tr key={kind} data-testid={`predict-score-${kind}`}>
                <th scope="row">{t(row)}</th>
                <td data-testid="predict-score-right">
                  {t('rightOf', {
                    right: formatNum(locale, score[kind].right),
                    total: formatNum(locale, score[kind].total),
                  })}
                </td>
                <td data-testid="predict-score-metric">{t(name, { value: metric(score[kind]) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {score.answer.total > 0 && <p className="note">{t('answerRule')}</p>}
    </section>
  );
}
