import { useState } from 'react';
import { continueStep } from '../../activities/review-controller';
import type { TraceStep } from '../../agent/trace';
import { useT } from '../../i18n/use-t';
import { reviewMessages } from './messages';

/** Step-through: the run waits here; Next goes on, with the edited text if it was changed. */
export function ReviewBox({ step }: { step: TraceStep }) {
  const [text, setText] = useState(step.raw);
  const changed = text !== step.raw;
  const t = useT(reviewMessages);
  return (
    <div className="review" data-testid="review-box">
      <p className="label" id={`review-hint-${step.index}`}>
        {t('paused', { hint: t(step.role) })}
      </p>
      <textarea
        aria-label={t('edit')}
        aria-describedby={`review-hint-${step.index}`}
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
          {changed ? t('nextWithEdit') : t('next')}
        </button>
        {changed && (
          <button type="button" onClick={() => setText(step.raw)}>
            {t('undo')}
          </button>
        )}
      </div>
    </div>
  );
}
