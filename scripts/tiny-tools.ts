/**
 * The tool list the tiny models are trained on: the page's built-in tools in the page's order
 * (tools-controller.ts registers the defaults, then run_javascript). Generated tasks never
 * call run_javascript, so Node needs no sandbox here; a call to it would fail loudly.
 */
import type { ToolDocStyle } from '../app/agent/dialects/alpha-umi/prompts';
import { createRunJavascriptTool } from '../app/tools/builtin/run-javascript';
import { createDefaultRegistry } from '../app/tools/registry';
import { createToolRunner } from '../app/tools/runner';

export const TINY_TOOL_DOCS: ToolDocStyle = 'compact';

export function tinyToolRunner() {
  const registry = createDefaultRegistry();
  registry.register(
    createRunJavascriptTool(() => Promise.reject(new Error('the generator never runs JavaScript'))),
  );
  const runner = createToolRunner(registry);
  return { runner, tools: runner.list() };
}
