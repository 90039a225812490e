import { type FormEvent, useState } from 'react';
import { DIALECTS, type Dialect, RUN_MODES, type RunMode } from '../../agent/types';
import { EXAMPLE_SCRIPTS } from '../../llm/scripted/scripts';
import { useAppStore } from '../../store';
import { currentLessonUrl } from '../../store/lesson-controller';
import { startRun, stopRun } from '../../store/run-controller';
import { selectIsRunning } from '../../store/selectors';
import type { EngineChoice } from '../../store/settings-slice';

const MODE_LABEL: Record<RunMode, string> = {
  multi: 'multi — three models, one per role (α-UMi)',
  shared: 'shared — one model plays all three roles',
  single: 'single — one model, one prompt',
};

const DIALECT_LABEL: Record<Dialect, string> = {
  chat: 'chat — instruct models, constrained output',
  'alpha-umi': 'alpha-umi — byte-exact GLPFT prompts',
};

export function TaskForm() {
  const task = useAppStore((s) => s.task);
  const mode = useAppStore((s) => s.mode);
  const dialect = useAppStore((s) => s.dialect);
  const engine = useAppStore((s) => s.engine);
  const running = useAppStore(selectIsRunning);
  const stopping = useAppStore((s) => s.runStatus === 'stopping');
  const gpuOk = useAppStore((s) => s.gpu?.ok === true);
  const stepThrough = useAppStore((s) => s.stepThrough);
  const pageNotice = useAppStore((s) => s.pageNotice);
  const [copied, setCopied] = useState('');
  const { setTask, setMode, setDialect, setEngine, setStepThrough } = useAppStore.getState();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void startRun();
  };

  return (
    <form className="task-form" onSubmit={onSubmit} aria-label="Task">
      <label htmlFor="task">Task</label>
      <textarea
        id="task"
        data-testid="task-input"
        value={task}
        rows={3}
        placeholder="Ask something the tools can help with, e.g. “What is 5 miles plus 3 kilometres, in km?”"
        onChange={(e) => setTask(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit(e);
        }}
      />
      <fieldset className="examples">
        <legend>Examples</legend>
        {EXAMPLE_SCRIPTS.map((ex) => (
          <button
            key={ex.id}
            type="button"
            className="example"
            data-testid={`example-${ex.id}`}
            title={ex.task}
            disabled={running}
            onClick={() => setTask(ex.task)}
          >
            {ex.title}
          </button>
        ))}
      </fieldset>
      <div className="pickers">
        <label>
          Engine
          <select
            data-testid="engine-select"
            value={engine}
            disabled={running}
            onChange={(e) => setEngine(e.target.value as EngineChoice)}
          >
            <option value="scripted">Demo (scripted, no model)</option>
            <option value="webllm" disabled={!gpuOk}>
              {gpuOk ? 'Models on your GPU (WebLLM)' : 'Models on your GPU — needs WebGPU'}
            </option>
          </select>
        </label>
        <label>
          Mode
          <select
            data-testid="mode-select"
            value={mode}
            disabled={running}
            onChange={(e) => setMode(e.target.value as RunMode)}
          >
            {RUN_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABEL[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Prompt dialect
          <select
            data-testid="dialect-select"
            value={dialect}
            disabled={running}
            onChange={(e) => setDialect(e.target.value as Dialect)}
          >
            {DIALECTS.map((d) => (
              <option key={d} value={d}>
                {DIALECT_LABEL[d]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="tool-toggle">
        <input
          type="checkbox"
          data-testid="step-through"
          checked={stepThrough}
          disabled={running}
          onChange={(e) => setStepThrough(e.target.checked)}
        />
        Step through: pause after each model turn (read, edit, then Next)
      </label>
      <div className="actions">
        <button type="submit" className="primary" data-testid="run-button" disabled={running || !task.trim()}>
          Run
        </button>
        <button type="button" data-testid="stop-button" disabled={!running || stopping} onClick={stopRun}>
          {stopping ? 'Stopping…' : 'Stop'}
        </button>
        <button
          type="button"
          data-testid="copy-lesson-link"
          disabled={!task.trim()}
          title="A link with this task, mode, tools and settings (not the outputs)"
          onClick={() => {
            const url = currentLessonUrl();
            history.replaceState(null, '', url);
            void navigator.clipboard?.writeText(url).then(
              () => setCopied('Lesson link copied.'),
              () => setCopied('The lesson link is in the address bar.'),
            );
          }}
        >
          Lesson link
        </button>
      </div>
      {copied && (
        <p className="note" role="status">
          {copied}
        </p>
      )}
      {pageNotice && (
        <p className="note notice" role="status" data-testid="page-notice">
          {pageNotice}
        </p>
      )}
    </form>
  );
}
