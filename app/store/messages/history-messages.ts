import type { TraceFileProblem } from '../../agent/trace-file-messages';
import { type Coded, defineMessages } from '../../i18n/i18n';

/** What the saved-runs controller tells the user (storage problems, import limits). */
export const historyMessages = defineMessages(
  {
    cannotRead: 'Saved runs cannot be read: {reason}',
    notSaved: 'This run could not be saved ({reason}). It goes on in memory, and Export still works.',
    notSavedFull:
      'This run could not be saved (the browser storage is full: free some space, for example by deleting a cached model or old saved runs). It goes on in memory, and Export still works.',
    hidden:
      '{n} saved run(s) were made by a newer or damaged version of umi-lab and cannot be shown here. They are kept: reload the page to update it.',
  },
  {
    cannotRead: '无法读取已保存的运行：{reason}',
    notSaved: '本次运行无法保存（{reason}）。运行会在内存中继续，导出仍然可用。',
    notSavedFull:
      '本次运行无法保存（浏览器存储空间已满：请释放一些空间，例如删除已缓存的模型或旧的已保存运行）。运行会在内存中继续，导出仍然可用。',
    hidden:
      '有 {n} 个已保存的运行由更新的或已损坏的 umi-lab 版本写入，无法在此显示。它们仍被保留：请重新加载页面以更新。',
  },
);

/**
 * A storage problem as the store keeps it: a code and its values, written in the interface
 * language when shown (`reason` is the browser's own text of the error).
 */
export type HistoryNotice = Coded<typeof historyMessages>;

/** Why an imported run file was refused; `{reason}` of fileProblem is the file's problem, written by the page. */
export const importRefusalMessages = defineMessages(
  {
    tooBig: '{file} is {mb} MB; trace files over 20 MB are not opened.',
    fileProblem: '{file}: {reason}',
    notSaved: 'The file could not be saved: {reason}',
  },
  {
    tooBig: '{file} 有 {mb} MB；超过 20 MB 的运行记录文件不会被打开。',
    fileProblem: '{file}：{reason}',
    notSaved: '此文件无法保存：{reason}',
  },
);

/** An import refused: the code, the file, and for a bad file its coded problem. */
export type ImportRefusal = Coded<typeof importRefusalMessages, { reason: TraceFileProblem | string }>;
