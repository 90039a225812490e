import type { ToolDefinition } from '../agent/types';
import { calculatorTool } from './builtin/calculator';
import { countryFactsTool } from './builtin/country-facts';
import { dateCalcTool } from './builtin/date-calc';
import { textStatsTool } from './builtin/text-stats';
import { ToolDefinitionError, UnknownToolError, unknownToolMessage } from './errors';

/** What a tool's implementation gets besides its (already validated) arguments. */
export interface ToolContext {
  /** Aborted on timeout or when the run is stopped; `signal.reason` is the named error. */
  signal: AbortSignal;
  /** A line for the trace's `logs` (what `console.log` becomes in sandboxed tools). */
  log(line: string): void;
}

/** A tool implemented in TypeScript that ships with the app and runs on the main thread. */
export interface BuiltinTool {
  kind?: 'builtin';
  definition: ToolDefinition;
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<unknown>;
  /** Example `Action Input` JSON texts, e.g. `{"expression": "(3+4)*2"}`, for the UI and prompts. */
  examples?: string[];
}

/** A tool whose implementation is JavaScript source, run by the runner's sandbox executor. */
export interface SandboxTool {
  kind: 'sandbox';
  definition: ToolDefinition;
  source: string;
  examples?: string[];
}

/**
 * Registered tools are a union on `kind`. The registry only stores and enables tools; how
 * a tool runs is the runner's business: builtins are called directly, sandbox tools are
 * handed to a `SandboxExecutor` (the QuickJS worker bridge, later). Adding a kind means one
 * union member here and one branch in the runner; definitions, validation, timeouts and
 * output limits stay shared.
 */
export type RegisteredTool = BuiltinTool | SandboxTool;

/** OpenAI's rule for function names; also keeps names safe inside GLPFT prompts. */
const TOOL_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export interface RegisterOptions {
  /** Default true. */
  enabled?: boolean;
  /** Replace a tool of the same name instead of failing (editing a user tool). */
  replace?: boolean;
}

function checkDefinition(definition: ToolDefinition): void {
  if (!TOOL_NAME.test(definition.name)) {
    throw new ToolDefinitionError(
      `tool name "${definition.name}" must be 1-64 letters, digits, "_" or "-" (no spaces)`,
    );
  }
  if (definition.parameters.type !== 'object') {
    throw new ToolDefinitionError(
      `the parameters of ${definition.name} must be a JSON Schema of type "object"`,
    );
  }
}

export class ToolRegistry {
  // A Map keeps registration order, which is the order tools are listed to the models.
  readonly #tools = new Map<string, RegisteredTool>();
  readonly #enabled = new Set<string>();

  register(tool: RegisteredTool, options: RegisterOptions = {}): void {
    const { name } = tool.definition;
    checkDefinition(tool.definition);
    if (this.#tools.has(name) && !options.replace) {
      throw new ToolDefinitionError(`a tool named ${name} is already registered`);
    }
    this.#tools.set(name, tool);
    if (options.enabled ?? true) this.#enabled.add(name);
    else this.#enabled.delete(name);
  }

  unregister(name: string): boolean {
    this.#enabled.delete(name);
    return this.#tools.delete(name);
  }

  has(name: string): boolean {
    return this.#tools.has(name);
  }

  get(name: string): RegisteredTool | undefined {
    return this.#tools.get(name);
  }

  /** Every registered tool, enabled or not, in registration order. */
  list(): RegisteredTool[] {
    return [...this.#tools.values()];
  }

  isEnabled(name: string): boolean {
    return this.#enabled.has(name);
  }

  /** Throws `UnknownToolError` for a name that is not registered. */
  enable(name: string): void {
    this.#require(name);
    this.#enabled.add(name);
  }

  /** Throws `UnknownToolError` for a name that is not registered. */
  disable(name: string): void {
    this.#require(name);
    this.#enabled.delete(name);
  }

  setEnabled(name: string, enabled: boolean): void {
    if (enabled) this.enable(name);
    else this.disable(name);
  }

  /** The enabled tool that may be called under `name`; disabled tools do not exist for the models. */
  resolve(name: string): RegisteredTool | undefined {
    return this.#enabled.has(name) ? this.#tools.get(name) : undefined;
  }

  /** Definitions of the enabled tools, in registration order: what the models are shown. */
  definitions(): ToolDefinition[] {
    return this.list()
      .filter((tool) => this.#enabled.has(tool.definition.name))
      .map((tool) => tool.definition);
  }

  #require(name: string): void {
    if (!this.#tools.has(name)) throw new UnknownToolError(unknownToolMessage(name));
  }
}

/** The tools every session starts with, all enabled. */
export function createDefaultRegistry(): ToolRegistry {
  const registry = new ToolRegistry();
  registry.register(calculatorTool);
  registry.register(dateCalcTool);
  registry.register(countryFactsTool);
  registry.register(textStatsTool);
  return registry;
}
