import type {
  ChatMessage,
  DialectSession,
  DialectSessionOptions,
  Role,
  RoleRequest,
  SessionEntry,
  ToolCall,
  ToolResult,
} from '../../types';
import { callerSchemaString } from './caller-schema';
import { plannerGrammar } from './grammar';
import { systemPromptFor } from './system-prompts';

export interface ChatSession extends DialectSession {
  /** The role's conversation so far (a copy). */
  conversation(role: Role): readonly ChatMessage[];
}

/** Something a role has not seen yet, in the order it happened. */
type LogItem =
  | { kind: 'thought'; text: string }
  | { kind: 'call'; text: string }
  | { kind: 'observation'; text: string };

interface RoleState {
  messages: ChatMessage[];
  /** Index in the run log up to which this role has been told what happened. */
  seen: number;
  /** A request was made and its output not recorded yet: a retry must not append again. */
  awaiting: boolean;
}

function describeCall(entry: Extract<SessionEntry, { kind: 'caller' }>): string {
  const parsed = entry.parsed;
  if (parsed.ok)
    return `The caller called ${parsed.call.name} with ${JSON.stringify(parsed.call.arguments)}.`;
  return `The caller's output could not be used as a tool call (${parsed.message}).`;
}

function formatLog(items: readonly LogItem[], forRole: Role): string {
  return items
    .map((item) => {
      if (item.kind === 'observation') return `Observation: ${item.text}`;
      if (item.kind === 'thought')
        return forRole === 'caller' ? `Planner: ${item.text}` : `Plan: ${item.text}`;
      return item.text;
    })
    .join('\n');
}

/**
 * The `chat` dialect: each role keeps its own conversation, and every turn appends exactly
 * one user message (what happened since the role last spoke) and one assistant message (its
 * verbatim output). Earlier messages never change, so WebLLM only prefills the new ones.
 */
export function createChatSession(options: DialectSessionOptions): ChatSession {
  const { task, tools } = options;
  const log: LogItem[] = [];
  const roles = new Map<Role, RoleState>();
  const schema = callerSchemaString(tools);
  const grammar = plannerGrammar();

  function firstUserMessage(role: Role): string {
    if (role === 'summarizer') {
      const transcript = formatLog(log, role);
      return `Task: ${task}\n\nWhat the team did:\n${transcript || '(nothing)'}\n\nWrite the final answer to the task.`;
    }
    if (role === 'caller') return `Task: ${task}\n\n${formatLog(log, role)}`;
    return `Task: ${task}`;
  }

  function state(role: Role): RoleState {
    let s = roles.get(role);
    if (!s) {
      s = {
        messages: [
          { role: 'system', content: systemPromptFor(role, tools, options.systemPrompts) },
          { role: 'user', content: firstUserMessage(role) },
        ],
        seen: log.length,
        awaiting: false,
      };
      roles.set(role, s);
    }
    return s;
  }

  function constraintFor(role: Role): RoleRequest['constraint'] {
    if (role === 'planner') return { type: 'grammar', grammar };
    if (role === 'caller' && tools.length > 0) return { type: 'json_schema', schema };
    return undefined;
  }

  return {
    dialect: 'chat',

    request(role) {
      const isNew = !roles.has(role);
      const s = state(role);
      if (!isNew && !s.awaiting) {
        const news = formatLog(log.slice(s.seen), role);
        s.messages.push({ role: 'user', content: news || 'Continue.' });
        s.seen = log.length;
      }
      s.awaiting = true;
      const constraint = constraintFor(role);
      return {
        prompt: { kind: 'messages', messages: s.messages.map((m) => ({ ...m })) },
        ...(constraint ? { constraint } : {}),
      };
    },

    record(entry) {
      const own = (role: Role, raw: string) => {
        const s = roles.get(role);
        if (!s?.awaiting) return;
        s.messages.push({ role: 'assistant', content: raw });
        s.awaiting = false;
      };
      // A role has seen everything up to and including its own output.
      const caughtUp = (role: Role) => {
        const s = roles.get(role);
        if (s) s.seen = log.length;
      };
      switch (entry.kind) {
        case 'planner':
          own('planner', entry.raw);
          log.push({ kind: 'thought', text: entry.parsed.thought });
          caughtUp('planner');
          break;
        case 'caller':
          own('caller', entry.raw);
          log.push({ kind: 'call', text: describeCall(entry) });
          caughtUp('caller');
          break;
        case 'observation':
          log.push({ kind: 'observation', text: entry.text });
          break;
        case 'summarizer':
          own('summarizer', entry.raw);
          break;
        case 'backbone':
          own('backbone', entry.raw);
          caughtUp('backbone');
          break;
      }
    },

    formatObservation(result: ToolResult, call: ToolCall): string {
      if (result.ok) return JSON.stringify({ result: result.value ?? null });
      if (result.error.name === 'UnknownToolError') {
        const names = tools.map((t) => t.name).join(', ') || 'none';
        return JSON.stringify({ error: `No such tool: ${call.name}. Available tools: ${names}.` });
      }
      return JSON.stringify({ error: `${result.error.name}: ${result.error.message}` });
    },

    conversation(role) {
      return (roles.get(role)?.messages ?? []).map((m) => ({ ...m }));
    },
  };
}
