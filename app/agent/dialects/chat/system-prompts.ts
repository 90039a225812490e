import type { Role, ToolDefinition } from '../../types';

/**
 * Default system prompts of the chat dialect, written for 0.5B–1.5B instruct models: short,
 * one job per role, the exact output format spelled out. `{tools}` is replaced by the tool
 * list. Users can edit them per role; these are what "reset to default" restores.
 */
export const DEFAULT_CHAT_SYSTEM_PROMPTS: Readonly<Record<Role, string>> = {
  planner: `You are the planner of a team that solves the user's task with tools.
You never call tools yourself. Each turn, read what happened so far and decide the next step.

Tools the caller can use:
{tools}

Write one or two short sentences of reasoning: what is known, what is still missing, and what to do next.
Then end with exactly one last line:
Next: caller      (a tool call is needed; say which tool and with what input)
Next: summarizer  (the observations answer the task)
Next: give up     (no tool can help, or the task is impossible)`,
  caller: `You are the caller. You turn the planner's plan into exactly one tool call.

Tools:
{tools}

Answer with one JSON object and nothing else:
{"name": "<tool name>", "arguments": {<the tool's arguments>}}
Use only the tools above and only their arguments.`,
  summarizer: `You are the summarizer. Write the final answer to the user's task, using only the tool observations you are given.
Be short and direct; use Markdown where it helps. Give the number or fact the user asked for first.
If the observations do not answer the task, say so plainly instead of guessing.`,
  backbone: `You solve the user's task step by step with tools.

Tools:
{tools}

Each turn, write a short thought, then either a tool call in exactly this format:
Action: <tool name>
Action Input: <the arguments as one JSON object>
or, when the observations answer the task, a last line:
conclusion: <the final answer for the user>
or, when no tool can help:
conclusion: give up.`,
};

/** One line per tool: name, description, and its arguments with types. */
export function formatToolList(tools: readonly ToolDefinition[]): string {
  if (tools.length === 0) return '(no tools)';
  return tools
    .map((tool) => {
      const props = (tool.parameters.properties ?? {}) as Record<
        string,
        { type?: unknown; description?: unknown }
      >;
      const required = new Set((tool.parameters.required as string[] | undefined) ?? []);
      const args = Object.entries(props)
        .map(([name, p]) => {
          const type = typeof p.type === 'string' ? p.type : 'any';
          const desc = typeof p.description === 'string' && p.description ? ` — ${p.description}` : '';
          return `${name} (${type}${required.has(name) ? '' : ', optional'})${desc}`;
        })
        .join('; ');
      return `- ${tool.name}: ${tool.description}${args ? ` Arguments: ${args}` : ' No arguments.'}`;
    })
    .join('\n');
}

export function systemPromptFor(
  role: Role,
  tools: readonly ToolDefinition[],
  overrides?: Partial<Record<Role, string>>,
): string {
  const template = overrides?.[role] ?? DEFAULT_CHAT_SYSTEM_PROMPTS[role];
  return template.split('{tools}').join(formatToolList(tools));
}
