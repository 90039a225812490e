import { useEffect, useRef, useState } from 'react';
import { DECISIONS, kindOfRole, type PredictView } from '../../agent/predict/predict';
import type { Trace } from '../../agent/trace';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../store';
import { roleMessages } from '../Roles/messages';
import { predictMessages } from './messages';

type Next = NonNullable<PredictView['next']>;
type Problem = 'pickFirst' | 'stillWriting' | undefined;

/**
 * The prediction asked before a hidden turn: a radio group (decision, tool) or a line of text
 * (answer), and Reveal. Enter reveals from any field. The prediction lives in the store, so a
 * Reveal pressed too early (the model still writing) loses nothing.
 */
export function PredictForm({ trace, next }: { trace: Trace; next: Next }) {
  const t = useT(predictMessages);
  const tRole = useT(roleMessages);
  const { step, point } = next;
  const kind = kindOfRole(step.role);
  const value = useAppStore((s) =>
    s.predictSession?.traceId === trace.id ? s.predictSession.predictions[step.index] : undefined,
  );
  const [problem, setProblem] = useState<Problem>();
  const first = useRef<HTMLInputElement>(null);
  // Mounted per turn (keyed by step): after a reveal the next question takes the focus, so a
  // keyboard user goes on from there.
  useEffect(() => {
    const session = useAppStore.getState().predictSession;
    if (session?.traceId === trace.id && session.revealed.length > 0) first.current?.focus();
  }, [trace.id]);
  const set = (v: string) => {
    setProblem(undefined);
    useAppStore.getState().setPrediction(trace.id, step.index, v);
  };
  const legendKey = kind === 'decision' ? 'legendDecision' : kind === 'tool' ? 'legendTool' : 'legendAnswer';
  const options =
    kind === 'decision'
      ? DECISIONS.map((d) => ({ value: d, label: t(d) }))
      : trace.tools.map((tool) => ({ value: tool.name, label: tool.name }));
  const problemId = `predict-problem-${step.index}`;
  return (
    <li className="predict-form-row">
      <form
        className="predict-form"
        data-testid="predict-form"
        data-kind={kind}
        onSubmit={(e) => {
          e.preventDefault();
          if (!value?.trim()) return setProblem('pickFirst');
          if (!point) return setProblem('stillWriting');
          useAppStore.getState().revealStep(trace.id, step.index);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <fieldset aria-describedby={problem ? problemId : undefined}>
          <legend>{t(legendKey, { step: step.index + 1, role: tRole(step.role) })}</legend>
          {kind === 'answer' ? (
            <label className="predict-answer">
              {t('answerLabel')}
              <input
                ref={first}
                type="text"
                data-testid="predict-answer"
                value={value ?? ''}
                onChange={(e) => set(e.target.value)}
              />
            </label>
          ) : (
            <div className="predict-options" data-testid="predict-options">
              {options.map((option, i) => (
                <label key={option.value}>
                  <input
                    ref={i === 0 ? first : undefined}
                    type="radio"
                    name={`predict-${step.index}`}
                    value={option.value}
                    data-testid={`predict-option-${option.value}`}
                    checked={value === option.value}
                    onChange={() => set(option.value)}
                  />
                  {option.label}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <button type="submit" className="primary" data-testid="predict-reveal">
          {t('reveal')}
        </button>
        {problem && (
          <p id={problemId} className="step-error" role="alert" data-testid="predict-problem">
            {t(problem)}
          </p>
        )}
      </form>
    </li>
  );
}
