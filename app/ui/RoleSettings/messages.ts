import { defineMessages } from '../../i18n/i18n';

export const roleSettingsMessages = defineMessages(
  {
    title: 'Role settings',
    backboneLegend: 'Single model (single mode)',
    temperature: 'Temperature',
    maxTokens: 'Max tokens',
    topP: 'Top-p',
    topPTitle:
      'Nucleus sampling: only the most likely tokens up to this probability. Used by the tiny α-UMi engine.',
    seed: 'Seed',
    seedPlaceholder: 'random',
    systemPrompt: 'System prompt (chat dialect; {tools} becomes the tool list)',
    promptsEnglish:
      'The prompts stay in English whatever the interface language: the models were trained and tuned on English prompts.',
    reset: 'Reset to default',
    alphaUmiNote:
      'The alpha-umi dialect has no system prompt: its prompts are the byte-exact GLPFT templates the α-UMi models were trained on.',
  },
  {
    title: '角色设置',
    backboneLegend: '单一模型（single 模式）',
    temperature: '温度',
    maxTokens: '最大词元数',
    topP: 'Top-p',
    topPTitle: '核采样：只在累计概率达到该值的最可能词元中抽样。微型 α-UMi 引擎使用此设置。',
    seed: '随机种子',
    seedPlaceholder: '随机',
    systemPrompt: '系统提示词（chat 方言；{tools} 会替换为工具列表）',
    promptsEnglish: '无论界面使用哪种语言，提示词都保持英文：模型是用英文提示词训练和调优的。',
    reset: '恢复默认',
    alphaUmiNote:
      'alpha-umi 方言没有系统提示词：它的提示词是 α-UMi 模型训练时所用的、逐字节一致的 GLPFT 模板。',
  },
);
