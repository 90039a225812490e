import { type FormEvent, useState } from 'react';
import { startRun, stopRun } from '../../activities/run-controller';
import { DIALECTS, type Dialect, RUN_MODES, type RunMode } from '../../agent/types';
import { currentLessonUrl } from '../../controllers/lesson-controller';
import { useLocale, useT } from '../../i18n/use-t';
import { EXAMPLE_SCRIPTS } from '../../llm/scripted/scripts';
import { TINY_EXAMPLES } from '../../llm/tiny/examples';
import type { TinySystemId } from '../../llm/tiny/manifest';
import { useAppStore } from '../../store';
import {
  RUN_TAB_ACTIVITIES,
  selectBusyElsewhere,
  selectIsRunning,
  selectRunDialect,
  selectRunStatus,
} from '../../store/selectors';
import type { EngineChoice } from '../../store/settings-slice';
import { BusyNote } from '../BusyNote/BusyNote';
import { ErrorText } from '../ErrorText/ErrorText';
import { NoticeText } from '../NoticeText/NoticeText';
import { exampleMessages, taskFormMessages } from './messages';

const MODE_LABEL = {
  multi: 'modeMulti',
  shared: 'modeShared',
  single: 'modeSingle',
} as const satisfies Record<RunMode, string>;

const DIALECT_LABEL = { chat: 'dialectChat', 'alpha-umi': 'dialectAlphaUmi' } as const satisfies Record<
  Dialect,
  string
>;

export function TaskForm() {
  const task = useAppStore((s) => s.task);
  const mode = useAppStore((s) => s.mode);
  const dialect = useAppStore((s) => s.dialect);
  const engine = useAppStore((s) => s.engine);
  const tinySystem = useAppStore((s) => s.tinyMultiSystem);
  const tiny = useAppStore((s) => s.tiny);
  const runDialect = useAppStore(selectRunDialect);
  const running = useAppStore(selectIsRunning);
  const stopping = useAppStore((s) => selectRunStatus(s) === 'stopping');
  const busyElsewhere = useAppStore((s) => selectBusyElsewhere(...RUN_TAB_ACTIVITIES)(s) !== undefined);
  const gpuOk = useAppStore((s) => s.gpu?.ok === true);
  const stepThrough = useAppStore((s) => s.stepThrough);
  const predictMode = useAppStore((s) => s.predictMode);
  const pageNotice = useAppStore((s) => s.pageNotice);
  const [copied, setCopied] = useState<'' | 'lessonCopied' | 'lessonInAddressBar'>('');
  const { setTask, setMode, setDialect, setEngine, setStepThrough, setTinyMultiSystem } =
    useAppStore.getState();
  const t = useT(taskFormMessages);
  const exampleTitle = useT(exampleMessages);
  const locale = useLocale();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void startRun();
    // On a phone the run view sits below this form: bring it into sight so the run can be watched.
    if (window.matchMedia('(max-width: 800px)').matches) {
      document.getElementById('run-view')?.scrollIntoView({ block: 'start' });
    }
  };

  return (
    <form className="task-form" onSubmit={onSubmit} aria-label={t('form')}>
      <label htmlFor="task">{t('task')}</label>
      <textarea
        id="task"
        data-testid="task-input"
        value={task}
        rows={3}
        placeholder={t('placeholder')}
        onChange={(e) => setTask(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e);
        }}
      />
      <fieldset className="examples">
        <legend>{t('examples')}</legend>
        {locale !== 'en' && (
          <p className="note examples-note" data-testid="examples-note">
            {t('examplesNote')}
          </p>
        )}
        {(engine === 'tiny' ? TINY_EXAMPLES : EXAMPLE_SCRIPTS).map((ex) => (
          <button
            key={ex.id}
            type="button"
            className="example"
            data-testid={`example-${ex.id}`}
            title={ex.task}
            disabled={running}
            onClick={() => setTask(ex.task)}
          >
            {exampleTitle(ex.id)}
          </button>
        ))}
      </fieldset>
      <div className="pickers">
        <label>
          {t('engine')}
          <select
            data-testid="engine-select"
            value={engine}
            disabled={running}
            onChange={(e) => setEngine(e.target.value as EngineChoice)}
          >
            <option value="tiny">{t('engineTiny')}</option>
            <option value="scripted">{t('engineScripted')}</option>
            <option value="webllm" disabled={!gpuOk}>
              {gpuOk ? t('engineWebllm') : t('engineWebllmNeedsGpu')}
            </option>
          </select>
        </label>
        <label>
          {t('mode')}
          <select
            data-testid="mode-select"
            value={mode}
            disabled={running}
            onChange={(e) => setMode(e.target.value as RunMode)}
          >
            {RUN_MODES.map((m) => (
              <option key={m} value={m}>
                {t(MODE_LABEL[m])}
              </option>
            ))}
          </select>
        </label>
        {engine === 'tiny' && mode === 'multi' && (
          <label>
            {t('tinySystem')}
            <select
              data-testid="tiny-system-select"
              value={tinySystem}
              disabled={running}
              onChange={(e) => setTinyMultiSystem(e.target.value as TinySystemId)}
            >
              <option value="glpft">{t('tinySystemGlpft')}</option>
              <option value="one-stage">{t('tinySystemOneStage')}</option>
            </select>
          </label>
        )}
        <label>
          {t('dialect')}
          <select
            data-testid="dialect-select"
            value={engine === 'tiny' ? runDialect : dialect}
            disabled={running || engine === 'tiny'}
            aria-describedby={engine === 'tiny' ? 'tiny-dialect-note' : undefined}
            onChange={(e) => setDialect(e.target.value as Dialect)}
          >
            {DIALECTS.map((d) => (
              <option key={d} value={d}>
                {t(DIALECT_LABEL[d])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {engine === 'tiny' && (
        <p className="note" id="tiny-dialect-note">
          {t('tinyDialectNote')}
        </p>
      )}
      {engine === 'tiny' && tiny.status === 'loading' && (
        <p className="note" role="status" data-testid="tiny-loading">
          {t('tinyLoading')}
        </p>
      )}
      {engine === 'tiny' && tiny.status === 'failed' && tiny.error && (
        <p className="note notice" role="alert" data-testid="tiny-error">
          <ErrorText error={tiny.error} />
        </p>
      )}
      <label className="tool-toggle">
        <input
          type="checkbox"
          data-testid="step-through"
          checked={stepThrough}
          disabled={running}
          onChange={(e) => setStepThrough(e.target.checked)}
        />
        {t('stepThrough')}
      </label>
      <label className="tool-toggle">
        <input
          type="checkbox"
          data-testid="predict-mode"
          checked={predictMode}
          disabled={running}
          onChange={(e) => useAppStore.getState().setPredictMode(e.target.checked)}
        />
        {t('predictMode')}
      </label>
      <BusyNote self={RUN_TAB_ACTIVITIES} />
      <div className="actions">
        <button
          type="submit"
          className="primary"
          data-testid="run-button"
          disabled={running || busyElsewhere || !task.trim()}
        >
          {t('run')}
        </button>
        <button type="button" data-testid="stop-button" disabled={!running || stopping} onClick={stopRun}>
          {stopping ? t('stopping') : t('stop')}
        </button>
        <button
          type="button"
          data-testid="copy-lesson-link"
          disabled={!task.trim()}
          title={t('lessonLinkTitle')}
          onClick={() => {
            const url = currentLessonUrl();
            history.replaceState(null, '', url);
            void navigator.clipboard?.writeText(url).then(
              () => setCopied('lessonCopied'),
              () => setCopied('lessonInAddressBar'),
            );
          }}
        >
          {t('lessonLink')}
        </button>
      </div>
      {copied && (
        <p className="note" role="status">
          {t(copied)}
        </p>
      )}
      {pageNotice && (
        <p className="note notice" role="status" data-testid="page-notice">
          <NoticeText notice={pageNotice} />
        </p>
      )}
    </form>
  );
}
