import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredUserTool } from '../storage/db';
import * as userToolsDb from '../storage/user-tools-db';
import { useAppStore } from '../store';
import { initTools, removeTool, saveTool, setToolEnabled } from './tools-controller';

/*
 * The tools controller over a stand-in for its IndexedDB module (Node has none; the real
 * stores are tested in Chromium by e2e/tools.spec.ts). The registry and the tools are real.
 */
vi.mock('../storage/user-tools-db', () => ({
  loadUserTools: vi.fn(),
  saveUserTool: vi.fn(),
  saveUserTools: vi.fn(),
  deleteUserTool: vi.fn(),
}));
const db = vi.mocked(userToolsDb);

const tool = (name: string, extra: Partial<StoredUserTool> = {}): StoredUserTool => ({
  name,
  description: `The ${name} tool.`,
  parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  source: 'function run(args) { return args.text.toUpperCase(); }',
  enabled: true,
  updatedAt: 1,
  ...extra,
});
const names = () =>
  useAppStore.getState().toolList.map((t) => `${t.name}:${t.kind}:${t.enabled ? 'on' : 'off'}`);

beforeEach(() => {
  vi.clearAllMocks();
  db.saveUserTool.mockResolvedValue(undefined);
  db.deleteUserTool.mockResolvedValue(undefined);
  useAppStore.setState({ toolsNotice: undefined, disabledBuiltins: [] });
});

describe('tools controller', () => {
  it('loads the stored user tools, skipping a broken one and one that takes a built-in name', async () => {
    db.loadUserTools.mockResolvedValue([
      tool('shout'),
      tool('whisper', { enabled: false }),
      tool('broken', { parameters: { type: 'nonsense' } as never }),
      tool('calculator'),
    ]);
    await initTools();
    expect(names()).toContain('shout:sandbox:on');
    expect(names()).toContain('whisper:sandbox:off');
    expect(names().filter((n) => n.startsWith('broken'))).toEqual([]);
    expect(names()).toContain('calculator:builtin:on');
    expect(names().filter((n) => n.startsWith('calculator'))).toHaveLength(1);
  });

  it('storage that cannot be read: the built-ins still work and the notice says why', async () => {
    db.loadUserTools.mockRejectedValue(new Error('The storage could not be opened'));
    await initTools();
    expect(names()).toContain('calculator:builtin:on');
    expect(useAppStore.getState().toolsNotice).toEqual({
      code: 'toolsNotLoaded',
      values: { error: 'The storage could not be opened' },
    });
  });

  it('refuses a built-in name and a name in use, saving nothing; saves and lists a good tool; a rename replaces it', async () => {
    db.loadUserTools.mockResolvedValue([tool('shout')]);
    await initTools();
    expect((await saveTool(tool('calculator'))).map((p) => p.code)).toContain('builtin');
    expect((await saveTool(tool('shout'))).map((p) => p.code)).toContain('exists');
    expect(db.saveUserTool).not.toHaveBeenCalled();
    expect(await saveTool(tool('echo'))).toEqual([]);
    expect(names()).toContain('echo:sandbox:on');
    expect(await saveTool(tool('echo2'), 'echo')).toEqual([]);
    expect(db.deleteUserTool).toHaveBeenCalledWith('echo');
    expect(names().some((n) => n.startsWith('echo:'))).toBe(false);
    expect(names()).toContain('echo2:sandbox:on');
    await removeTool('echo2');
    expect(names().some((n) => n.startsWith('echo2'))).toBe(false);
  });

  it('switching a tool: a built-in is remembered in the settings; a user tool whose save fails stays switched, with a notice', async () => {
    db.loadUserTools.mockResolvedValue([tool('shout')]);
    await initTools();
    await setToolEnabled('calculator', false);
    expect(useAppStore.getState().disabledBuiltins).toEqual(['calculator']);
    expect(names()).toContain('calculator:builtin:off');
    await setToolEnabled('calculator', true);
    expect(useAppStore.getState().disabledBuiltins).toEqual([]);
    db.saveUserTool.mockRejectedValueOnce(new Error('disk full'));
    await setToolEnabled('shout', false);
    expect(names()).toContain('shout:sandbox:off');
    expect(useAppStore.getState().toolsNotice).toEqual({
      code: 'toolChangeNotSaved',
      values: { name: 'shout', error: 'disk full' },
    });
  });
});
