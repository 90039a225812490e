import { lazy, Suspense, useState } from 'react';
import { runCompare, stopCompare } from '../../activities/suite-compare';
import { showInRunTab } from '../../activities/suite-controller';
import { SUITE_TASKS } from '../../agent/eval/suite/tasks';
import { SUITE_CATEGORIES } from '../../agent/eval/suite/types';
import { RUN_MODES, type RunMode } from '../../agent/types';
import { useLocale, useT } from '../../i18n/use-t';
import type { ModelChoice } from '../../llm/model-plan';
import { presetsForMode } from '../../llm/model-plan';
import { useAppStore } from '../../store';
import { selectBusyElsewhere, selectStatusOf } from '../../store/selectors';
import { BusyNote } from '../BusyNote/BusyNote';
import { EngineRow, PlanLine } from '../SuiteRunner/ColumnPicker';
import { LabNoticeText } from '../SuiteRunner/LabNoticeText';
import { choiceName } from '../SuiteRunner/labels';
import {
  categoryMessages,
  modeMessages,
  resultsMessages,
  suiteRunnerMessages,
} from '../SuiteRunner/messages';
import { CompareColumn } from './CompareColumn';
import { compareMessages } from './messages';
import './compare-view.css';
import type { CompareColumn as Column } from '../../store/suite-slice';
import type { SideBySideRun } from '../SideBySide/SideBySide';

/** Loaded when first opened (issue 15): the lab's first paint does not need it. */
const SideBySide = lazy(() => import('../SideBySide/SideBySide').then((m) => ({ default: m.SideBySide })));

/** Two finished columns of the comparison, step by step: one button per pair of modes. */
function SideBySideButtons({ columns }: { columns: readonly Column[] }) {
  const t = useT(compareMessages);
  const [pair, setPair] = useState<[SideBySideRun, SideBySideRun] | undefined>();
  const done = columns.filter((c) => c.trace && c.status !== 'running' && c.status !== 'loading');
  const pairs = done.flatMap((a, i) => done.slice(i + 1).map((b) => [a, b] as const));
  if (pairs.length === 0) return null;
  return (
    <div className="actions">
      {pairs.map(([a, b]) => (
        <button
          key={`${a.mode}-${b.mode}`}
          type="button"
          data-testid="compare-side-by-side"
          data-pair={`${a.mode}-${b.mode}`}
          onClick={() =>
            a.trace &&
            b.trace &&
            setPair([
              { trace: a.trace, label: a.mode },
              { trace: b.trace, label: b.mode },
            ])
          }
        >
          {t('sideBySide', { a: a.mode, b: b.mode })}
        </button>
      ))}
      {pair && (
        <Suspense fallback={<p aria-busy="true">…</p>}>
          <SideBySide left={pair[0]} right={pair[1]} onClose={() => setPair(undefined)} />
        </Suspense>
      )}
    </div>
  );
}

function TaskChoice({ disabled }: { disabled: boolean }) {
  const t = useT(compareMessages);
  const tc = useT(categoryMessages);
  const source = useAppStore((s) => s.compareSource);
  const taskId = useAppStore((s) => s.compareTaskId);
  const taskBox = useAppStore((s) => s.task);
  const { setCompareSource, setCompareTaskId } = useAppStore.getState();
  return (
    <fieldset className="compare-task">
      <legend>{t('taskLegend')}</legend>
      <label>
        <input
          type="radio"
          name="compare-source"
          data-testid="compare-source-suite"
          checked={source === 'suite'}
          disabled={disabled}
          onChange={() => setCompareSource('suite')}
        />{' '}
        {t('fromSuite')}
      </label>
      <label className="compare-suite-task">
        <span className="visually-hidden">{t('suiteTaskLabel')}</span>
        <select
          data-testid="compare-task-select"
          aria-label={t('suiteTaskLabel')}
          value={taskId}
          disabled={disabled || source !== 'suite'}
          onChange={(e) => setCompareTaskId(e.target.value)}
        >
          <option value="">—</option>
          {SUITE_CATEGORIES.map((category) => (
            <optgroup key={category} label={tc(category)}>
              {SUITE_TASKS.filter((x) => x.category === category).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.task}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        <input
          type="radio"
          name="compare-source"
          data-testid="compare-source-task-box"
          checked={source === 'task-box'}
          disabled={disabled}
          onChange={() => setCompareSource('task-box')}
        />{' '}
        {t('fromTaskBox')}
      </label>
      {source === 'task-box' && (
        <p className="note compare-task-box" data-testid="compare-task-box">
          {taskBox.trim() || t('taskBoxEmpty')}
        </p>
      )}
    </fieldset>
  );
}

function ModeChoice({ disabled }: { disabled: boolean }) {
  const t = useT(compareMessages);
  const tm = useT(modeMessages);
  const ts = useT(suiteRunnerMessages);
  const tr = useT(resultsMessages);
  const locale = useLocale();
  const modes = useAppStore((s) => s.compareModes);
  const choices = useAppStore((s) => s.compareChoices);
  const engine = useAppStore((s) => s.engine);
  const modelsMode = useAppStore((s) => s.modelsMode);
  const { setCompareModes, setCompareChoice } = useAppStore.getState();
  const toggle = (mode: RunMode, on: boolean) =>
    setCompareModes(RUN_MODES.filter((m) => (m === mode ? on : modes.includes(m))));
  return (
    <fieldset className="compare-modes">
      <legend>{t('modesLegend')}</legend>
      {RUN_MODES.map((mode) => (
        <div key={mode} className="compare-mode">
          <label>
            <input
              type="checkbox"
              data-testid={`compare-mode-${mode}`}
              checked={modes.includes(mode)}
              disabled={disabled}
              onChange={(e) => toggle(mode, e.target.checked)}
            />{' '}
            {tm(mode)}
          </label>
          {engine === 'webllm' && modes.includes(mode) && (
            <>
              <label>
                {t('presetFor', { mode })}{' '}
                <select
                  value={choices[mode]}
                  disabled={disabled}
                  onChange={(e) => setCompareChoice(mode, e.target.value as ModelChoice)}
                >
                  {presetsForMode(mode).map((id) => (
                    <option key={id} value={id}>
                      {choiceName(locale, id, tr('yourModels'))}
                    </option>
                  ))}
                  {modelsMode === mode && <option value="current">{ts('currentModels', { mode })}</option>}
                </select>
              </label>
              <PlanLine choice={choices[mode]} />
            </>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** One task under two or three run modes, one after another, shown side by side. */
export function CompareView({ onOpenRun }: { onOpenRun?: (() => void) | undefined } = {}) {
  const t = useT(compareMessages);
  const status = useAppStore(selectStatusOf('compare'));
  const columns = useAppStore((s) => s.compareColumns);
  const task = useAppStore((s) => s.compareTask);
  const notice = useAppStore((s) => s.compareNotice);
  // Something else (a run, the suite, a static evaluation) holds the models.
  const otherBusy = useAppStore((s) => selectBusyElsewhere('compare')(s) !== undefined);
  const running = status !== 'idle';
  return (
    <section className="compare-view" data-testid="compare-view" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <EngineRow disabled={running} />
      <TaskChoice disabled={running} />
      <ModeChoice disabled={running} />
      <BusyNote self={['compare']} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="compare-run"
          disabled={running || otherBusy}
          onClick={() => void runCompare()}
        >
          {t('run')}
        </button>
        <button
          type="button"
          data-testid="compare-stop"
          disabled={status !== 'running'}
          onClick={stopCompare}
        >
          {status === 'stopping' ? t('stopping') : t('stop')}
        </button>
      </div>
      {notice && (
        <p className="note notice" role="status" data-testid="compare-notice" data-key={notice.key}>
          <LabNoticeText notice={notice} />
        </p>
      )}
      {task && columns.length > 0 && (
        <>
          <p className="compare-task-shown" lang="en">
            {task}
          </p>
          <section className="compare-columns" aria-label={t('columnsLabel')}>
            {columns.map((column) => (
              <CompareColumn
                key={column.mode}
                column={column}
                task={task}
                onOpen={
                  column.trace
                    ? () => {
                        if (column.trace && showInRunTab(column.trace)) onOpenRun?.();
                        else useAppStore.getState().setCompareNotice({ key: 'openBusy' });
                      }
                    : undefined
                }
              />
            ))}
          </section>
          {!running && <SideBySideButtons columns={columns} />}
        </>
      )}
    </section>
  );
}
