import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAppStore } from '../store';
import { applyLessonFromUrl, currentLessonUrl } from './lesson-controller';
import { initTools, setToolEnabled } from './tools-controller';

/* Lesson links through the controller: the page's settings out to a link, and back in. */
vi.mock('../storage/user-tools-db', () => ({
  loadUserTools: vi.fn(async () => []),
  saveUserTool: vi.fn(async () => undefined),
  saveUserTools: vi.fn(async () => undefined),
  deleteUserTool: vi.fn(async () => undefined),
}));

const state = () => useAppStore.getState();

/** The teacher's settings every test starts from: what a link must carry. */
const TEACHER = {
  task: 'What is 4821 * 37?',
  mode: 'shared',
  dialect: 'alpha-umi',
  engine: 'tiny',
  tinyMultiSystem: 'one-stage',
  maxSteps: 6,
  stepThrough: true,
  predictMode: true,
  roleSampling: { planner: { temperature: 0 } },
  locale: 'zh-CN',
} as const;

beforeEach(async () => {
  vi.stubGlobal('location', new URL('http://localhost:4173/umi/'));
  await initTools();
  useAppStore.setState({ ...TEACHER, roleSampling: { planner: { temperature: 0 } }, systemPrompts: {} });
});
afterEach(() => vi.unstubAllGlobals());

describe('lesson links', () => {
  it('a link made of the settings brings them all back, tools included, and says so', async () => {
    await setToolEnabled('text_stats', false);
    const url = currentLessonUrl();
    expect(url.startsWith('http://localhost:4173/umi/#lesson=')).toBe(true);
    useAppStore.setState({
      task: '',
      mode: 'multi',
      dialect: 'chat',
      engine: 'scripted',
      tinyMultiSystem: 'glpft',
      maxSteps: 10,
      stepThrough: false,
      predictMode: false,
      roleSampling: {},
      locale: 'en',
    });
    await setToolEnabled('text_stats', true);
    const notices = await applyLessonFromUrl(new URL(url).hash);
    expect(notices).toEqual([{ code: 'lessonLoaded' }]);
    expect(state()).toMatchObject(TEACHER);
    const enabled = (name: string) => state().toolList.find((t) => t.name === name)?.enabled;
    expect(enabled('text_stats')).toBe(false);
    expect(enabled('calculator')).toBe(true);
  });

  it('a role on a server, its address and its key never go into a link (issue 14)', () => {
    useAppStore.setState({
      roleServers: {
        planner: { preset: 'vllm', baseUrl: 'http://gpu.lab:8000/v1', model: 'alpha-umi', rememberKey: true },
      },
      serverKeys: { planner: { origin: 'http://gpu.lab:8000', key: 'sk-teacher' } },
    });
    const hash = decodeURIComponent(new URL(currentLessonUrl()).hash);
    const decoded = atobSafe(hash.slice('#lesson='.length));
    expect(decoded).toContain('4821 * 37');
    for (const text of [hash, decoded]) {
      expect(text).not.toContain('sk-teacher');
      expect(text).not.toContain('gpu.lab');
    }
    useAppStore.setState({ roleServers: {}, serverKeys: {} });
  });

  it('the GPU engine is left out of a link (a student may have no GPU or download)', () => {
    useAppStore.setState({ engine: 'webllm' });
    const hash = new URL(currentLessonUrl()).hash;
    const lesson = JSON.parse(Buffer.from(hash.replace('#lesson=', ''), 'base64url').toString('utf8'));
    expect(lesson.engine).toBeUndefined();
    expect(lesson.task).toBe('What is 4821 * 37?');
  });

  it('a tool the page does not have is named; a broken link says why and changes nothing', async () => {
    const lesson = { task: 'Shout hello', mode: 'multi', dialect: 'chat', tools: ['calculator', 'shout'] };
    const hash = `#lesson=${Buffer.from(JSON.stringify(lesson)).toString('base64url')}`;
    expect(await applyLessonFromUrl(hash)).toEqual([
      { code: 'lessonLoadedMissing', values: { tools: 'shout' } },
    ]);
    expect(
      state()
        .toolList.filter((t) => t.enabled)
        .map((t) => t.name),
    ).toEqual(['calculator']);
    const before = state().task;
    const broken = await applyLessonFromUrl(`#lesson=${Buffer.from('not json').toString('base64url')}`);
    expect(broken).toEqual([{ code: 'lessonDamaged' }]);
    expect(state().task).toBe(before);
    expect(await applyLessonFromUrl('#something-else')).toBeUndefined();
  });
});

/** The link's payload as text, whatever its encoding (base64url or plain). */
function atobSafe(payload: string): string {
  try {
    return Buffer.from(payload.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  } catch {
    return payload;
  }
}

describe('lesson links: predict, then reveal', () => {
  it('a link with an unknown predict value keeps the rest and says what to do', async () => {
    useAppStore.setState({ predictMode: false });
    const hash = `#lesson=${btoa(JSON.stringify({ task: 'What is 2 + 2?', mode: 'multi', dialect: 'chat', predict: 'sometimes' })).replace(/=+$/, '')}`;
    const notices = await applyLessonFromUrl(hash);
    expect(notices).toEqual([
      { code: 'lessonLoaded' },
      { code: 'lessonRefusedPredict', values: { value: '"sometimes"' } },
    ]);
    expect(state().task).toBe('What is 2 + 2?');
    expect(state().predictMode).toBe(false);
  });
});
