import { type Coded, defineMessages, type Locale, translate, type Vars } from '../i18n/i18n';

/**
 * Why a custom model (catalog.ts `customModel`) cannot be added. `CatalogError` carries the
 * code and values as `problem` (its `message` is the English sentence, for logs and the
 * console); the form shows the problem in the interface language.
 */
export const customModelErrorMessages = defineMessages(
  {
    empty: 'The {what} is empty.',
    notAbsolute:
      'The {what} "{value}" is not an absolute URL: write it in full, starting with https:// (or http://).',
    protocol: 'The {what} "{value}" must start with https:// or http://, not {protocol}',
    positiveWhole: 'The {what} must be a positive whole number, not {value}.',
    positive: 'The {what} must be a positive number, not {value}.',
    badId:
      'The model id "{id}" is not usable: use 1–128 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
    notWasm: 'The model library URL "{url}" must point to a .wasm file.',
    dialect: 'The dialect must be "chat" or "alpha-umi", not "{value}".',
  },
  {
    empty: '{what}为空。',
    notAbsolute: '{what}“{value}”不是完整的 URL：请写全，以 https://（或 http://）开头。',
    protocol: '{what}“{value}”必须以 https:// 或 http:// 开头，而不是 {protocol}',
    positiveWhole: '{what}必须是正整数，而不是 {value}。',
    positive: '{what}必须是正数，而不是 {value}。',
    badId: '模型 ID“{id}”不可用：请使用 1–128 个字母、数字、点、连字符或下划线，并以字母或数字开头。',
    notWasm: '模型库 URL“{url}”必须指向一个 .wasm 文件。',
    dialect: '方言必须是 “chat” 或 “alpha-umi”，而不是“{value}”。',
  },
);

/** The fields a problem names (`{what}`). */
export const customModelFieldMessages = defineMessages(
  {
    modelUrl: 'model URL',
    modelLibUrl: 'model library URL',
    vramMB: 'VRAM estimate (MB)',
    contextWindow: 'context window',
  },
  {
    modelUrl: '模型 URL',
    modelLibUrl: '模型库 URL',
    vramMB: '显存估计（MB）',
    contextWindow: '上下文窗口',
  },
);

export type CustomModelField = keyof typeof customModelFieldMessages.en;

export type CustomModelProblem = Coded<typeof customModelErrorMessages, { what: CustomModelField }>;

/** A custom-model problem in `locale`, the field it names included. */
export function customModelProblemText(locale: Locale, problem: CustomModelProblem): string {
  const { values } = problem;
  const vars: Vars | undefined =
    values && 'what' in values
      ? { ...values, what: translate(customModelFieldMessages, locale, values.what) }
      : values;
  return translate(customModelErrorMessages, locale, problem.code, vars);
}
