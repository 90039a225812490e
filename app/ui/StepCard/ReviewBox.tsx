import { useState } from 'react';
import type { TraceStep } from '../../agent/trace';
import { continueStep } from '../../store/review-controller';

const HINT: Record<TraceStep['role'], string> = {
  planner: 'Edit the rationale or the decision line (Next: …) before the run follows it.',
  caller: 'Edit the tool call before the tool runs.',
  summarizer: 'Edit the answer before it is shown as final.',
  backbone: 'Edit the thought and action (or the conclusion) before they take effect.',
};

/** Step-through: the run waits here; Next goes on, with the edited text if it was changed. */
export function ReviewBox({ step }: { step: TraceStep }) {
  const [text, setText] = useState(step.raw);
  const changed = text !== step.raw;
  return (
    <div className="review" data-testid="review-box">
      <p className="label">Paused — {HINT[step.role]}</p>
      <textarea
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        spellCheck={false}
        data-testid="review-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="review-next"
          onClick={() => continueStep(step.index, changed ? text : undefined)}
        >
          {changed ? 'Next (with my edit)' : 'Next'}
        </button>
        {changed && (
          <button type="button" onClick={() => setText(step.raw)}>
            Undo edit
          </button>
        )}
      </div>
    </div>
  );
}
