import type { Dialect, Role, ToolCall } from '../../agent/types';

/**
 * A scripted run, written once and dialect-neutral: one entry per planner turn. The
 * scripted engine renders each entry as the text a role would write in the run's dialect.
 */
export type ScriptStep =
  | { thought: string; call: ToolCall }
  | { thought: string; answer: string }
  | { thought: string; giveUp: true };

export interface ScriptedTask {
  id: string;
  title: string;
  /** The task as the example button fills it in. */
  task: string;
  /** Which built-in tool the example exercises (shown next to the example). */
  tools: string[];
  steps: ScriptStep[];
}

function argsJson(call: ToolCall): string {
  return JSON.stringify(call.arguments);
}

/** Renders what `role` writes for `step` in `dialect`, in the format its parser expects. */
export function renderScriptStep(role: Role, dialect: Dialect, step: ScriptStep): string {
  switch (role) {
    case 'planner': {
      const next = 'call' in step ? 'caller' : 'answer' in step ? 'conclusion' : 'give up';
      if (dialect === 'chat') return `${step.thought}\nNext: ${next === 'conclusion' ? 'summarizer' : next}`;
      return `${step.thought}\nNext: ${next}.`;
    }
    case 'caller': {
      if (!('call' in step)) return '';
      if (dialect === 'chat') return JSON.stringify({ name: step.call.name, arguments: step.call.arguments });
      return `Action: ${step.call.name}\nAction Input: ${argsJson(step.call)}`;
    }
    case 'summarizer':
      return 'answer' in step ? step.answer : '';
    case 'backbone': {
      if ('call' in step)
        return `${step.thought}\nAction: ${step.call.name}\nAction Input: ${argsJson(step.call)}`;
      if ('answer' in step) return `${step.thought}\nconclusion: ${step.answer}`;
      return `${step.thought}\nconclusion: give up.`;
    }
  }
}

/** Splits text into token-like chunks (a word with its leading space), as a tokenizer streams them. */
export function chunkTokens(text: string): string[] {
  return text.match(/\s*\S+|\s+/g) ?? [];
}
