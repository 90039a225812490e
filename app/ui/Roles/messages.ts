import { defineMessages } from '../../i18n/i18n';

/**
 * Role names, shared by every view that names a role (flow strip, step cards, settings,
 * model slots), so one role is called the same everywhere. The Chinese names follow the
 * usual rendering of the α-UMi paper's terms; where a view helps a class match the paper it
 * shows the English term beside them.
 */
export const roleMessages = defineMessages(
  {
    planner: 'Planner',
    caller: 'Caller',
    summarizer: 'Summarizer',
    backbone: 'Single model',
    tool: 'Tool',
  },
  {
    planner: '规划器',
    caller: '调用器',
    summarizer: '总结器',
    backbone: '单一模型',
    tool: '工具',
  },
);

export type RoleKey = keyof typeof roleMessages.en;
