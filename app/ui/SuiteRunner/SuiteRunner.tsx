import { useEffect } from 'react';
import { initSuiteResults, runSuite, stopSuite } from '../../activities/suite-controller';
import { SUITE_TASKS } from '../../agent/eval/suite/tasks';
import { useLocale, useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectBusyElsewhere, selectStatusOf } from '../../store/selectors';
import { BusyNote } from '../BusyNote/BusyNote';
import { EngineRow, ModePicker, PresetPicker, TinySystemPicker } from './ColumnPicker';
import { LabNoticeText } from './LabNoticeText';
import { choiceName } from './labels';
import { resultsMessages, suiteRunnerMessages } from './messages';
import { SuiteResults } from './SuiteResults';
import { TaskPicker, TaskSetPicker } from './TaskPicker';
import './suite-runner.css';

function Progress() {
  const t = useT(suiteRunnerMessages);
  const tr = useT(resultsMessages);
  const locale = useLocale();
  const progress = useAppStore((s) => s.suiteProgress);
  if (!progress) return null;
  const choice = progress.choice ? choiceName(locale, progress.choice, tr('yourModels')) : '';
  const configText = [choice, progress.mode].filter(Boolean).join(' · ');
  return (
    <div className="suite-progress" data-testid="suite-progress">
      <progress max={progress.total} value={progress.done} aria-label={t('progressLabel')} />
      <span role="status">
        {progress.phase === 'loading'
          ? t('progressLoading', { done: progress.done, total: progress.total, choice })
          : t('progressRunning', {
              done: progress.done,
              total: progress.total,
              task: progress.taskId ?? '',
              config: configText,
            })}
      </span>
    </div>
  );
}

/** The task suite: pick tasks and modes (or presets), run them with progress and Stop, read and export the scores. */
export function SuiteRunner({ onOpenRun }: { onOpenRun?: (() => void) | undefined } = {}) {
  const t = useT(suiteRunnerMessages);
  const engine = useAppStore((s) => s.engine);
  const status = useAppStore(selectStatusOf('suite'));
  const notices = useAppStore((s) => s.suiteNotices);
  const taskSet = useAppStore((s) => s.suiteTaskSet);
  const taskCount = useAppStore((s) =>
    s.suiteTaskSet === 'held-out' ? s.suiteHeldOutCount : s.suiteTaskIds.length,
  );
  const columns = useAppStore((s) =>
    s.engine === 'webllm'
      ? s.suiteChoices.length
      : s.engine === 'tiny'
        ? s.suiteTinySystems.length
        : s.suiteModes.length,
  );
  // Something else (a run, a comparison, a static evaluation) holds the models.
  const otherBusy = useAppStore((s) => selectBusyElsewhere('suite')(s) !== undefined);
  const running = status !== 'idle';
  useEffect(() => {
    void initSuiteResults();
  }, []);
  return (
    <section className="suite-runner" data-testid="suite-runner" aria-labelledby="suite-title">
      <h2 id="suite-title">{t('title')}</h2>
      <p className="muted">{t('intro', { count: SUITE_TASKS.length })}</p>
      <EngineRow disabled={running} />
      <TaskSetPicker disabled={running} />
      {taskSet === 'suite' && <TaskPicker disabled={running} />}
      {engine === 'webllm' ? (
        <PresetPicker disabled={running} />
      ) : engine === 'tiny' ? (
        <TinySystemPicker disabled={running} />
      ) : (
        <ModePicker disabled={running} />
      )}
      <p className="note" data-testid="suite-run-count">
        {t('runs', { n: taskCount * columns })}
      </p>
      <BusyNote self={['suite']} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="suite-run"
          disabled={running || otherBusy || taskCount === 0 || columns === 0}
          onClick={() => void runSuite()}
        >
          {t('run')}
        </button>
        <button type="button" data-testid="suite-stop" disabled={status !== 'running'} onClick={stopSuite}>
          {status === 'stopping' ? t('stopping') : t('stop')}
        </button>
      </div>
      <Progress />
      {notices.length > 0 && (
        <div role="status" className="suite-notices-list" data-testid="suite-notices">
          {notices.map((notice) => (
            <p
              key={JSON.stringify(notice)}
              className="note notice"
              data-testid="suite-notice"
              data-key={notice.key}
            >
              <LabNoticeText notice={notice} />
            </p>
          ))}
        </div>
      )}
      <SuiteResults onOpenRun={onOpenRun} />
    </section>
  );
}
