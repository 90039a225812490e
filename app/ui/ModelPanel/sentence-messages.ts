import { defineMessages } from '../../i18n/i18n';
import { BROWSER_ADVICE, SCRIPTED_DEMO_ADVICE } from '../../llm/gpu-probe';

/*
 * English sentences made outside the interface, as templates (see app/ui/sentences.ts): the
 * English entry must read exactly as the producer writes it; `{name}` stands for any text.
 * The unit tests run the real producers and check each sentence is recognised.
 */

const BROWSER_ADVICE_ZH =
  '请使用 Chrome 或 Edge 113 及以上版本、Safari 26 及以上版本，或 Windows 上的 Firefox 141 及以上版本；' +
  '在 Linux 上，Chrome 需要开启 WebGPU（chrome://flags/#enable-unsafe-webgpu，或用 --enable-unsafe-webgpu 参数启动）。';
const SCRIPTED_DEMO_ADVICE_ZH = '没有 GPU 时，脚本演示仍然可以使用。';

/** What the GPU probe (app/llm/gpu-probe.ts) says. */
export const gpuSentenceMessages = defineMessages(
  {
    noWebgpu: `This browser does not offer WebGPU, so the models cannot run here. ${BROWSER_ADVICE} ${SCRIPTED_DEMO_ADVICE}`,
    noAdapter: `WebGPU is available but the browser found no usable GPU (it may be blocklisted or disabled: see chrome://gpu, and update the graphics driver). ${BROWSER_ADVICE} ${SCRIPTED_DEMO_ADVICE}`,
    limits: `This GPU's WebGPU limits are too low for WebLLM: {problems} Try another browser or computer. ${SCRIPTED_DEMO_ADVICE}`,
    failed: `Asking the browser for a GPU failed ({detail}). Reload the page; if it keeps failing: ${BROWSER_ADVICE} ${SCRIPTED_DEMO_ADVICE}`,
    tooLow: '{limit} is {value}; WebLLM needs at least {minimum}.',
    lowPreferTiny:
      '{limit} is only {value} (WebLLM wants {wanted}): larger models may fail to load; prefer the Tiny preset.',
    low: '{limit} is only {value} (WebLLM wants {wanted}): larger models may fail to load.',
    software:
      'This is a software (fallback) GPU adapter, such as SwiftShader: software rendering, so models will be very slow.',
  },
  {
    noWebgpu: `此浏览器不提供 WebGPU，因此无法在这里运行模型。${BROWSER_ADVICE_ZH}${SCRIPTED_DEMO_ADVICE_ZH}`,
    noAdapter: `WebGPU 可用，但浏览器没有找到可用的 GPU（它可能被列入黑名单或被禁用：请查看 chrome://gpu，并更新显卡驱动）。${BROWSER_ADVICE_ZH}${SCRIPTED_DEMO_ADVICE_ZH}`,
    limits: `此 GPU 的 WebGPU 限制太低，无法运行 WebLLM：{problems}请换一个浏览器或一台电脑。${SCRIPTED_DEMO_ADVICE_ZH}`,
    failed: `向浏览器请求 GPU 失败（{detail}）。请重新加载页面；如果仍然失败：${BROWSER_ADVICE_ZH}${SCRIPTED_DEMO_ADVICE_ZH}`,
    tooLow: '{limit} 为 {value}；WebLLM 至少需要 {minimum}。',
    lowPreferTiny:
      '{limit} 只有 {value}（WebLLM 需要 {wanted}）：较大的模型可能无法加载；建议使用“迷你”预设。',
    low: '{limit} 只有 {value}（WebLLM 需要 {wanted}）：较大的模型可能无法加载。',
    software: '这是一个软件（回退）GPU 适配器，例如 SwiftShader：使用软件渲染，模型会非常慢。',
  },
);

/** The notes `resolvePreset` (app/llm/presets.ts) writes; `{roles}` is a list of role ids. */
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

/** The `CatalogError` sentences of `customModel` (app/llm/catalog.ts). */
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

/** The field names `customModel` puts into its sentences (`{what}`). */
export const customModelFieldMessages = defineMessages(
  {
    'model URL': 'model URL',
    'model library URL': 'model library URL',
    'VRAM estimate (MB)': 'VRAM estimate (MB)',
    'context window': 'context window',
  },
  {
    'model URL': '模型 URL',
    'model library URL': '模型库 URL',
    'VRAM estimate (MB)': '显存估计（MB）',
    'context window': '上下文窗口',
  },
);
