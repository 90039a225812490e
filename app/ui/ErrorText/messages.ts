import { defineMessages } from '../../i18n/i18n';

/**
 * What each named error means for the user, keyed by the error's `name` (STYLE.md #6). The
 * English interface shows the sentence the error itself carries, which is more specific (it
 * names the model, the URL, the limit); these English entries are the generic form of the
 * same sentence, used when an error arrives without a message. The Chinese interface shows
 * the Chinese sentence and keeps the original English one beside it as the detail. Errors
 * whose name is not here are shown as they came (English).
 */
export const errorMessages = defineMessages(
  {
    DeviceLostError:
      'The GPU device was lost. Try a smaller preset, a smaller context window, or the "shared" mode; reloading the page resets the GPU.',
    OutOfMemoryError:
      'Not enough GPU memory. Try a smaller preset, a smaller context window, or the "shared" mode (one model for all roles).',
    ModelDownloadError:
      'The model files could not be downloaded. Check the connection or the model source, then Retry.',
    WebGpuUnavailableError: 'WebGPU is not available in this browser or worker.',
    ShaderF16Error: 'This GPU cannot run f16 models: choose the q4f32_1 variant.',
    ModelNotLoadedError: "No model is loaded for this role. Load the role's model first.",
    ContextWindowError: "The conversation no longer fits the model's context window.",
    WorkerCrashedError: 'The model worker stopped unexpectedly. Press Retry to start it again.',
    EmptyOutputError: 'The model wrote nothing.',
    EngineError: 'The model engine reported an error.',
    MissingModelError: 'This run mode needs a model for a role that has none. Load the models first.',
    CallerOutputError: "The caller's output could not be turned into a valid tool call.",
    ModelSourceError: 'The model source setting is not usable.',
    CatalogError: 'The model could not be added to the catalog.',
    StorageError: 'Storage on this device failed.',
    ServerError:
      "The role's server could not be used. The detail says why and what to do (its address, its CORS setting, the key, the model name).",
    ServerConsentError:
      'A role is set to use a server, but sending its prompts there is not confirmed yet. Confirm it in "Roles on a server", or set the role back to this device.',
    ServerSetupError: "A role's server is not set up: type the model's name (Check connection lists them).",
  },
  {
    DeviceLostError:
      'GPU 设备丢失。请换用更小的预设、更小的上下文窗口，或使用 “shared” 模式；重新加载页面可以重置 GPU。',
    OutOfMemoryError:
      'GPU 显存不足。请换用更小的预设、更小的上下文窗口，或使用 “shared” 模式（所有角色共用一个模型）。',
    ModelDownloadError: '无法下载模型文件。请检查网络连接或模型来源，然后点“重试”。',
    WebGpuUnavailableError: '此浏览器或工作线程中没有可用的 WebGPU。',
    ShaderF16Error: '此 GPU 无法运行 f16 模型：请选择 q4f32_1 版本。',
    ModelNotLoadedError: '这个角色还没有加载模型。请先加载该角色的模型。',
    ContextWindowError: '对话已超出模型的上下文窗口。',
    WorkerCrashedError: '模型工作线程意外停止。点“重试”重新启动它。',
    EmptyOutputError: '模型没有输出任何内容。',
    EngineError: '模型引擎报告了一个错误。',
    MissingModelError: '此运行模式需要的某个角色没有模型。请先加载模型。',
    CallerOutputError: '调用器的输出无法转换成有效的工具调用。',
    ModelSourceError: '模型来源设置不可用。',
    CatalogError: '无法把该模型加入模型目录。',
    StorageError: '本设备上的存储操作失败。',
    ServerError: '无法使用该角色的服务器。详细信息说明了原因和解决办法（地址、CORS 设置、密钥、模型名称）。',
    ServerConsentError:
      '某个角色被设为使用服务器，但尚未确认将其提示词发送到该服务器。请在“在服务器上运行的角色”中确认，或将该角色改回本机运行。',
    ServerSetupError: '某个角色的服务器尚未设置好：请输入模型名称（“检查连接”会列出可用模型）。',
  },
);
