import { useId } from 'react';
import {
  importReplayFile,
  importTestFile,
  loadedStaticModels,
  type PredictionSource,
  type StaticEvalNotice,
  setPredictionSource,
  startStaticEval,
  stopStaticEval,
} from '../../activities/static-eval-controller';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { busyMessages } from '../../store/messages/activity-messages';
import { selectBusyElsewhere, selectStatusOf } from '../../store/selectors';
import { BusyNote } from '../BusyNote/BusyNote';
import { issueText } from './issue-text';
import { staticEvalIssueMessages, staticEvalMessages } from './messages';
import { StaticEvalResults } from './StaticEvalResults';
import './static-eval.css';

/** The paper's static step-level evaluation on a ToolBench test file (α-UMi Table 1). */
export function StaticEval() {
  const t = useT(staticEvalMessages);
  const testFile = useAppStore((s) => s.staticEval.testFile);
  const replayFile = useAppStore((s) => s.staticEval.replayFile);
  const source = useAppStore((s) => s.staticEval.source);
  const status = useAppStore(selectStatusOf('static-eval'));
  const progress = useAppStore((s) => s.staticEval.progress);
  const result = useAppStore((s) => s.staticEval.result);
  const notice = useAppStore((s) => s.staticEval.notice);
  // Re-render when models finish loading or unload: the check below reads the bridges.
  useAppStore((s) => s.slots);
  const models = loadedStaticModels();
  // The tiny models load when the evaluation starts (a few MB from this site).
  const tiny = useAppStore((s) => (s.engine === 'tiny' && s.mode !== 'single' ? s.mode : undefined));
  const running = status !== 'idle';
  // A replay holds the models too: one activity at a time plays into the page.
  const modelsBusy = useAppStore((s) => selectBusyElsewhere('static-eval')(s) !== undefined);
  const canRun =
    !!testFile && !running && !modelsBusy && (source === 'replay' ? !!replayFile : !!models || !!tiny);

  return (
    <section className="static-eval" aria-labelledby="static-eval-title" data-testid="static-eval">
      <h2 id="static-eval-title">{t('title')}</h2>
      <p className="note">{t('intro')}</p>

      <div className="actions">
        <FileButton
          label={t('importTest')}
          testId="static-import-test"
          disabled={running}
          onFile={importTestFile}
        />
      </div>
      <p className="note" data-testid="static-test-summary" role="status">
        {testFile
          ? t('testLoaded', {
              file: testFile.name,
              trajectories: testFile.trajectories,
              samples: testFile.samples.length,
            })
          : t('noTest')}
      </p>

      <fieldset className="static-source" disabled={running}>
        <legend>{t('sourceLegend')}</legend>
        <SourceOption value="models" label={t('sourceModels')} checked={source === 'models'} />
        {source === 'models' &&
          (tiny ? (
            <p className="note" data-testid="static-models">
              {t('modelsTiny', { mode: tiny })}
            </p>
          ) : models ? (
            <p className="note" data-testid="static-models">
              {t('modelsReady', {
                planner: models.planner.label,
                caller: models.caller.label,
                summarizer: models.summarizer.label,
              })}
            </p>
          ) : (
            <p className="static-warning" data-testid="static-no-models">
              {t('noModels')}
            </p>
          ))}
        <SourceOption value="replay" label={t('sourceReplay')} checked={source === 'replay'} />
        {source === 'replay' && (
          <div className="static-replay">
            <p className="note">{t('replayNote')}</p>
            {testFile ? (
              <FileButton
                label={t('importReplay')}
                testId="static-import-predictions"
                onFile={importReplayFile}
              />
            ) : (
              <p className="note">{t('replayNeedsTest')}</p>
            )}
            {replayFile && (
              <p className="note" data-testid="static-replay-summary">
                {t('replayLoaded', { file: replayFile.name, count: replayFile.outputs.length })}
              </p>
            )}
          </div>
        )}
      </fieldset>

      {notice && <Notice notice={notice} />}
      <BusyNote self={['static-eval']} />

      <div className="actions static-run">
        <button
          type="button"
          data-testid="static-run"
          disabled={!canRun}
          onClick={() => void startStaticEval()}
        >
          {t('run')}
        </button>
        {running && (
          <button
            type="button"
            data-testid="static-stop"
            disabled={status === 'stopping'}
            onClick={stopStaticEval}
          >
            {status === 'stopping' ? t('stopping') : t('stop')}
          </button>
        )}
        {(running || result) && (
          <span className="static-progress">
            <progress max={progress.total || 1} value={progress.done} aria-label={t('progressLabel')} />
            <span data-testid="static-progress">{t('progress', progress)}</span>
          </span>
        )}
      </div>

      {result && !running && <StaticEvalResults result={result} />}
    </section>
  );
}

function SourceOption({
  value,
  label,
  checked,
}: {
  value: PredictionSource;
  label: string;
  checked: boolean;
}) {
  return (
    <label className="static-option">
      <input
        type="radio"
        name="static-source"
        value={value}
        checked={checked}
        data-testid={`static-source-${value}`}
        onChange={() => setPredictionSource(value)}
      />
      {label}
    </label>
  );
}

function FileButton(props: {
  label: string;
  testId: string;
  disabled?: boolean;
  onFile: (file: File) => Promise<boolean>;
}) {
  const id = useId();
  return (
    <label className="file-button static-file" htmlFor={id} aria-disabled={props.disabled}>
      {props.label}
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        data-testid={props.testId}
        disabled={props.disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void props.onFile(file);
        }}
      />
    </label>
  );
}

function Notice({ notice }: { notice: StaticEvalNotice }) {
  const t = useT(staticEvalMessages);
  const ti = useT(staticEvalIssueMessages);
  const tb = useT(busyMessages);
  let text: string;
  switch (notice.kind) {
    case 'test_rejected':
      text = t('testRejected', { file: notice.file, problem: issueText(ti, notice.issue) });
      break;
    case 'predictions_rejected':
      text = t('predictionsRejected', { file: notice.file, problem: issueText(ti, notice.issue) });
      break;
    case 'unreadable':
      text = t('unreadable', { file: notice.file, message: notice.message });
      break;
    case 'no_models':
      text = t('noModels');
      break;
    case 'busy':
      text = `${tb(notice.activity)} ${tb('wait')}`;
      break;
  }
  return (
    <p className="step-error" role="alert" data-testid="static-notice" data-kind={notice.kind}>
      {text}
    </p>
  );
}
