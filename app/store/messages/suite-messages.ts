import { defineMessages } from '../../i18n/i18n';
import type { ActivityKind } from '../run-slice';

/**
 * Sentences the suite and comparison controllers give the user. The store keeps a notice as
 * its key and values (suite-slice.ts `LabNotice`); the page translates it when it shows it, so
 * a notice follows a change of language. `{config}` is the column's preset and mode, `{choice}`
 * a preset's name, both in the interface language; a named error, when there is one, follows
 * the sentence (ErrorText).
 */
export const suiteControllerMessages = defineMessages(
  {
    busyRun: 'A run is going on in the Run tab. Wait for it to finish, or stop it, then start again.',
    busySuite: 'The task suite is running. Wait for it to finish, or stop it, then start again.',
    busyCompare: 'A comparison is running. Wait for it to finish, or stop it, then start again.',
    busyStaticEval: 'A static evaluation is running. Wait for it to finish, or stop it, then start again.',
    busyReplay:
      'A saved run is being replayed in the Run tab. Wait for it to finish, or stop it, then start again.',
    nothingChosen: 'Pick at least one task and at least one mode (or preset) to run.',
    needGpu:
      'Models on your GPU need WebGPU and the model list. Check the Models panel, or choose the scripted demo engine.',
    unusable: '{choice} cannot run on this GPU:',
    notLoaded:
      '{model} did not load ({status}). Fix it in the Models panel and run again; the results so far are kept.',
    tinyNotLoaded:
      'The tiny models of {config} did not load, so that column did not run. The Models panel says why; fix it and run again. The results so far are kept.',
    notReady:
      '{model} is no longer loaded ({status}), so {config} stopped before {task}. Its finished runs are kept; load the models in the Models panel and run the rest again.',
    infraFailure:
      '{task} under {config} could not run to its end, so it is not scored and {config} stopped there. The results so far are kept; fix the cause and run the rest again.',
    interrupted:
      '{task} under {config} was interrupted (not by Stop), so it is not scored and {config} stopped there. The results so far are kept; run the rest again.',
    stopped: 'Stopped after {done} of {total} runs. Finished runs are kept; the stopped run is not scored.',
    loadStopped: 'Stopped while the models were loading. Finished runs are kept.',
    notSaved: 'A result could not be saved. It is shown until you leave the page; export it to keep it.',
    notRead: 'Stored suite results could not be read.',
    notCleared: 'The results could not be cleared.',
    traceGone: 'The run behind this result is no longer stored.',
    openBusy: 'A run is going on in the Run tab: stop it first to open this one.',
    needModes: 'Choose two or three modes to compare.',
    needTask: 'Type a task in the task box, or pick a suite task.',
    compareStopped: 'Stopped. Modes that had not run yet were skipped.',
    runFailed: 'The run could not finish, so it is not scored. Fix the cause and run the comparison again.',
    runInterrupted: 'The run was interrupted (not by Stop), so it is not scored. Run the comparison again.',
    modeMismatch:
      'The models chosen in the Models panel run in {actual} mode, not {mode}: this column was not run. Choose a preset for {mode}, or switch the Models panel to {mode}.',
  },
  {
    busyRun: '“运行”页正在运行一个任务。请等它结束或先停止它，然后再开始。',
    busySuite: '任务集正在运行。请等它结束或先停止它，然后再开始。',
    busyCompare: '比较正在进行。请等它结束或先停止它，然后再开始。',
    busyStaticEval: '静态评测正在进行。请等它结束或先停止它，然后再开始。',
    busyReplay: '“运行”页正在回放一个已保存的运行。请等它结束或先停止它，然后再开始。',
    nothingChosen: '请至少选择一个任务和一个运行模式（或预设）。',
    needGpu: '在 GPU 上运行模型需要 WebGPU 和模型列表。请查看“模型”面板，或选择脚本演示引擎。',
    unusable: '{choice} 无法在这块 GPU 上运行：',
    notLoaded: '{model} 未能加载（{status}）。请在“模型”面板中解决后重新运行；已有的结果会保留。',
    tinyNotLoaded:
      '{config} 的微型模型未能加载，因此这一列没有运行。“模型”面板会说明原因；解决后请重新运行。已有的结果会保留。',
    notReady:
      '{model} 已不再处于加载状态（{status}），因此 {config} 在 {task} 之前停止。已完成的运行会保留；请在“模型”面板中重新加载模型，再运行其余任务。',
    infraFailure:
      '{task} 在 {config} 下未能运行到结束，因此不计分，{config} 也在此停止。已有的结果会保留；请排除原因后再运行其余任务。',
    interrupted:
      '{task} 在 {config} 下被中断（并非因为点击“停止”），因此不计分，{config} 也在此停止。已有的结果会保留；请重新运行其余任务。',
    stopped: '已在 {total} 次运行中的第 {done} 次之后停止。已完成的运行会保留；被停止的那次不计分。',
    loadStopped: '在加载模型时已停止。已完成的运行会保留。',
    notSaved: '有一条结果未能保存。在你离开页面之前它会一直显示；请导出以保留它。',
    notRead: '无法读取已保存的任务集结果。',
    notCleared: '无法清除结果。',
    traceGone: '这条结果对应的运行记录已不在存储中。',
    openBusy: '“运行”页正在运行任务：请先停止它，再打开这次运行。',
    needModes: '请选择两个或三个运行模式进行比较。',
    needTask: '请在任务框中输入任务，或选择一个任务集中的任务。',
    compareStopped: '已停止。尚未运行的模式已跳过。',
    runFailed: '这次运行未能完成，因此不计分。请排除原因后重新运行比较。',
    runInterrupted: '这次运行被中断（并非因为点击“停止”），因此不计分。请重新运行比较。',
    modeMismatch:
      '“模型”面板中选定的模型以 {actual} 模式运行，而不是 {mode}：这一列没有运行。请为 {mode} 选择一个预设，或把“模型”面板切换到 {mode}。',
  },
);

export type LabNoticeKey = keyof typeof suiteControllerMessages.en;

/** The notice that names what holds the models. */
export const BUSY_NOTICE: Record<ActivityKind, LabNoticeKey> = {
  run: 'busyRun',
  suite: 'busySuite',
  compare: 'busyCompare',
  'static-eval': 'busyStaticEval',
  replay: 'busyReplay',
};

/** A model slot's status, in a notice that says why a model is not loaded. */
export const slotStatusMessages = defineMessages(
  {
    idle: 'not loaded',
    queued: 'waiting to load',
    loading: 'still loading',
    ready: 'ready',
    failed: 'failed',
    cancelled: 'cancelled',
    missing: 'not planned',
  },
  {
    idle: '未加载',
    queued: '等待加载',
    loading: '仍在加载',
    ready: '就绪',
    failed: '失败',
    cancelled: '已取消',
    missing: '未在计划中',
  },
);
