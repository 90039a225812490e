import { useEffect, useRef } from 'react';
import { HELD_OUT_SEED } from '../../agent/eval/generator/lab-tasks';
import { SUITE_TASKS } from '../../agent/eval/suite/tasks';
import { SUITE_CATEGORIES, type SuiteCategory } from '../../agent/eval/suite/types';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { categoryMessages, suiteRunnerMessages } from './messages';

/** A checkbox that shows "some" (indeterminate) as well as all / none. */
function TriStateBox({
  checked,
  some,
  label,
  testId,
  disabled,
  onChange,
}: {
  checked: boolean;
  some: boolean;
  label: string;
  testId: string;
  disabled: boolean;
  onChange: (on: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some && !checked;
  }, [some, checked]);
  return (
    <label className="suite-category-toggle">
      <input
        ref={ref}
        type="checkbox"
        data-testid={testId}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />{' '}
      {label}
    </label>
  );
}

const HELD_OUT_COUNTS = [20, 60, 120, 200];

/** Which tasks: the suite's (picked below) or the first N held-out generated tasks. */
export function TaskSetPicker({ disabled }: { disabled: boolean }) {
  const t = useT(suiteRunnerMessages);
  const taskSet = useAppStore((s) => s.suiteTaskSet);
  const count = useAppStore((s) => s.suiteHeldOutCount);
  const { setSuiteTaskSet, setSuiteHeldOutCount } = useAppStore.getState();
  return (
    <fieldset className="suite-task-set">
      <legend>{t('taskSetLegend')}</legend>
      <label>
        <input
          type="radio"
          name="suite-task-set"
          data-testid="suite-set-suite"
          checked={taskSet === 'suite'}
          disabled={disabled}
          onChange={() => setSuiteTaskSet('suite')}
        />{' '}
        {t('taskSetSuite', { n: SUITE_TASKS.length })}
      </label>{' '}
      <label>
        <input
          type="radio"
          name="suite-task-set"
          data-testid="suite-set-held-out"
          checked={taskSet === 'held-out'}
          disabled={disabled}
          onChange={() => setSuiteTaskSet('held-out')}
        />{' '}
        {t('taskSetHeldOut')}
      </label>
      {taskSet === 'held-out' && (
        <p className="note">
          <label>
            {t('heldOutCount')}{' '}
            <select
              data-testid="suite-held-out-count"
              value={count}
              disabled={disabled}
              onChange={(e) => setSuiteHeldOutCount(Number(e.target.value))}
            >
              {HELD_OUT_COUNTS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>{' '}
          {t('heldOutExplain', { seed: HELD_OUT_SEED })}
        </p>
      )}
    </fieldset>
  );
}

function tasksOf(category: SuiteCategory) {
  return SUITE_TASKS.filter((task) => task.category === category);
}

/** Choose suite tasks: per category (all at once or one by one), all, none, or one of each. */
export function TaskPicker({ disabled }: { disabled: boolean }) {
  const t = useT(suiteRunnerMessages);
  const tc = useT(categoryMessages);
  const chosen = useAppStore((s) => s.suiteTaskIds);
  const setChosen = useAppStore((s) => s.setSuiteTaskIds);
  const set = new Set(chosen);
  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    // Keep the suite's order, whatever order the boxes were ticked in.
    setChosen(SUITE_TASKS.filter((task) => next.has(task.id)).map((task) => task.id));
  };
  return (
    <fieldset className="suite-tasks" data-testid="suite-task-picker">
      <legend>{t('tasksLegend')}</legend>
      <div className="suite-quick">
        <button type="button" disabled={disabled} onClick={() => setChosen(SUITE_TASKS.map((x) => x.id))}>
          {t('selectAll')}
        </button>
        <button type="button" disabled={disabled} onClick={() => setChosen([])}>
          {t('selectNone')}
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() =>
            setChosen(
              SUITE_CATEGORIES.flatMap((c) =>
                tasksOf(c)
                  .slice(0, 1)
                  .map((x) => x.id),
              ),
            )
          }
        >
          {t('selectSample')}
        </button>
        <span className="muted" data-testid="suite-selected-count" role="status">
          {t('selectedCount', { n: chosen.length })}
        </span>
      </div>
      {SUITE_CATEGORIES.map((category) => {
        const tasks = tasksOf(category);
        const ids = tasks.map((x) => x.id);
        const picked = ids.filter((id) => set.has(id)).length;
        return (
          <div key={category} className="suite-category">
            <TriStateBox
              testId={`suite-category-${category}`}
              checked={picked === ids.length}
              some={picked > 0}
              disabled={disabled}
              label={t('categoryToggle', { category: tc(category), n: ids.length })}
              onChange={(on) => toggle(ids, on)}
            />
            <details>
              <summary>{t('showTasks')}</summary>
              <ul>
                {tasks.map((task) => (
                  <li key={task.id}>
                    <label>
                      <input
                        type="checkbox"
                        data-testid={`suite-task-${task.id}`}
                        checked={set.has(task.id)}
                        disabled={disabled}
                        onChange={(e) => toggle([task.id], e.target.checked)}
                      />{' '}
                      <span lang="en">{task.task}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        );
      })}
    </fieldset>
  );
}
