import { defineMessages } from '../../i18n/i18n';

export const busyMessages = defineMessages(
  {
    run: 'A run is in progress on the Run tab.',
    suite: 'The task suite is running (Evaluate → Task suite).',
    compare: 'A mode comparison is running (Evaluate → Compare modes).',
    'static-eval': 'A static evaluation is running (Evaluate → Static evaluation).',
    replay: 'A saved run is being replayed on the Run tab.',
    wait: 'The models do one thing at a time: wait for it to finish or stop it first.',
  },
  {
    run: '“运行”页上有一个运行正在进行。',
    suite: '任务集正在运行（评测 → 任务集）。',
    compare: '一次运行模式比较正在进行（评测 → 比较运行模式）。',
    'static-eval': '一次静态评测正在进行（评测 → 静态评测）。',
    replay: '“运行”页正在回放一个已保存的运行。',
    wait: '模型一次只做一件事：请等它结束，或先停止它。',
  },
);
