import { useMemo } from 'react';
import { clearResults, openResultTrace, suiteCsv, suiteJson } from '../../activities/suite-controller';
import { expectedText } from '../../agent/eval/suite/checkers';
import { type ConfigSummary, type SuiteResult, summarise } from '../../agent/eval/suite/results';
import { findSuiteTask, SUITE_TASKS } from '../../agent/eval/suite/tasks';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectIsRunning, selectStatusOf } from '../../store/selectors';
import { download } from '../download';
import { AccuracyChart, type ChartBar } from './AccuracyChart';
import { configLabel, percent } from './labels';
import { checkMessages, resultsMessages, suiteRunnerMessages } from './messages';
import { SummaryTable } from './SummaryTable';

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
  const busy = useAppStore((s) => selectStatusOf('suite')(s) !== 'idle');
  const summaries = useMemo(() => summarise(results), [results]);
  const byCell = useMemo(() => new Map(results.map((r) => [`${r.configKey}::${r.taskId}`, r])), [results]);
  const tasks = useMemo(() => {
    const ran = new Set(results.map((r) => r.taskId));
    return SUITE_TASKS.filter((task) => ran.has(task.id));
  }, [results]);

  if (results.length === 0) return <p className="muted">{t('none')}</p>;
  const label = (s: ConfigSummary) => configLabel(locale, s.config, t('yourModels'));
  // Different task sets: the chart compares on the tasks every configuration ran, when there are any.
  const mixed = summaries.some((s) => !s.sameTasks);
  const common = summaries[0]?.commonTasks ?? 0;
  const onCommon = mixed && common > 0;
  const bar = (s: ConfigSummary): ChartBar => {
    const value = onCommon ? (s.commonAccuracy ?? 0) : s.accuracy;
    const parts = [label(s)];
    if (s.config.engine === 'scripted') parts.push(`(${ts('scriptedNote')})`);
    if (!onCommon && !s.sameTasks) parts.push(`(${t('tasksOf', { n: s.tasks, total: s.allTasks })})`);
    return {
      key: s.configKey,
      label: parts.join(' '),
      value,
      text: percent(locale, value),
      scripted: s.config.engine === 'scripted',
      partial: !onCommon && !s.sameTasks,
    };
  };
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const open = async (id: string) => {
    if (await openResultTrace(id)) onOpenRun?.();
    else if (selectIsRunning(useAppStore.getState()))
      useAppStore.getState().addSuiteNotice({ key: 'openBusy' });
  };

  return (
    <section className="suite-results" data-testid="suite-results" aria-labelledby="suite-results-title">
      <h3 id="suite-results-title">{t('title')}</h3>
      {mixed && (
        <p className="note notice" role="note" data-testid="suite-mixed-note">
          {common > 0
            ? t('mixedNote', { all: summaries[0]?.allTasks ?? 0, common })
            : t('noCommonNote', { all: summaries[0]?.allTasks ?? 0 })}
        </p>
      )}
      <SummaryTable summaries={summaries} />
      <p className="note">{t('explainMeans')}</p>
      <AccuracyChart
        title={onCommon ? t('chartTitleCommon', { n: common }) : t('chartTitle')}
        description={onCommon ? t('chartDescCommon', { n: common }) : t('chartDesc')}
        bars={summaries.map(bar)}
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
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the page scrolls here; the keyboard must reach it (axe scrollable-region-focusable) */}
      <section className="suite-table-scroll" tabIndex={0} aria-label={t('tasksCaption')}>
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
      </section>
    </section>
  );
}
