import { useMemo } from 'react';
import { traceTotals } from '../../agent/trace';
import type { RunOutcome } from '../../agent/types';
import { useAppStore } from '../../store';
import { Markdown } from '../Markdown/Markdown';

const OUTCOME_TEXT: Record<RunOutcome, string> = {
  answer: 'Answered',
  give_up: 'Gave up',
  step_limit: 'Stopped at the step limit',
  error: 'Failed',
  aborted: 'Stopped by you',
};

function ms(n: number) {
  return n < 1000 ? `${Math.round(n)} ms` : `${(n / 1000).toFixed(2)} s`;
}

/** The run's outcome, its answer, and totals across every step. */
export function RunSummary() {
  const trace = useAppStore((s) => s.trace);
  const replaySpeed = useAppStore((s) => s.replaySpeed);
  const totals = useMemo(() => (trace ? traceTotals(trace) : undefined), [trace]);
  if (!trace || !totals) return null;
  const running = trace.status === 'running';
  return (
    <section
      className={`summary outcome-${trace.outcome ?? 'running'}`}
      aria-live="polite"
      data-testid="run-summary"
    >
      {replaySpeed !== undefined && (
        <p className="engine-banner" data-testid="replay-banner" role="note">
          <strong>Replay</strong> of a recorded run at {replaySpeed}× — no model is running.
        </p>
      )}
      <h2 data-testid="run-outcome" data-outcome={trace.outcome ?? 'running'}>
        {running ? 'Running…' : OUTCOME_TEXT[trace.outcome ?? 'error']}
      </h2>
      {trace.answer !== undefined && (
        <div className="answer" data-testid="answer">
          <Markdown text={trace.answer} />
        </div>
      )}
      {trace.giveUpReason === 'planner' && <p>The planner decided the tools cannot answer this task.</p>}
      {trace.giveUpReason === 'step_limit' && (
        <p>No answer after {trace.maxSteps} planner turns. Raise the step limit or simplify the task.</p>
      )}
      {trace.giveUpReason === 'empty_answer' && <p>The summarizer wrote an empty answer.</p>}
      {trace.error && (
        <p className="step-error" data-testid="run-error">
          {trace.error.name}: {trace.error.message}
        </p>
      )}
      {trace.outcome === 'aborted' && <p>The partial run is kept above, up to the moment you stopped it.</p>}
      <p className="usage">
        {totals.simulated && <span className="badge simulated">simulated numbers</span>}
        <span>{trace.steps.length} model turns</span>
        <span>{totals.toolCalls} tool calls</span>
        <span>
          {totals.promptTokens} prompt tokens prefilled
          {totals.reusedTokens > 0 ? `, ${totals.reusedTokens} reused` : ''}
        </span>
        <span>{totals.completionTokens} output tokens</span>
        <span>model {ms(totals.modelMs)}</span>
        <span>tools {ms(totals.toolMs)}</span>
      </p>
    </section>
  );
}
