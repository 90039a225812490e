import { defineMessages } from '../../i18n/i18n';

export const evalLabMessages = defineMessages(
  {
    sectionsLabel: 'Evaluation',
    compare: 'Compare modes',
    suite: 'Task suite',
    static: 'Static evaluation (α-UMi)',
    intro:
      'Does splitting the work between three models help? Run the same tasks under several run modes on your own GPU and models, and score runs with the paper’s own metrics.',
  },
  {
    sectionsLabel: '评测',
    compare: '比较运行模式',
    suite: '任务集',
    static: '静态评测（α-UMi）',
    intro:
      '把工作分给三个模型真的有帮助吗？在你自己的 GPU 和模型上，用不同运行模式完成相同的任务，并用论文自己的指标给运行打分。',
  },
);
