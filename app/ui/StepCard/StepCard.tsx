import { memo } from 'react';
import type { TraceStep, TraceToolCall } from '../../agent/trace';
import type { CallerParse, PlannerParse, Prompt, Usage } from '../../agent/types';
import { Markdown } from '../Markdown/Markdown';
import { ReviewBox } from './ReviewBox';

const ROLE_LABEL = {
  planner: 'Planner',
  caller: 'Caller',
  summarizer: 'Summarizer',
  backbone: 'Single model',
} as const;

const DECISION_LABEL = {
  caller: 'Next: caller',
  conclusion: 'Next: conclusion',
  give_up: 'Next: give up',
} as const;

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function UsageLine({ usage }: { usage: Usage }) {
  return (
    <p className="usage" data-testid="usage">
      {usage.simulated && <span className="badge simulated">simulated</span>}
      <span title="prompt tokens prefilled (reused from the KV cache)">
        prompt {usage.promptTokens}
        {usage.promptTokensReused ? ` (+${usage.promptTokensReused} reused)` : ''}
      </span>
      <span>output {usage.completionTokens}</span>
      <span>first token {formatMs(usage.timeToFirstTokenMs)}</span>
      {usage.decodeTokensPerSecond > 0 && <span>{usage.decodeTokensPerSecond.toFixed(1)} tok/s</span>}
      <span>{formatMs(usage.wallMs)}</span>
    </p>
  );
}

function PromptView({ prompt, raw, tokens }: { prompt: Prompt; raw: string; tokens?: number | undefined }) {
  return (
    <details className="prompt" data-testid="what-the-model-saw">
      <summary>
        What the model saw{tokens !== undefined ? ` (${tokens} prompt tokens)` : ''} and wrote
      </summary>
      {prompt.kind === 'text' ? (
        <pre>{prompt.text}</pre>
      ) : (
        <ol className="messages">
          {prompt.messages.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages are append-only; the index is their identity
            <li key={i} className={`message message-${m.role}`}>
              <span className="message-role">{m.role}</span>
              <pre>{m.content}</pre>
            </li>
          ))}
        </ol>
      )}
      <p className="label">Raw output, before parsing</p>
      <pre data-testid="raw-output">{raw}</pre>
    </details>
  );
}

function Decision({ plan }: { plan: PlannerParse }) {
  return (
    <p>
      <span className={`badge decision decision-${plan.decision}`} data-testid="decision-badge">
        {DECISION_LABEL[plan.decision]}
      </span>
      {plan.markerCount === 0 && (
        <span className="note"> no decision marker: routed to the caller by default</span>
      )}
      {plan.markerCount > 1 && (
        <span className="note"> {plan.markerCount} markers: the first rule that matched won</span>
      )}
    </p>
  );
}

function ToolView({ tool }: { tool: TraceToolCall }) {
  const result = tool.result;
  return (
    <div className={`tool tool-${tool.status}`} data-testid="tool-call">
      <p>
        <span className="badge role-tool">tool</span> <code data-testid="tool-name">{tool.call.name}</code>{' '}
        {tool.status === 'running' && <span className="note">running…</span>}
        {result && <span className="note">{formatMs(result.durationMs)}</span>}
        {result && !result.ok && <span className="badge error">{result.error.name}</span>}
      </p>
      <pre className="args" data-testid="tool-args">
        {JSON.stringify(tool.call.arguments, null, 2)}
      </pre>
      {tool.observation !== undefined && (
        <>
          <p className="label">Observation</p>
          <pre className="observation" data-testid="observation">
            {tool.observation}
          </pre>
        </>
      )}
    </div>
  );
}

function CallerError({ parse }: { parse: CallerParse }) {
  if (parse.ok) return null;
  return (
    <p className="step-error" data-testid="step-error">
      <span className="badge error">{parse.kind.replaceAll('_', ' ')}</span> {parse.message}
    </p>
  );
}

function Body({ step }: { step: TraceStep }) {
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
        {r.kind === 'give_up' && <span className="badge decision decision-give_up">give up</span>}
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
  return (
    <li
      className={`step-card role-${step.role} status-${step.status}`}
      data-testid="step-card"
      data-role={step.role}
      data-status={step.status}
    >
      <header>
        <span className={`badge role-${step.role}`}>{ROLE_LABEL[step.role]}</span>
        <span className="note">
          turn {step.turn} · {step.model.label}
        </span>
        {step.status === 'aborted' && <span className="badge error">stopped</span>}
        {step.carriedOver && (
          <span className="badge" data-testid="carried-over">
            kept from the original run
          </span>
        )}
        {step.finishReason === 'length' && <span className="badge error">cut at max tokens</span>}
      </header>
      <Body step={step} />
      {step.reviewing && <ReviewBox step={step} />}
      {step.edit && (
        <details className="edit-note" data-testid="edited">
          <summary>
            <span className="badge error">edited by you</span> — the model wrote something else
          </summary>
          <pre className="raw">{step.edit.originalRaw}</pre>
        </details>
      )}
      {step.error && step.role !== 'caller' && (
        <p className="step-error" data-testid="step-error">
          {step.error.name}: {step.error.message}
        </p>
      )}
      {step.tool && <ToolView tool={step.tool} />}
      {step.error?.observation !== undefined && !step.tool && (
        <>
          <p className="label">Fed back to the planner</p>
          <pre className="observation" data-testid="observation">
            {step.error.observation}
          </pre>
        </>
      )}
      {step.usage && !step.carriedOver && <UsageLine usage={step.usage} />}
      {onFork && (
        <button type="button" className="link" data-testid="fork-here" onClick={() => onFork(step.index)}>
          Fork from here: run again from this turn with the current models and settings
        </button>
      )}
      <PromptView
        prompt={step.prompt}
        raw={step.raw}
        tokens={step.usage ? step.usage.promptTokens + (step.usage.promptTokensReused ?? 0) : undefined}
      />
    </li>
  );
});
