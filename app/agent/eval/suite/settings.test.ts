import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_SYSTEM_PROMPTS } from '../../dialects/chat/system-prompts';
import { type SettingsInput, suiteSettings } from './settings';

const tool = (name: string, description = 'does things') => ({
  name,
  description,
  parameters: { type: 'object', properties: {} },
});
const base: SettingsInput = {
  mode: 'multi',
  dialect: 'chat',
  maxSteps: 10,
  roleSampling: {},
  systemPrompts: {},
  tools: [tool('calculator')],
};

describe('suiteSettings', () => {
  it('records the step limit, sampling of the mode’s roles with defaults, custom prompts and tools', () => {
    const { settings, fingerprint } = suiteSettings({
      ...base,
      roleSampling: { planner: { temperature: 0.7 }, backbone: { temperature: 1 } },
      systemPrompts: { caller: 'Be brief.' },
    });
    expect(settings).toEqual({
      maxSteps: 10,
      sampling: {
        planner: { temperature: 0.7, maxTokens: 256 },
        caller: { temperature: 0, maxTokens: 256 },
        summarizer: { temperature: 0.3, maxTokens: 512 },
      },
      customPrompts: ['caller'],
      tools: ['calculator'],
    });
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('the fingerprint changes with each setting that shapes a run, and only with those', () => {
    const fp = (patch: Partial<typeof base> & Record<string, unknown>) =>
      suiteSettings({ ...base, ...patch }).fingerprint;
    const same = fp({});
    expect(fp({ maxSteps: 5 })).not.toBe(same);
    expect(fp({ roleSampling: { caller: { seed: 1 } } })).not.toBe(same);
    expect(fp({ systemPrompts: { planner: 'Plan.' } })).not.toBe(same);
    expect(fp({ tools: [tool('calculator'), tool('date_calc')] })).not.toBe(same);
    expect(fp({ tools: [tool('calculator', 'another description')] })).not.toBe(same);
    // Unchanged in effect: the default prompt written out, a role the mode does not use, the alpha-umi prompts.
    expect(fp({ systemPrompts: { planner: DEFAULT_CHAT_SYSTEM_PROMPTS.planner } })).toBe(same);
    expect(fp({ roleSampling: { backbone: { temperature: 1 } } })).toBe(same);
    const umi = { dialect: 'alpha-umi' as const };
    expect(fp({ ...umi, systemPrompts: { planner: 'Plan.' } })).toBe(fp(umi));
  });
});
