import { describe, expect, it } from 'vitest';
import type { GenerateRequest, Role } from '../../agent/types';
import { ScriptedModel } from './scripted-model';
import { EXAMPLE_SCRIPTS } from './scripts';

function request(role: Role, overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    role,
    prompt: { kind: 'text', text: 'prompt text' },
    sampling: { temperature: 0, maxTokens: 256 },
    context: {
      task: EXAMPLE_SCRIPTS[0]?.task ?? '',
      mode: 'multi',
      dialect: 'alpha-umi',
      turn: 1,
      tools: ['calculator'],
    },
    ...overrides,
  };
}

describe('ScriptedModel', () => {
  it('streams the scripted planner text token by token; the deltas add up to the result', async () => {
    const model = new ScriptedModel();
    const deltas: string[] = [];
    const result = await model.generate(request('planner', { onDelta: (d) => deltas.push(d) }));
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(result.text);
    expect(result.text).toMatch(/Next: caller\.$/);
    expect(result.usage.simulated).toBe(true);
    expect(result.usage.completionTokens).toBe(deltas.length);
    expect(result.finishReason).toBe('stop');
  });

  it('renders the same step in each dialect', async () => {
    const model = new ScriptedModel();
    const chat = await model.generate(
      request('caller', { context: { ...request('caller').context, dialect: 'chat' } }),
    );
    expect(JSON.parse(chat.text)).toEqual({
      name: 'calculator',
      arguments: { expression: '5 mi + 3 km in km' },
    });
    const alpha = await model.generate(request('caller'));
    expect(alpha.text).toBe('Action: calculator\nAction Input: {"expression":"5 mi + 3 km in km"}');
  });

  it('gives up honestly on a task it has no script for', async () => {
    const model = new ScriptedModel();
    const result = await model.generate(
      request('planner', { context: { ...request('planner').context, task: 'Write a poem' } }),
    );
    expect(result.text).toContain('scripted demo engine');
    expect(result.text).toMatch(/Next: give up\.$/);
  });

  it('plays fixed outputs per role in order, and errors when they run out', async () => {
    const model = new ScriptedModel({ outputs: { planner: ['one', 'two'] } });
    expect((await model.generate(request('planner'))).text).toBe('one');
    expect((await model.generate(request('planner'))).text).toBe('two');
    await expect(model.generate(request('planner'))).rejects.toThrow(/no output number 3/);
  });

  it('cuts the output at maxTokens and says so', async () => {
    const model = new ScriptedModel({ outputs: { summarizer: ['a b c d e f'] } });
    const result = await model.generate(
      request('summarizer', { sampling: { temperature: 0, maxTokens: 3 } }),
    );
    expect(result.text).toBe('a b c');
    expect(result.finishReason).toBe('length');
  });

  it('stops with an AbortError when the signal fires mid-stream', async () => {
    const model = new ScriptedModel({ tokenDelayMs: 5, outputs: { planner: ['x '.repeat(200)] } });
    const controller = new AbortController();
    const deltas: string[] = [];
    const pending = model.generate(
      request('planner', {
        signal: controller.signal,
        onDelta: (d) => {
          deltas.push(d);
          if (deltas.length === 3) controller.abort();
        },
      }),
    );
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(deltas.length).toBe(3);
  });

  it('interrupt() stops a hanging generation', async () => {
    const model = new ScriptedModel({ outputs: { caller: [{ hang: true }] } });
    const pending = model.generate(request('caller'));
    await model.interrupt();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('simulates KV reuse for an append-only message list, and none across conversations', async () => {
    const model = new ScriptedModel({
      outputs: { planner: ['first answer', 'second answer'], caller: ['x'] },
    });
    const system = { role: 'system' as const, content: 'You are the planner. '.repeat(20) };
    const user = { role: 'user' as const, content: 'task' };
    const first = await model.generate(
      request('planner', { prompt: { kind: 'messages', messages: [system, user] } }),
    );
    const second = await model.generate(
      request('planner', {
        prompt: {
          kind: 'messages',
          messages: [
            system,
            user,
            { role: 'assistant', content: 'first answer' },
            { role: 'user', content: 'obs' },
          ],
        },
      }),
    );
    expect(first.usage.promptTokensReused).toBe(0);
    expect(second.usage.promptTokensReused).toBeGreaterThan(100);
    expect(second.usage.promptTokens).toBeLessThan(first.usage.promptTokens);
  });
});
