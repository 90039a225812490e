import { describe, expect, it } from 'vitest';
import { lessonHash, parseLessonHash } from '../../controllers/lesson-link';
import type { ControllerNotice } from '../../store/messages/controller-messages';
import { controllerNoticesText, controllerNoticeText } from './notice-text';

describe('controller notices', () => {
  it('are written when shown, in the language of the moment', () => {
    const notice: ControllerNotice = { code: 'slotBlocked', values: { roles: ['planner', 'caller'] } };
    expect(controllerNoticeText('en', notice)).toBe('Not loaded: planner + caller did not load first.');
    expect(controllerNoticeText('zh-CN', notice)).toBe('未加载：规划器 + 调用器 没有先加载成功。');
    const saved: ControllerNotice = {
      code: 'toolChangeNotSaved',
      values: { name: 'shout', error: 'QuotaExceededError' },
    };
    expect(controllerNoticeText('en', saved)).toBe('The change to shout was not saved: QuotaExceededError');
    expect(controllerNoticeText('zh-CN', saved)).toBe('对 shout 的修改没有保存：QuotaExceededError');
  });

  it('show a lesson link refusal from lesson-link.ts', () => {
    const refused = parseLessonHash('#lesson=bm90IGpzb24');
    expect(refused?.ok).toBe(false);
    if (!refused || refused.ok) return;
    expect(controllerNoticeText('en', refused.error)).toBe(
      'The lesson link is damaged (it could not be decoded). Ask for the link again.',
    );
    expect(controllerNoticeText('zh-CN', refused.error)).toBe(
      '这个课堂链接已损坏（无法解码）。请重新索取链接。',
    );
    const noTask = parseLessonHash(lessonHash({ task: 1 } as never));
    expect(noTask?.ok === false && controllerNoticeText('zh-CN', noTask.error)).toBe(
      '这个课堂链接里没有任务。',
    );
  });

  it('in a row, one sentence after another', () => {
    const notices: ControllerNotice[] = [
      { code: 'lessonLoadedMissing', values: { tools: 'shout' } },
      { code: 'lessonDroppedSampling', values: { problems: 'planner: x' } },
    ];
    expect(controllerNoticesText('en', notices)).toBe(
      'Lesson loaded from the link: task, mode, tools and settings are set (not on this device: shout — import those tools). Press Run. ' +
        'Some sampling values in the link were invalid and were left at their defaults (planner: x). Check them under Role settings.',
    );
    expect(controllerNoticesText('zh-CN', notices)).toMatch(
      /^已从链接载入课堂.*shout.*链接中的部分采样设置无效/,
    );
  });
});
