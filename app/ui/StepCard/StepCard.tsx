import { memo } from 'react';
import type { TraceStep, TraceToolCall } from '../../agent/trace';
import type { CallerParse, PlannerParse, Prompt, Usage } from '../../agent/types';
import { useLocale, useT } from '../../i18n/use-t';
import { ErrorText } from '../ErrorText/ErrorText';
import { formatMs, formatNum } from '../format';
import { Markdown } from '../Markdown/Markdown';
import { roleMessages } from '../Roles/messages';
import { stepCardMessages } from './messages';
import { ReviewBox } from './ReviewBox';
import './step-card.css';

const DECISION_LABEL = {
  caller: 'decisionCaller',
  conclusion: 'decisionConclusion',
  give_up: 'decisionGiveUp',
} as const;

function UsageLine({ usage }: { usage: Usage }) {
  const t = useT(stepCardMessages);
  const locale = useLocale();
  const n = (value: number) => formatNum(locale, value);
  return (
    <p className="usage" data-testid="usage">
      {usage.simulated && <span className="badge simulated">{t('simulated')}</span>}
      {usage.unknown ? (
        <span data-testid="tokens-unknown">{t('tokensUnknown')}</span>
      ) : (
        <>
          <span title={t('promptTitle')}>
            {t('prompt', { n: n(usage.promptTokens) })}
            {usage.promptTokensReused ? t('promptReused', { n: n(usage.promptTokensReused) }) : ''}
            {usage.reuseUnknown ? t('reuseUnknown') : ''}
          </span>
          <span>{t('output', { n: n(usage.completionTokens) })}</span>
        </>
      )}
      <span>{t('firstToken', { time: formatMs(locale, usage.timeToFirstTokenMs) })}</span>
      {usage.decodeTokensPerSecond > 0 && (
        <span>
          {t('tokensPerSecond', {
            n: formatNum(locale, usage.decodeTokensPerSecond, {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }),
          })}
        </span>
      )}
      <span>{formatMs(locale, usage.wallMs)}</span>
    </p>
  );
}

/**
 * Long text that scrolls inside itself (a whole prompt). It is focusable so that the keyboard
 * can scroll it too (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
function ScrollPre({ children, testId }: { children: string; testId?: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable from the keyboard
    <pre tabIndex={0} data-testid={testId}>
      {children}
    </pre>
  );
}

function PromptView({
  prompt,
  raw,
  thinking,
  tokens,
}: {
  prompt: Prompt;
  raw: string;
  thinking?: string | undefined;
  tokens?: number | undefined;
}) {
  const t = useT(stepCardMessages);
  const locale = useLocale();
  return (
    <details className="prompt" data-testid="what-the-model-saw">
      <summary>
        {tokens !== undefined ? t('sawAndWroteTokens', { n: formatNum(locale, tokens) }) : t('sawAndWrote')}
      </summary>
      {prompt.kind === 'text' ? (
        <ScrollPre>{prompt.text}</ScrollPre>
      ) : (
        <ol className="messages">
          {prompt.messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are append-only; the index is their identity
            <li key={i} className={`message message-${m.role}`}>
              <span className="message-role">{m.role}</span>
              <ScrollPre>{m.content}</ScrollPre>
            </li>
          ))}
        </ol>
      )}
      {thinking && (
        <>
          <p className="label">{t('thinking')}</p>
          <ScrollPre testId="thinking">{thinking}</ScrollPre>
        </>
      )}
      <p className="label">{t('rawOutput')}</p>
      <ScrollPre testId="raw-output">{raw}</ScrollPre>
    </details>
  );
}

function Decision({ plan }: { plan: PlannerParse }) {
  const t = useT(stepCardMessages);
  return (
    <p>
      <span className={`badge decision decision-${plan.decision}`} data-testid="decision-badge" lang="en">
        {t(DECISION_LABEL[plan.decision])}
      </span>
      {plan.markerCount === 0 && <span className="note"> {t('noMarker')}</span>}
      {plan.markerCount > 1 && <span className="note"> {t('manyMarkers', { n: plan.markerCount })}</span>}
    </p>
  );
}

function ToolView({ tool }: { tool: TraceToolCall }) {
  const t = useT(stepCardMessages);
  const role = useT(roleMessages);
  const locale = useLocale();
  const result = tool.result;
  return (
    <div className={`tool tool-${tool.status}`} data-testid="tool-call">
      <p>
        <span className="badge role-tool">{role('tool')}</span>{' '}
        <code data-testid="tool-name">{tool.call.name}</code>{' '}
        {tool.status === 'running' && <span className="note">{t('running')}</span>}
        {result && <span className="note">{formatMs(locale, result.durationMs)}</span>}
        {result && !result.ok && <span className="badge error">{result.error.name}</span>}
      </p>
      <pre className="args" data-testid="tool-args">
        {JSON.stringify(tool.call.arguments, null, 2)}
      </pre>
      {tool.observation !== undefined && (
        <>
          <p className="label">{t('observation')}</p>
          <pre className="observation" data-testid="observation">
            {tool.observation}
          </pre>
        </>
      )}
    </div>
  );
}

function CallerError({ parse }: { parse: CallerParse }) {
  const t = useT(stepCardMessages);
  if (parse.ok) return null;
  // The sentence is the one fed back to the planner (model-facing), so it stays as written.
  return (
    <p className="step-error" data-testid="step-error">
      <span className="badge error">{t(parse.kind)}</span> <span lang="en">{parse.message}</span>
    </p>
  );
}

function Body({ step }: { step: TraceStep }) {
  const t = useT(stepCardMessages);
  const parsed = step.parsed;
  if (step.role === 'summarizer') {
    return <Markdown text={parsed?.role === 'summarizer' ? parsed.result.answer : step.raw} />;
  }
  if (parsed?.role === 'planner') {
    return (
      <>
        <p className="thought" data-testid="planner-thought">
          {parsed.result.thought}
        </p>
        <Decision plan={parsed.result} />
      </>
    );
  }
  if (parsed?.role === 'caller') {
    return (
      <>
        <pre className="raw" data-testid="caller-raw">
          {step.raw}
        </pre>
        <CallerError parse={parsed.result} />
      </>
    );
  }
  if (parsed?.role === 'backbone') {
    const r = parsed.result;
    return (
      <>
        <p className="thought" data-testid="planner-thought">
          {r.thought}
        </p>
        {r.kind === 'call' && <CallerError parse={r.caller} />}
        {r.kind === 'conclusion' && <Markdown text={r.answer} />}
        {r.kind === 'give_up' && <span className="badge decision decision-give_up">{t('giveUp')}</span>}
      </>
    );
  }
  // Still streaming (or stopped mid-stream): show the raw text as it arrives.
  return (
    <pre className="raw streaming" data-testid="streaming-text">
      {step.raw}
      {step.status === 'running' && <span className="cursor" aria-hidden="true" />}
    </pre>
  );
}

/** One role turn: what the model wrote, what was parsed from it, and the tool it ran. */
export const StepCard = memo(function StepCard({
  step,
  onFork,
}: {
  step: TraceStep;
  /** Offered on planner / single-model turns of a finished run. */
  onFork?: ((index: number) => void) | undefined;
}) {
  const t = useT(stepCardMessages);
  const locale = useLocale();
  const role = useT(roleMessages);
  const model =
    step.model.kind === 'scripted' && step.model.label === stepCardMessages.en.scriptedModel
      ? t('scriptedModel')
      : step.model.label;
  return (
    <li
      className={`step-card role-${step.role} status-${step.status}`}
      data-testid="step-card"
      data-role={step.role}
      data-status={step.status}
    >
      <header>
        <span className={`badge role-${step.role}`}>{role(step.role)}</span>
        <span className="note">{t('turn', { n: step.turn, model })}</span>
        {step.status === 'aborted' && <span className="badge error">{t('stopped')}</span>}
        {step.carriedOver && (
          <span className="badge" data-testid="carried-over">
            {t('carriedOver')}
          </span>
        )}
        {step.finishReason === 'length' && <span className="badge error">{t('cutAtMax')}</span>}
      </header>
      <Body step={step} />
      {step.reviewing && <ReviewBox step={step} />}
      {step.edit && (
        <details className="edit-note" data-testid="edited">
          <summary>
            <span className="badge error">{t('editedByYou')}</span>
            {t('editedNote')}
          </summary>
          <pre className="raw">{step.edit.originalRaw}</pre>
        </details>
      )}
      {step.error && step.role !== 'caller' && (
        <p className="step-error" data-testid="step-error">
          <ErrorText error={step.error} />
        </p>
      )}
      {step.tool && <ToolView tool={step.tool} />}
      {step.error?.observation !== undefined && !step.tool && (
        <>
          <p className="label">{t('fedBack')}</p>
          <pre className="observation" data-testid="observation">
            {step.error.observation}
          </pre>
        </>
      )}
      {step.contextCut && (
        <p className="note" data-testid="context-cut">
          {t('contextCut', {
            budget: formatNum(locale, step.contextCut.budgetTokens),
            shortened: formatNum(locale, step.contextCut.observationsShortened),
            dropped: formatNum(locale, step.contextCut.turnsDropped),
            before: formatNum(locale, step.contextCut.estimatedBefore),
            after: formatNum(locale, step.contextCut.estimatedAfter),
          })}
        </p>
      )}
      {step.usage && !step.carriedOver && <UsageLine usage={step.usage} />}
      {onFork && (
        <button type="button" className="link" data-testid="fork-here" onClick={() => onFork(step.index)}>
          {t('fork')}
        </button>
      )}
      <PromptView
        prompt={step.prompt}
        raw={step.raw}
        thinking={step.thinking}
        tokens={
          step.usage && !step.usage.unknown && !step.usage.reuseUnknown
            ? step.usage.promptTokens + (step.usage.promptTokensReused ?? 0)
            : undefined
        }
      />
    </li>
  );
});
