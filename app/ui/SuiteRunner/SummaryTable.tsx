import type { ConfigSummary, SuiteConfig } from '../../agent/eval/suite/results';
import { useLocale, useT } from '../../i18n/use-t';
import { configLabel, duration, percent, settingsTag, whole } from './labels';
import { resultsMessages, suiteRunnerMessages } from './messages';

/** What a settings tag stands for, for its tooltip. */
function useSettingsText(): (config: SuiteConfig) => string {
  const t = useT(resultsMessages);
  return (config) => {
    const s = config.settings;
    if (!s) return t('settingsUnknown');
    return t('settingsExplain', {
      steps: s.maxSteps,
      tools: s.tools.join(', ') || '—',
      prompts: s.customPrompts.join(', ') || t('defaultPrompts'),
    });
  };
}

/**
 * Scores per configuration. Each row says how many of all the tasks it ran; when the
 * configurations ran different tasks, a row that did not run them all is marked and a column
 * gives each one's accuracy on the tasks every configuration ran.
 */
export function SummaryTable({ summaries }: { summaries: ConfigSummary[] }) {
  const t = useT(resultsMessages);
  const ts = useT(suiteRunnerMessages);
  const locale = useLocale();
  const settingsText = useSettingsText();
  const pct = (x: number | undefined) => (x === undefined ? t('notApplicable') : percent(locale, x));
  const mixed = summaries.some((s) => !s.sameTasks);
  const common = summaries[0]?.commonTasks ?? 0;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the page scrolls here; the keyboard must reach it (axe scrollable-region-focusable)
    <section className="suite-table-scroll" tabIndex={0} aria-label={t('summaryCaption')}>
      <table className="suite-table" data-testid="suite-summary">
        <caption>{t('summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colConfig')}</th>
            <th scope="col" title={t('explainTasks')}>
              {t('colTasks')}
            </th>
            <th scope="col" title={t('explainAccuracy')}>
              {t('colAccuracy')}
            </th>
            {mixed && (
              <th scope="col" title={t('explainCommon')}>
                {t('colCommon', { n: common })}
              </th>
            )}
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
          {summaries.map((s) => {
            const tag = settingsTag(s.config);
            return (
              <tr
                key={s.configKey}
                data-testid="suite-summary-row"
                data-mode={s.config.mode}
                data-engine={s.config.engine}
                data-accuracy={s.accuracy}
                data-same-tasks={s.sameTasks}
              >
                <th scope="row">
                  {configLabel(locale, s.config, t('yourModels'), { withSettings: false })}{' '}
                  <span className="muted suite-settings-tag" title={settingsText(s.config)}>
                    {tag ?? t('settingsUnknownTag')}
                  </span>{' '}
                  {s.config.engine === 'scripted' && (
                    <span className="badge simulated">{ts('scriptedNote')}</span>
                  )}
                </th>
                <td data-testid="suite-task-count">
                  {t('tasksOf', { n: s.tasks, total: s.allTasks })}{' '}
                  {!s.sameTasks && (
                    <span className="badge partial" data-testid="suite-partial" title={t('partialExplain')}>
                      {t('partial')}
                    </span>
                  )}
                </td>
                <td data-testid="suite-accuracy">
                  {percent(locale, s.accuracy)} ({s.correct}/{s.runs})
                </td>
                {mixed && (
                  <td data-testid="suite-common-accuracy">
                    {pct(s.commonAccuracy)} ({s.commonCorrect}/{s.commonTasks})
                  </td>
                )}
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
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
