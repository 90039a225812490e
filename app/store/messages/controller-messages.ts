import type { Role } from '../../agent/types';
import { type Coded, defineMessages } from '../../i18n/i18n';

/**
 * What the controllers tell the user (notices, slot status, the lesson link). The store keeps
 * each as a coded message (`ControllerNotice`: the key and its values) and the page translates
 * it when it shows it, so a notice follows a change of language. `{roles}` is a list of roles,
 * named in the interface language when shown.
 *
 * `untitled` and `importedTitle` are not notices: history-controller.ts writes them into a
 * saved run's title, in the language of the moment.
 */
export const controllerMessages = defineMessages(
  {
    untitled: 'Untitled run',
    importedTitle: '{task} (imported)',
    toolsNotLoaded: 'Your saved tools could not be loaded: {error}',
    toolChangeNotSaved: 'The change to {name} was not saved: {error}',
    slotLoaded: 'Loaded and answering.',
    slotCancelled: 'Loading cancelled.',
    slotQueued: 'Waiting for its turn.',
    slotBlocked: 'Not loaded: {roles} did not load first.',
    slotDeleted: 'Deleted from the cache.',
    lessonLoaded: 'Lesson loaded from the link: task, mode, tools and settings are set. Press Run.',
    lessonLoadedMissing:
      'Lesson loaded from the link: task, mode, tools and settings are set (not on this device: {tools} — import those tools). Press Run.',
    lessonDroppedSampling:
      'Some sampling values in the link were invalid and were left at their defaults ({problems}). Check them under Role settings.',
    lessonRefusedPredict:
      'The link asks for a “predict, then reveal” setting this page does not know ({value}); it was left out. Switch the mode on or off under the task, or ask for a new link.',
    lessonTooLong: 'The lesson link is too long to be a lesson.',
    lessonDamaged: 'The lesson link is damaged (it could not be decoded). Ask for the link again.',
    lessonNoTask: 'The lesson link has no task.',
  },
  {
    untitled: '未命名的运行',
    importedTitle: '{task}（已导入）',
    toolsNotLoaded: '无法加载你保存的工具：{error}',
    toolChangeNotSaved: '对 {name} 的修改没有保存：{error}',
    slotLoaded: '已加载，可以回答。',
    slotCancelled: '加载已取消。',
    slotQueued: '等待轮到它。',
    slotBlocked: '未加载：{roles} 没有先加载成功。',
    slotDeleted: '已从缓存中删除。',
    lessonLoaded: '已从链接载入课堂：任务、模式、工具和设置都已设好。请点“运行”。',
    lessonLoadedMissing:
      '已从链接载入课堂：任务、模式、工具和设置都已设好（本设备上没有：{tools}——请导入这些工具）。请点“运行”。',
    lessonDroppedSampling: '链接中的部分采样设置无效，已保留默认值（{problems}）。请在“角色设置”中检查。',
    lessonRefusedPredict:
      '链接中的“先预测，再揭晓”设置本页面无法识别（{value}），已忽略。请在任务下方自行开启或关闭该模式，或重新索取链接。',
    lessonTooLong: '这个课堂链接太长，不是有效的课堂。',
    lessonDamaged: '这个课堂链接已损坏（无法解码）。请重新索取链接。',
    lessonNoTask: '这个课堂链接里没有任务。',
  },
);

export type ControllerNotice = Coded<typeof controllerMessages, { roles: readonly Role[] }>;

type NoticeOf<K extends ControllerNotice['code']> = Extract<ControllerNotice, { code: K }>;

/** What a model slot says under its row. */
export type SlotNotice = NoticeOf<
  'slotLoaded' | 'slotCancelled' | 'slotQueued' | 'slotBlocked' | 'slotDeleted'
>;

/** Why a lesson link was refused (lesson-link.ts). */
export type LessonLinkError = NoticeOf<'lessonTooLong' | 'lessonDamaged' | 'lessonNoTask'>;
