import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateArguments } from '../../agent/validate-args';
import { ToolRuntimeError } from '../errors';
import type { ToolContext } from '../registry';
import { BLOCKED_FUNCTIONS, calculate, calculatorTool } from './calculator';

function ctx(signal: AbortSignal = new AbortController().signal): ToolContext {
  return { signal, log: () => {} };
}

async function calc(expression: string): Promise<string> {
  const value = await calculatorTool.run({ expression }, ctx());
  expect(typeof value).toBe('string');
  return value as string;
}

/** The number and the unit of a result such as `"11.04672 km"`. */
function parts(result: string): { value: number; unit: string } {
  const match = /^(\S+)\s*(.*)$/.exec(result);
  return { value: Number(match?.[1]), unit: match?.[2] ?? '' };
}

describe('calculator', () => {
  it.each([
    ['(3+4)*2', '14'],
    ['sqrt(2)^2', '2'],
    ['0.1 + 0.2', '0.3'],
    ['2^10', '1024'],
    ['12 % 5', '2'],
    ['round(2.567, 2)', '2.57'],
    ['sin(pi / 2)', '1'],
    ['1/3', '0.33333333333333'],
    ['det([1, 2; 3, 4])', '-2'],
    ['fraction(1, 3) + fraction(1, 6)', '1/2'],
    ['3 + 4i', '3 + 4i'],
    ['2 > 1', 'true'],
  ])('evaluates %s to %s', async (expression, expected) => {
    expect(await calc(expression)).toBe(expected);
  });

  it('converts units and keeps them in the result', async () => {
    expect(await calc('5 mi + 3 km in km')).toBe('11.04672 km');
    expect(await calc('2 hours + 30 minutes in minutes')).toBe('150 minutes');
    expect(await calc('100 degF to degC')).toBe('37.777777777778 degC');

    const degC = parts(await calc('100 degF to degC'));
    expect(degC.unit).toBe('degC');
    expect(degC.value).toBeCloseTo(((100 - 32) * 5) / 9, 10);
    const speed = parts(await calc('5 km / 2 h to km/h'));
    expect(speed).toEqual({ value: 2.5, unit: 'km / h' });
    const inches = parts(await calc('1 inch to cm'));
    expect(inches).toEqual({ value: 2.54, unit: 'cm' });
    const miles = parts(await calc('5 km to mi'));
    expect(miles.unit).toBe('mi');
    expect(miles.value).toBeCloseTo(5 / 1.609344, 10);
  });

  it('returns the last value of several statements, with a fresh scope per call', async () => {
    expect(await calc('a = 2; b = 3\na * b')).toBe('6');
    await expect(calc('a')).rejects.toThrow('Undefined symbol a');
  });

  it.each([
    ['1 +', /Unexpected end of expression/],
    ['foo + 1', /Undefined symbol foo/],
    ['2 m + 3 s', /Units do not match/],
    ['12% of 80', /Undefined symbol of/],
    ['(((', /./],
    ['', /no value/],
    ['cos', /function, not a value/],
  ])('fails on %j with a ToolRuntimeError', async (expression, message) => {
    const error = await calc(expression).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolRuntimeError);
    expect((error as Error).name).toBe('ToolRuntimeError');
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['import({pi: 3})', 'import'],
    ['evaluate("1 + 1")', 'evaluate'],
    ['createUnit("foo", "3 m")', 'createUnit'],
    ['parse("1 + 1")', 'parse'],
    ['compile("1 + 1")', 'compile'],
    ['simplify("x + x")', 'simplify'],
    ['derivative("x^2", "x")', 'derivative'],
    ['config({number: "BigNumber"})', 'config'],
  ])('blocks %s', async (expression, fn) => {
    await expect(calc(expression)).rejects.toThrow(`Function ${fn} is disabled`);
    expect(BLOCKED_FUNCTIONS).toContain(fn);
  });

  it('keeps the shared instance intact after blocked calls', async () => {
    await calc('config({number: "BigNumber"})').catch(() => {});
    await calc('import({pi: 3}, {override: true})').catch(() => {});
    expect(await calc('pi')).toBe('3.1415926535898');
    expect(await calc('0.1 + 0.2')).toBe('0.3');
  });

  it('refuses to reach JavaScript internals', async () => {
    await expect(calc('cos.constructor')).rejects.toThrow(ToolRuntimeError);
    await expect(calc('f = cos; f.constructor("return 1")()')).rejects.toThrow(ToolRuntimeError);
  });

  it('stops when its signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(calculatorTool.run({ expression: '1 + 1' }, ctx(controller.signal))).rejects.toThrow('stop');
  });

  it('has a strict schema', () => {
    const { definition } = calculatorTool;
    expect(definition.name).toBe('calculator');
    expect(validateArguments(definition, { expression: '1 + 1' })).toEqual({ ok: true });
    expect(validateArguments(definition, {}).ok).toBe(false);
    expect(validateArguments(definition, { expression: 1 }).ok).toBe(false);
    expect(validateArguments(definition, { expression: '1', precision: 3 }).ok).toBe(false);
  });

  it('has examples that parse and fit the schema', async () => {
    for (const example of calculatorTool.examples ?? []) {
      const args = JSON.parse(example) as Record<string, unknown>;
      expect(validateArguments(calculatorTool.definition, args)).toEqual({ ok: true });
      expect(await calculate(args.expression as string)).toMatch(/\S/);
    }
  });

  it('does not import mathjs eagerly', () => {
    const source = readFileSync(new URL('./calculator.ts', import.meta.url), 'utf8');
    const eager = source.split('\n').filter((line) => /^import (?!type ).*['"]mathjs['"]/.test(line));
    expect(eager).toEqual([]);
    expect(source).toContain("import('mathjs')");
  });
});
