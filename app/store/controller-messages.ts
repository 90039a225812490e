import { defineMessages } from '../i18n/i18n';

/**
 * Sentences the controllers put into the store for the page to show (notices, slot status).
 * They are written with `tNow`, in the language of the moment they happen.
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
  },
);

/** The refusals of app/store/lesson-link.ts, recognised by their exact English text. */
export const lessonErrorMessages = defineMessages(
  {
    tooLong: 'The lesson link is too long to be a lesson.',
    damaged: 'The lesson link is damaged (it could not be decoded). Ask for the link again.',
    noTask: 'The lesson link has no task.',
  },
  {
    tooLong: '这个课堂链接太长，不是有效的课堂。',
    damaged: '这个课堂链接已损坏（无法解码）。请重新索取链接。',
    noTask: '这个课堂链接里没有任务。',
  },
);
