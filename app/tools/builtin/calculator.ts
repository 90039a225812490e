import type { FactoryFunctionMap, MathJsInstance } from 'mathjs';
import { ToolArgumentsError, ToolRuntimeError } from '../errors';
import type { BuiltinTool } from '../registry';

/**
 * `calculator`: one mathjs expression in, one formatted result string out.
 *
 * mathjs is loaded with a dynamic `import()` on the first call, so listing the tool (which
 * every page load does) does not pull ~700 kB of mathjs into the initial bundle.
 */

/** Significant digits of results: hides float noise (`sqrt(2)^2` → `2`), keeps real precision. */
export const CALCULATOR_PRECISION = 14;

/**
 * Functions an expression must not reach, after https://mathjs.org/docs/expressions/security.html:
 * `import`, `createUnit` and `config` change the shared instance for every later call;
 * the rest parse or rewrite arbitrary expression trees. `typed` is left alone: mathjs
 * builds its own functions with it, and from an expression it can only make new functions.
 */
export const BLOCKED_FUNCTIONS = [
  'import',
  'createUnit',
  'config',
  'reviver',
  'evaluate',
  'parse',
  'compile',
  'parser',
  'simplify',
  'simplifyConstant',
  'simplifyCore',
  'derivative',
  'resolve',
  'rationalize',
  'symbolicEqual',
  'leafCount',
] as const;

interface LimitedMath {
  evaluate(expression: string, scope: Map<string, unknown>): unknown;
  format: MathJsInstance['format'];
  isResultSet: MathJsInstance['isResultSet'];
}

async function createLimitedMath(): Promise<LimitedMath> {
  const { create, all } = await import('mathjs');
  // mathjs declares `all` through a Record, so noUncheckedIndexedAccess adds `undefined`.
  const math = create(all as FactoryFunctionMap);
  // Keep the real evaluator before `import` replaces the expression-visible one.
  const evaluate = math.evaluate;
  const disabled: Record<string, () => never> = {};
  for (const name of BLOCKED_FUNCTIONS) {
    disabled[name] = () => {
      throw new Error(`Function ${name} is disabled`);
    };
  }
  math.import(disabled, { override: true });
  return {
    evaluate: (expression, scope) => evaluate(expression, scope),
    format: math.format,
    isResultSet: math.isResultSet,
  };
}

let limitedMath: Promise<LimitedMath> | undefined;

function loadMath(): Promise<LimitedMath> {
  if (!limitedMath) {
    limitedMath = createLimitedMath();
    // A failed chunk load (offline, redeploy) should not poison every later call.
    limitedMath.catch(() => {
      limitedMath = undefined;
    });
  }
  return limitedMath;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Evaluates one expression (statements may be separated by `;` or newlines; the last value wins). */
export async function calculate(expression: string): Promise<string> {
  const math = await loadMath();
  let result: unknown;
  try {
    // A fresh scope per call: variables assigned in one call do not leak into the next.
    result = math.evaluate(expression, new Map());
  } catch (error) {
    throw new ToolRuntimeError(messageOf(error));
  }
  if (math.isResultSet(result)) {
    result = result.entries[result.entries.length - 1];
  }
  if (result === undefined) throw new ToolRuntimeError('the expression has no value to compute');
  if (typeof result === 'function') {
    throw new ToolRuntimeError('the expression is a function, not a value; call it with arguments');
  }
  return math.format(result, { precision: CALCULATOR_PRECISION });
}

export const calculatorTool: BuiltinTool = {
  kind: 'builtin',
  definition: {
    name: 'calculator',
    description:
      'Evaluates a math expression (mathjs syntax) and returns the result as text. Supports arithmetic, ' +
      'powers, functions such as sqrt, sin, log, round, and units with conversion via "to" or "in", ' +
      'e.g. "5 mi + 3 km in km" or "100 degF to degC".',
    parameters: {
      type: 'object',
      properties: {
        expression: {
          type: 'string',
          description:
            'The expression to evaluate, e.g. "(3+4)*2", "sqrt(2)^2" or "2 hours + 30 minutes in minutes"',
        },
      },
      required: ['expression'],
      additionalProperties: false,
    },
  },
  examples: [
    '{"expression": "(3+4)*2"}',
    '{"expression": "5 mi + 3 km in km"}',
    '{"expression": "100 degF to degC"}',
  ],
  async run(args, ctx) {
    const { expression } = args;
    // The runner validates against the schema first; this guards direct calls.
    if (typeof expression !== 'string') throw new ToolArgumentsError('argument "expression" must be string');
    ctx.signal.throwIfAborted();
    const result = await calculate(expression);
    ctx.signal.throwIfAborted();
    return result;
  },
};
