import { defineMessages } from '../../i18n/i18n';

export const serverRolesMessages = defineMessages(
  {
    title: 'Roles on a server (OpenAI-compatible)',
    intro:
      'Run a role on a server you already run: vLLM, Ollama, llama.cpp or LM Studio. The other roles stay on this device. Nothing is sent until you confirm it below, for each role.',
    where: 'Runs on',
    thisDevice: 'this device',
    server: 'a server',
    preset: 'Server',
    baseUrl: 'Address (the API base, with /v1)',
    model: 'Model name on the server',
    apiKey: 'API key (optional)',
    rememberKey: 'Keep the key on this device',
    keyNote:
      'The key is sent only to {origin}. It never goes into a saved run, an export or a lesson link. Without "keep", it is forgotten when this tab closes.',
    check: 'Check connection',
    checking: 'Checking…',
    checkOk: 'The server answers. Models: {models}',
    checkOkNone: 'The server answers, but lists no models.',
    pick: 'Use {model}',
    start: 'Start the server so this page may call it:',
    privacyTitle: 'This is where data leaves the device.',
    privacy:
      "The {role}'s prompts (the task, the tool list, the tool results so far) and its outputs are sent to {origin}. Nothing else leaves the device.",
    consent: "Send the {role}'s prompts to {origin}",
    mixed:
      'This page is served over https and the server over http: the browser will block it. Serve the server over https, or open this page from http://localhost.',
    reload:
      'Reload the page once so it may connect to {origin}: its security policy admits the servers saved when it loaded.',
    reloadButton: 'Reload now',
    badUrl:
      "Type an address that starts with http:// or https://, for example {example}. Use localhost or 127.0.0.1, not [::1]: browsers cannot admit an IPv6 address in the page's security policy.",
    modeNote: 'In single mode one model plays every part: put it on a server here.',
    ollamaAlphaUmi:
      "Ollama wraps a prompt in the model's TEMPLATE and cuts prompts longer than its context (OLLAMA_CONTEXT_LENGTH) without saying so. For an α-UMi model (alpha-umi dialect), create it with a Modelfile whose TEMPLATE is {{ .Prompt }}, so the prompt reaches the model unchanged.",
  },
  {
    title: '在服务器上运行的角色（OpenAI 兼容）',
    intro:
      '让某个角色在你已经运行的服务器上运行：vLLM、Ollama、llama.cpp 或 LM Studio。其他角色仍在本机运行。在下方为每个角色确认之前，不会发送任何内容。',
    where: '运行于',
    thisDevice: '本机',
    server: '服务器',
    preset: '服务器',
    baseUrl: '地址（API 根地址，包含 /v1）',
    model: '服务器上的模型名称',
    apiKey: 'API 密钥（可选）',
    rememberKey: '在本机保存密钥',
    keyNote:
      '密钥只会发送到 {origin}，绝不会写入保存的运行、导出文件或课程链接。不勾选"保存"时，关闭此标签页后密钥即被遗忘。',
    check: '检查连接',
    checking: '正在检查…',
    checkOk: '服务器有响应。模型：{models}',
    checkOkNone: '服务器有响应，但没有列出任何模型。',
    pick: '使用 {model}',
    start: '这样启动服务器，本页面才能调用它：',
    privacyTitle: '数据会在这里离开本机。',
    privacy:
      '{role}的提示词（任务、工具列表、目前为止的工具结果）及其输出会发送到 {origin}。其他内容不会离开本机。',
    consent: '将{role}的提示词发送到 {origin}',
    mixed:
      '本页面通过 https 提供，而服务器使用 http：浏览器会阻止连接。请让服务器使用 https，或从 http://localhost 打开本页面。',
    reload: '请重新加载一次页面，才能连接到 {origin}：页面的安全策略只允许加载时已保存的服务器。',
    reloadButton: '立即重新加载',
    badUrl:
      '请输入以 http:// 或 https:// 开头的地址，例如 {example}。请使用 localhost 或 127.0.0.1，而不是 [::1]：浏览器无法在页面的安全策略中允许 IPv6 地址。',
    modeNote: '在 single 模式下，一个模型承担所有角色：在这里把它放到服务器上。',
    ollamaAlphaUmi:
      'Ollama 会用模型的 TEMPLATE 包装提示词，并且会在不提示的情况下截断超过其上下文长度（OLLAMA_CONTEXT_LENGTH）的提示词。对于 α-UMi 模型（alpha-umi 方言），请用 TEMPLATE 为 {{ .Prompt }} 的 Modelfile 创建模型，使提示词原样到达模型。',
  },
);
