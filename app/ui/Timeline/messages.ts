import { defineMessages } from '../../i18n/i18n';

export const timelineMessages = defineMessages(
  {
    empty: "Pick an example or type a task, then press Run. Each model's turn appears here as it happens.",
    label: 'Run steps',
  },
  {
    empty: '选一个示例或输入任务，然后点“运行”。每个模型的每一轮输出都会在这里实时出现。',
    label: '运行步骤',
  },
);
