import { defineMessages } from '../i18n/i18n';

/** Sentences the suite and comparison controllers give the user (through `tNow`). */
export const suiteControllerMessages = defineMessages(
  {
    runTabBusy: 'A run is going on in the Run tab. Wait for it to finish, or stop it, then start again.',
    suiteBusy: 'The task suite is running. Wait for it to finish, or stop it, then start again.',
    compareBusy: 'A comparison is running. Wait for it to finish, or stop it, then start again.',
    nothingChosen: 'Pick at least one task and at least one mode (or preset) to run.',
    needGpu:
      'Models on your GPU need WebGPU and the model list. Check the Models panel, or choose the scripted demo engine.',
    unusable: '{choice} cannot run on this GPU: {notes}',
    notLoaded:
      '{model} did not load ({reason}). Fix it in the Models panel and run again; the results so far are kept.',
    stopped: 'Stopped after {done} of {total} runs. Finished runs are kept; the stopped run is not scored.',
    loadStopped: 'Stopped while the models were loading. Finished runs are kept.',
    notSaved:
      'A result could not be saved ({reason}). It is shown until you leave the page; export it to keep it.',
    notRead: 'Stored suite results could not be read: {reason}',
    notCleared: 'The results could not be cleared: {reason}',
    traceGone: 'The run behind this result is no longer stored.',
    needModes: 'Choose two or three modes to compare.',
    needTask: 'Type a task in the task box, or pick a suite task.',
    compareStopped: 'Stopped. Modes that had not run yet were skipped.',
  },
  {
    runTabBusy: '“运行”页正在运行一个任务。请等它结束或先停止它，然后再开始。',
    suiteBusy: '任务集正在运行。请等它结束或先停止它，然后再开始。',
    compareBusy: '比较正在进行。请等它结束或先停止它，然后再开始。',
    nothingChosen: '请至少选择一个任务和一个运行模式（或预设）。',
    needGpu: '在 GPU 上运行模型需要 WebGPU 和模型列表。请查看“模型”面板，或选择脚本演示引擎。',
    unusable: '{choice} 无法在这块 GPU 上运行：{notes}',
    notLoaded: '{model} 未能加载（{reason}）。请在“模型”面板中解决后重新运行；已有的结果会保留。',
    stopped: '已在 {total} 次运行中的第 {done} 次之后停止。已完成的运行会保留；被停止的那次不计分。',
    loadStopped: '在加载模型时已停止。已完成的运行会保留。',
    notSaved: '有一条结果未能保存（{reason}）。在你离开页面之前它会一直显示；请导出以保留它。',
    notRead: '无法读取已保存的任务集结果：{reason}',
    notCleared: '无法清除结果：{reason}',
    traceGone: '这条结果对应的运行记录已不在存储中。',
    needModes: '请选择两个或三个运行模式进行比较。',
    needTask: '请在任务框中输入任务，或选择一个任务集中的任务。',
    compareStopped: '已停止。尚未运行的模式已跳过。',
  },
);
