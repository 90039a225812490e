import { useMemo } from 'react';
import { expectedText } from '../../agent/eval/suite/checkers';
import { type ConfigSummary, type SuiteResult, summarise } from '../../agent/eval/suite/results';
import { findSuiteTask, SUITE_TASKS } from '../../agent/eval/suite/tasks';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { clearResults, openResultTrace, suiteCsv, suiteJson } from '../../store/suite-controller';
import { download } from '../download';
import { AccuracyChart } from './AccuracyChart';
import { configLabel, duration, percent, whole } from './labels';
import { checkMessages, resultsMessages, suiteRunnerMessages } from './messages';

function SummaryTable({ summaries }: { summaries: ConfigSummary[] }) {
  const t = useT(resultsMessages);
  const ts = useT(suiteRunnerMessages);
  const locale = useLocale();
  const pct = (x: number | undefined) => (x === undefined ? t('notApplicable') : percent(locale, x));
  return (
    <div className="suite-table-scroll">
      <table className="suite-table" data-testid="suite-summary">
        <caption>{t('summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colConfig')}</th>
            <th scope="col">{t('colRuns')}</th>
            <th scope="col" title={t('explainAccuracy')}>
              {t('colAccuracy')}
            </th>
            <th scope="col" title={t('explainGiveUp')}>
              {t('colGiveUp')}
            </th>
            <th scope="col" title={t('explainValidity')}>
              {t('colValidity')}
            </th>
            <th scope="col" title={t('explainHallucinated')}>
              {t('colHallucinated')}
            </th>
            <th scope="col">{t('colSteps')}</th>
            <th scope="col">{t('colTokens')}</th>
            <th scope="col">{t('colTime')}</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr
              key={s.configKey}
              data-testid="suite-summary-row"
              data-mode={s.config.mode}
              data-engine={s.config.engine}
              data-accuracy={s.accuracy}
            >
              <th scope="row">
                {configLabel(s.config, t('yourModels'))}{' '}
                {s.config.engine === 'scripted' && (
                  <span className="badge simulated">{ts('scriptedNote')}</span>
                )}
              </th>
              <td>{s.runs}</td>
              <td data-testid="suite-accuracy">
                {percent(locale, s.accuracy)} ({s.correct}/{s.runs})
              </td>
              <td>{percent(locale, s.giveUpCorrectness)}</td>
              <td>
                {pct(s.toolCallValidity)} ({s.validToolCalls}/{s.toolCalls})
              </td>
              <td>
                {pct(s.hallucinatedToolRate)} ({s.hallucinatedCalls}/{s.toolCalls})
              </td>
              <td>{whole(locale, s.meanSteps)}</td>
              <td>{whole(locale, s.meanTokens)}</td>
              <td>{duration(locale, s.meanWallMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({
  result,
  config,
  onOpen,
}: {
  result: SuiteResult | undefined;
  config: string;
  onOpen: () => void;
}) {
  const t = useT(resultsMessages);
  const tc = useT(checkMessages);
  if (!result) return <td className="suite-cell muted">{t('notRun')}</td>;
  const check = result.metrics.check;
  const correct = check?.correct === true;
  const task = findSuiteTask(result.taskId);
  const verdict = correct ? t('right') : t('wrong');
  const title = t('cellTitle', {
    verdict,
    reason: check ? tc(check.reason) : '',
    expected: task ? expectedText(task.checker) : '',
  });
  return (
    <td
      className={`suite-cell ${correct ? 'right' : 'wrong'}`}
      data-testid="suite-cell"
      data-task={result.taskId}
      data-mode={result.config.mode}
      data-correct={correct}
      title={title}
    >
      <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>
      {verdict}{' '}
      <button
        type="button"
        className="link"
        aria-label={t('openLabel', { task: result.taskId, config })}
        onClick={onOpen}
      >
        {t('open')}
      </button>
    </td>
  );
}

/** Scores per configuration (table and chart), right/wrong per task, exports. */
export function SuiteResults({ onOpenRun }: { onOpenRun?: (() => void) | undefined }) {
  const t = useT(resultsMessages);
  const ts = useT(suiteRunnerMessages);
  const locale = useLocale();
  const results = useAppStore((s) => s.suiteResults);
  const busy = useAppStore((s) => s.suiteStatus !== 'idle');
  const summaries = useMemo(() => summarise(results), [results]);
  const byCell = useMemo(() => new Map(results.map((r) => [`${r.configKey}::${r.taskId}`, r])), [results]);
  const tasks = useMemo(() => {
    const ran = new Set(results.map((r) => r.taskId));
    return SUITE_TASKS.filter((task) => ran.has(task.id));
  }, [results]);

  if (results.length === 0) return <p className="muted">{t('none')}</p>;
  const label = (s: ConfigSummary) => configLabel(s.config, t('yourModels'));
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const open = async (id: string) => {
    if (await openResultTrace(id)) onOpenRun?.();
    else if (useAppStore.getState().runStatus !== 'idle')
      useAppStore.getState().setSuiteNotice(t('runTabBusy'));
  };

  return (
    <section className="suite-results" data-testid="suite-results" aria-labelledby="suite-results-title">
      <h3 id="suite-results-title">{t('title')}</h3>
      <SummaryTable summaries={summaries} />
      <p className="note">{t('explainMeans')}</p>
      <AccuracyChart
        title={t('chartTitle')}
        description={t('chartDesc')}
        bars={summaries.map((s) => ({
          key: s.configKey,
          label: s.config.engine === 'scripted' ? `${label(s)} (${ts('scriptedNote')})` : label(s),
          value: s.accuracy,
          text: percent(locale, s.accuracy),
          scripted: s.config.engine === 'scripted',
        }))}
      />
      <div className="suite-actions">
        <button
          type="button"
          data-testid="suite-export-csv"
          onClick={() => download(`umi-suite-${stamp}.csv`, suiteCsv(results), 'text/csv')}
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          data-testid="suite-export-json"
          onClick={() => download(`umi-suite-${stamp}.json`, suiteJson(results))}
        >
          {t('exportJson')}
        </button>
        <button
          type="button"
          data-testid="suite-clear"
          disabled={busy}
          onClick={() => {
            if (confirm(t('confirmClear'))) void clearResults();
          }}
        >
          {t('clear')}
        </button>
      </div>
      <div className="suite-table-scroll">
        <table className="suite-table" data-testid="suite-task-table">
          <caption>{t('tasksCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colTask')}</th>
              {summaries.map((s) => (
                <th scope="col" key={s.configKey}>
                  {label(s)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} data-testid="suite-task-row" data-task={task.id}>
                <th scope="row" title={task.task}>
                  {task.id}
                </th>
                {summaries.map((s) => {
                  const result = byCell.get(`${s.configKey}::${task.id}`);
                  return (
                    <Cell
                      key={s.configKey}
                      result={result}
                      config={label(s)}
                      onOpen={() => result && void open(result.id)}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
