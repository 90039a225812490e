import { useAppStore } from '../../store';
import { selectSteps } from '../../store/selectors';
import { StepCard } from '../StepCard/StepCard';

export function Timeline() {
  const steps = useAppStore(selectSteps);
  const hasTrace = useAppStore((s) => s.trace !== undefined);
  if (!hasTrace) {
    return (
      <p className="empty" data-testid="timeline-empty">
        Pick an example or type a task, then press Run. Each model's turn appears here as it happens.
      </p>
    );
  }
  return (
    <ol className="timeline" data-testid="timeline">
      {steps.map((step) => (
        <StepCard key={step.index} step={step} />
      ))}
    </ol>
  );
}
