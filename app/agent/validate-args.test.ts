import { describe, expect, it } from 'vitest';
import { validateArguments } from './validate-args';

const tool = {
  name: 'date_calc',
  description: 'd',
  parameters: {
    type: 'object',
    properties: { unit: { type: 'string', enum: ['days', 'weeks'] }, amount: { type: 'integer' } },
    required: ['amount'],
    additionalProperties: false,
  },
};

describe('validateArguments', () => {
  it('accepts valid arguments', () => {
    expect(validateArguments(tool, { amount: 3, unit: 'days' })).toEqual({ ok: true });
  });

  it.each([
    [{ amount: 3, unit: 'day' }, 'argument "unit" must be one of "days", "weeks"'],
    [{ unit: 'days' }, 'missing required argument "amount"'],
    [{ amount: 1.5 }, 'argument "amount" must be integer'],
    [{ amount: 1, extra: true }, 'unknown argument "extra"'],
    [[1], 'must be a JSON object'],
  ])('%j → names the argument that is wrong', (args, message) => {
    const result = validateArguments(tool, args);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it('reports a broken schema instead of throwing', () => {
    const broken = { ...tool, parameters: { type: 'object', properties: { a: { type: 'nope' } } } };
    expect(validateArguments(broken, {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('schema is invalid'),
    });
  });
});
