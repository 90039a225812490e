import type {
  ChatMessage,
  DialectSession,
  DialectSessionOptions,
  OutputConstraint,
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
  /** The role's conversation so far (a copy; empty before its first request). */
  conversation(role: Role): readonly ChatMessage[];
}

/** Something that happened in the run, in order, as the roles are told about it. */
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

/** `{"result": value}` as compact JSON, never throwing (BigInt, cycles): tool values are untrusted. */
function resultJson(value: unknown): string {
  try {
    return JSON.stringify({ result: value ?? null }, (_key, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v,
    );
  } catch {
    return JSON.stringify({ result: String(value) });
  }
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
  // Built once: the same string every turn lets WebLLM reuse its grammar matcher.
  const constraints: Partial<Record<Role, OutputConstraint>> = {
    planner: { type: 'grammar', grammar: plannerGrammar() },
    // XGrammar has no way to say "no valid call": `anyOf: []` compiles to the empty string and
    // `false` aborts its wasm. Without tools the caller runs unconstrained and the parser reports.
    ...(tools.length > 0 ? { caller: { type: 'json_schema', schema: callerSchemaString(tools) } } : {}),
  };

  function firstUserMessage(role: Role): string {
    if (role === 'summarizer') {
      const transcript = formatLog(log, role);
      return `Task: ${task}\n\nWhat the team did:\n${transcript || '(nothing)'}\n\nWrite the final answer to the task.`;
    }
    if (role === 'caller') {
      const news = formatLog(log, role);
      return news ? `Task: ${task}\n\n${news}` : `Task: ${task}`;
    }
    return `Task: ${task}`;
  }

  /** Makes sure the role's conversation ends with the user message of its current turn. */
  function openTurn(role: Role): RoleState {
    const existing = roles.get(role);
    if (!existing) {
      const created: RoleState = {
        messages: [
          { role: 'system', content: systemPromptFor(role, tools, options.systemPrompts) },
          { role: 'user', content: firstUserMessage(role) },
        ],
        seen: log.length,
        awaiting: true,
      };
      roles.set(role, created);
      return created;
    }
    if (!existing.awaiting) {
      const news = formatLog(log.slice(existing.seen), role);
      existing.messages.push({ role: 'user', content: news || 'Continue.' });
      existing.seen = log.length;
      existing.awaiting = true;
    }
    return existing;
  }

  /** The role's output closes its turn. Recorded without a request, the turn is opened first. */
  function closeTurn(role: Role, raw: string): void {
    const s = openTurn(role);
    s.messages.push({ role: 'assistant', content: raw });
    s.awaiting = false;
  }

  /** A role has seen everything up to and including its own output. */
  function caughtUp(role: Role): void {
    const s = roles.get(role);
    if (s) s.seen = log.length;
  }

  return {
    dialect: 'chat',

    request(role): RoleRequest {
      const s = openTurn(role);
      const constraint = constraints[role];
      return {
        prompt: { kind: 'messages', messages: s.messages.map((m) => ({ ...m })) },
        ...(constraint ? { constraint: { ...constraint } } : {}),
      };
    },

    record(entry) {
      switch (entry.kind) {
        case 'planner':
          closeTurn('planner', entry.raw);
          log.push({ kind: 'thought', text: entry.parsed.thought });
          caughtUp('planner');
          break;
        case 'caller':
          closeTurn('caller', entry.raw);
          log.push({ kind: 'call', text: describeCall(entry) });
          caughtUp('caller');
          break;
        case 'observation':
          log.push({ kind: 'observation', text: entry.text });
          break;
        case 'summarizer':
          closeTurn('summarizer', entry.raw);
          caughtUp('summarizer');
          break;
        case 'backbone':
          closeTurn('backbone', entry.raw);
          caughtUp('backbone');
          break;
      }
    },

    formatObservation(result: ToolResult, call: ToolCall): string {
      if (result.ok) return resultJson(result.value);
      // By the error's name, not by the tool list: step errors come here with a made-up call.
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
