import { defineMessages } from '../../i18n/i18n';
import { PRESETS } from '../../llm/presets';

export const modelPanelMessages = defineMessages(
  {
    section: 'Models',
    title: 'Models on your GPU',
    sourceHuggingface: 'Hugging Face (download)',
    sourceThisSite: 'This site (/models/, for offline classrooms)',
    cached: 'cached',
    notDownloaded: 'not downloaded',
    loadingModel: 'Loading {model}',
    loaded: 'loaded',
    queued: 'queued',
    cancelled: 'cancelled',
    engineStarted: 'WebLLM {version} engine started',
    retry: 'Retry',
    deleteFromCache: 'Delete from cache',
    preset: 'Preset',
    presetOption: '{label} ({mode}) — about {gb} of GPU memory',
    // `{gb}` is shown in bold; the sentence is split around it.
    total: 'Needs about {gb} of GPU memory ({mb} MB) before anything downloads.',
    modelSource: 'Model source',
    cache: 'Cache',
    cacheApi: 'Cache API (default)',
    opfs: 'Origin private file system',
    loadModels: 'Load models',
    cancel: 'Cancel',
    checkCache: 'Check cache',
    storage: 'Storage: {used} used of {quota}.',
    persisted: 'Models are kept (persistent storage).',
    persist: 'Keep models when space runs low',
    phase_start_worker: 'start worker',
    phase_download: 'download',
    phase_shader_compile: 'shader compile',
    phase_load_to_GPU: 'load to GPU',
    phase_prepare: 'prepare',
    phase_ready: 'ready',
  },
  {
    section: '模型',
    title: '在你的 GPU 上运行的模型',
    sourceHuggingface: 'Hugging Face（下载）',
    sourceThisSite: '本站（/models/，用于离线教室）',
    cached: '已缓存',
    notDownloaded: '未下载',
    loadingModel: '正在加载 {model}',
    loaded: '已加载',
    queued: '排队中',
    cancelled: '已取消',
    engineStarted: 'WebLLM {version} 引擎已启动',
    retry: '重试',
    deleteFromCache: '从缓存中删除',
    preset: '预设',
    presetOption: '{label}（{mode}）——约需 {gb} GPU 显存',
    total: '开始下载之前：约需 {gb} GPU 显存（{mb} MB）。',
    modelSource: '模型来源',
    cache: '缓存',
    cacheApi: 'Cache API（默认）',
    opfs: '源私有文件系统（OPFS）',
    loadModels: '加载模型',
    cancel: '取消',
    checkCache: '检查缓存',
    storage: '存储：已用 {used}，共 {quota}。',
    persisted: '模型会被保留（持久存储）。',
    persist: '空间不足时也保留模型',
    phase_start_worker: '启动工作线程',
    phase_download: '下载',
    phase_shader_compile: '编译着色器',
    phase_load_to_GPU: '加载到 GPU',
    phase_prepare: '准备',
    phase_ready: '就绪',
  },
);

/** Chinese names and descriptions of the presets (app/llm/presets.ts keeps the English ones). */
const PRESETS_ZH: Readonly<Record<string, { label: string; description: string }>> = {
  tiny: {
    label: '迷你',
    description: '三个小模型，每个角色一个：Qwen2.5-0.5B 负责规划和调用，SmolLM2-360M 负责总结。',
  },
  balanced: {
    label: '均衡',
    description: 'Qwen2.5-1.5B 负责规划和调用，Llama-3.2-1B 负责总结：工具使用更好，需要更大的 GPU。',
  },
  'one-model': {
    label: '单个模型',
    description: '一个 Qwen2.5-1.5B 用三个角色提示词分别扮演规划器、调用器和总结器。',
  },
  single: {
    label: '单一 LLM',
    description: '一个 Qwen2.5-1.5B，一个提示词：在一次输出中写出思考和动作（或回答）。',
  },
};

export const presetMessages = defineMessages<Record<string, string>>(
  Object.fromEntries(
    PRESETS.flatMap((p) => [
      [`${p.id}.label`, p.label],
      [`${p.id}.description`, p.description],
    ]),
  ),
  Object.fromEntries(
    PRESETS.flatMap((p) => [
      [`${p.id}.label`, PRESETS_ZH[p.id]?.label ?? p.label],
      [`${p.id}.description`, PRESETS_ZH[p.id]?.description ?? p.description],
    ]),
  ),
);

export const customModelMessages = defineMessages(
  {
    summary: 'Add your own MLC model',
    form: 'Add your own model',
    id: 'Model id',
    weightsUrl: 'Weights URL (WebLLM adds resolve/main/)',
    libUrl: 'Model library URL (.wasm)',
    dialect: 'Prompt dialect',
    dialectAlphaUmi: 'alpha-umi (GLPFT fine-tuned weights)',
    alphaUmiTokenizerNote:
      'alpha-umi prompts start with <s> and end each turn with </s>, as in the α-UMi reference. Those become the BOS and EOS tokens only if the build ships tokenizer.json; with only tokenizer.model they stay plain text and the model sees a prompt it was not trained on.',
    dialectChat: 'chat (instruct model)',
    vram: 'GPU memory estimate (MB, optional)',
    add: 'Add model',
    added: 'Added {id}: pick it for a role above.',
    remove: 'remove',
    removeLabel: 'Remove {id}',
  },
  {
    summary: '添加你自己的 MLC 模型',
    form: '添加你自己的模型',
    id: '模型 ID',
    weightsUrl: '权重 URL（WebLLM 会在后面加上 resolve/main/）',
    libUrl: '模型库 URL（.wasm）',
    dialect: '提示词方言',
    dialectAlphaUmi: 'alpha-umi（GLPFT 微调权重）',
    alphaUmiTokenizerNote:
      'alpha-umi 提示以 <s> 开头、每轮以 </s> 结束，与 α-UMi 参考实现一致。只有模型构建附带 tokenizer.json 时它们才会成为 BOS 和 EOS 词元；只有 tokenizer.model 时它们仍是普通文本，模型看到的提示与训练时不同。',
    dialectChat: 'chat（指令模型）',
    vram: 'GPU 显存估计（MB，可选）',
    add: '添加模型',
    added: '已添加 {id}：请在上方为某个角色选择它。',
    remove: '移除',
    removeLabel: '移除 {id}',
  },
);

export const gpuStatusMessages = defineMessages(
  {
    checking: 'Checking for WebGPU…',
    needWebgpu: 'Real models need WebGPU, and this browser has none available.',
    useScripted: 'Use the scripted demo',
    unknownAdapter: 'unknown adapter',
    fallback: ' (software fallback)',
    yes: 'yes',
    no: 'no',
    line: 'GPU: {adapter}{fallback} · shader-f16: {f16} · max buffer {size} GiB',
  },
  {
    checking: '正在检测 WebGPU…',
    needWebgpu: '真实模型需要 WebGPU，而此浏览器没有可用的 WebGPU。',
    useScripted: '使用脚本演示',
    unknownAdapter: '未知适配器',
    fallback: '（软件回退）',
    yes: '支持',
    no: '不支持',
    line: 'GPU：{adapter}{fallback} · shader-f16：{f16} · 最大缓冲区 {size} GiB',
  },
);
