import { useCallback } from 'react';
import { forkRun } from '../../activities/run-controller';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { selectIsRunning, selectSteps } from '../../store/selectors';
import { PredictTimeline } from '../PredictReveal/PredictTimeline';
import { StepCard } from '../StepCard/StepCard';
import { timelineMessages } from './messages';

export function Timeline() {
  const steps = useAppStore(selectSteps);
  const t = useT(timelineMessages);
  const hasTrace = useAppStore((s) => s.trace !== undefined);
  const predictTrace = useAppStore((s) => (s.predictMode ? s.trace : undefined));
  const canFork = useAppStore(
    (s) => !selectIsRunning(s) && s.trace !== undefined && s.trace.status !== 'running',
  );
  const onFork = useCallback((index: number) => {
    const trace = useAppStore.getState().trace;
    if (trace) void forkRun(trace, index);
  }, []);
  if (!hasTrace) {
    return (
      <p className="empty" data-testid="timeline-empty">
        {t('empty')}
      </p>
    );
  }
  if (predictTrace) return <PredictTimeline trace={predictTrace} label={t('label')} />;
  return (
    <ol className="timeline" data-testid="timeline" aria-label={t('label')}>
      {steps.map((step) => (
        <StepCard
          key={step.index}
          step={step}
          onFork={
            canFork && step.index > 0 && (step.role === 'planner' || step.role === 'backbone')
              ? onFork
              : undefined
          }
        />
      ))}
    </ol>
  );
}
