import { Fragment, useMemo } from 'react';
import { predictionPoints, predictView, scorePredictionPoints } from '../../agent/predict/predict';
import type { Trace } from '../../agent/trace';
import { useAppStore } from '../../store';
import { StepCard } from '../StepCard/StepCard';
import { PredictForm } from './PredictForm';
import { PredictScoreCard, PredictVerdict } from './PredictResult';
import './predict.css';

const NO_REVEALS: readonly number[] = [];
const NO_PREDICTIONS: Readonly<Record<number, string>> = {};

/**
 * The Run tab's steps in "predict, then reveal" mode: the turns revealed so far, each with its
 * verdict, then the question for the next hidden turn; at the end, the score card. Works on a
 * live run (of any engine) and on a replay alike: it only reads the trace.
 */
export function PredictTimeline({ trace, label }: { trace: Trace; label: string }) {
  const session = useAppStore((s) => (s.predictSession?.traceId === trace.id ? s.predictSession : undefined));
  const revealed = session?.revealed ?? NO_REVEALS;
  const predictions = session?.predictions ?? NO_PREDICTIONS;
  const view = useMemo(() => predictView(trace, new Set(revealed)), [trace, revealed]);
  const toolNames = useMemo(() => trace.tools.map((tool) => tool.name), [trace.tools]);
  const score = useMemo(() => {
    const shown = new Set(revealed);
    const points = predictionPoints(trace).filter((p) => shown.has(p.step));
    return scorePredictionPoints(points, predictions, toolNames);
  }, [trace, revealed, predictions, toolNames]);
  const verdicts = new Map(score.results.map((r) => [r.point.step, r]));
  return (
    <>
      <ol className="timeline" data-testid="timeline" data-predict="on" aria-label={label}>
        {trace.steps
          .filter((step) => step.index < view.shownBelow)
          .map((step) => {
            const verdict = verdicts.get(step.index);
            return (
              <Fragment key={step.index}>
                <StepCard step={step} />
                {verdict && <PredictVerdict result={verdict} />}
              </Fragment>
            );
          })}
        {view.next && <PredictForm key={view.next.step.index} trace={trace} next={view.next} />}
      </ol>
      {view.done && <PredictScoreCard score={score} />}
    </>
  );
}

/** While a predict-mode run still has hidden turns, the answer and the flow strip would give them away. */
export function selectPredictHides(s: {
  predictMode: boolean;
  trace: Trace | undefined;
  predictSession: { traceId: string; revealed: number[] } | undefined;
}): boolean {
  if (!s.predictMode || !s.trace) return false;
  const revealed = s.predictSession?.traceId === s.trace.id ? s.predictSession.revealed : NO_REVEALS;
  return !predictView(s.trace, new Set(revealed)).done;
}
