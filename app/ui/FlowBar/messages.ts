import { defineMessages } from '../../i18n/i18n';

export const flowMessages = defineMessages(
  {
    label: 'Agent roles',
    plannerHint: 'decides what happens next',
    callerHint: 'writes one tool call',
    toolHint: 'runs the call',
    summarizerHint: 'writes the answer',
    backboneHint: 'thought + action, or the answer',
    handoff: 'Hand-off: {from} → {to}',
    started: '{role} is working',
  },
  {
    label: '智能体角色',
    plannerHint: '决定下一步做什么',
    callerHint: '写出一个工具调用',
    toolHint: '执行这个调用',
    summarizerHint: '撰写最终回答',
    backboneHint: '思考 + 动作，或直接给出回答',
    handoff: '交接：{from} → {to}',
    started: '{role}开始工作',
  },
);
