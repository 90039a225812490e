import type { Role } from '../agent/types';
import { type Coded, defineMessages } from '../i18n/i18n';

/**
 * The notes of `resolvePreset` (presets.ts): model switches and models that cannot run. A note
 * is kept as its code and values; `{roles}` is a list of roles, which the page names in its
 * language when it shows the note (app/ui/ModelPanel/preset-note.ts).
 */
export const presetNoteMessages = defineMessages(
  {
    notInCatalog: '{model} ({roles}) is not in the model catalog: pick another model.',
    twin: 'Your GPU has no shader-f16: using {twin} instead of {model}.',
    noTwin:
      'Your GPU has no shader-f16 and {model} ({roles}) has no f32 version: it cannot run here. Pick a q4f32_1 model for this role.',
    notChat: '{model} is not a chat model and cannot play the {roles}.',
    shared: 'Shared mode loads one model: {model} plays every role.',
  },
  {
    notInCatalog: '{model}（{roles}）不在模型目录中：请选择其他模型。',
    twin: '你的 GPU 不支持 shader-f16：改用 {twin}，代替 {model}。',
    noTwin:
      '你的 GPU 不支持 shader-f16，而 {model}（{roles}）没有 f32 版本：无法在这里运行。请为这个角色选择一个 q4f32_1 模型。',
    notChat: '{model} 不是对话模型，不能担任{roles}。',
    shared: 'shared 模式只加载一个模型：{model} 扮演所有角色。',
  },
);

export type PresetNote = Coded<typeof presetNoteMessages, { roles: readonly Role[] }>;
