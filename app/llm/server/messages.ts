import { defineMessages, type Locale, translate, type Vars } from '../../i18n/i18n';
import { serverPreset, startCommand } from './presets';
import { ServerError, type ServerPresetId, type ServerProblem } from './types';

/*
 * What the page says when a server cannot be used, in English and Chinese. Each sentence says
 * what to do next and names the server's own setting (its CORS switch, its key option, its
 * start command). A `ServerError` carries the problem as data and the English sentence as its
 * message (for logs, traces and ErrorText's detail); the page writes the sentence in its
 * language with `serverProblemText`.
 */

/** The part of "unreachable" that depends on the server: is it running, does it admit this page. */
export const serverCorsAdvice = defineMessages(
  {
    vllm: 'Check that vLLM is running and the port is right. vLLM admits every page unless --allowed-origins is set; if you set it, include this page: {command}',
    ollama:
      'Check that Ollama is running and the port is right. Ollama admits only pages served from localhost unless OLLAMA_ORIGINS lists this page: quit Ollama, then start it with {command}',
    llamacpp:
      'Check that llama-server is running and the port is right ({command}). It admits every page unless --cors-origins is set; if you set it, add {origin}. With --api-key, also pass --cors-headers Authorization,Content-Type.',
    lmstudio:
      'Check that the LM Studio server is running and the port is right. Its CORS is off by default: turn on "Enable CORS" in the server settings of the Developer tab, or start it with {command}',
    custom:
      'Check that the server is running and the address is right, and that its CORS setting admits {origin}.',
  },
  {
    vllm: '请确认 vLLM 正在运行、端口正确。除非设置了 --allowed-origins，vLLM 接受所有页面；如果设置了，请把本页面加进去：{command}',
    ollama:
      '请确认 Ollama 正在运行、端口正确。除非 OLLAMA_ORIGINS 列出了本页面，Ollama 只接受来自 localhost 的页面：请退出 Ollama，再用以下命令启动：{command}',
    llamacpp:
      '请确认 llama-server 正在运行、端口正确（{command}）。除非设置了 --cors-origins，它接受所有页面；如果设置了，请加入 {origin}。使用 --api-key 时，还要加上 --cors-headers Authorization,Content-Type。',
    lmstudio:
      '请确认 LM Studio 的服务器正在运行、端口正确。它的 CORS 默认关闭：请在 Developer 标签页的服务器设置中打开“Enable CORS”，或用以下命令启动：{command}',
    custom: '请确认服务器正在运行、地址正确，并且它的 CORS 设置接受 {origin}。',
  },
);

/** Where each server takes its API key. */
export const serverKeyAdvice = defineMessages(
  {
    vllm: 'Enter the key vLLM was started with (--api-key or VLLM_API_KEY).',
    ollama: 'Ollama itself takes no key: enter the key of the proxy in front of it, or leave the key empty.',
    llamacpp: 'Enter the key llama-server was started with (--api-key or --api-key-file).',
    lmstudio: 'Enter an API token from LM Studio ("Require Authentication" in the server settings).',
    custom: 'Enter the API key the server expects.',
  },
  {
    vllm: '请输入启动 vLLM 时设置的密钥（--api-key 或 VLLM_API_KEY）。',
    ollama: 'Ollama 本身不需要密钥：请输入它前面代理的密钥，或把密钥留空。',
    llamacpp: '请输入启动 llama-server 时设置的密钥（--api-key 或 --api-key-file）。',
    lmstudio: '请输入 LM Studio 的 API 令牌（服务器设置中的“Require Authentication”）。',
    custom: '请输入服务器要求的 API 密钥。',
  },
);

/** How to make a server serve a model. */
export const serverLoadAdvice = defineMessages(
  {
    vllm: 'vLLM serves the model it was started with, under that name (or --served-model-name): {command}',
    ollama: 'Download it first: ollama pull {model}',
    llamacpp: 'llama-server serves the model it was started with, under its --alias: {command}',
    lmstudio: 'Load it in LM Studio first, or run: lms load {model}',
    custom: 'Load the model on the server first.',
  },
  {
    vllm: 'vLLM 以启动时的名称（或 --served-model-name）提供它启动时加载的模型：{command}',
    ollama: '请先下载它：ollama pull {model}',
    llamacpp: 'llama-server 以 --alias 的名称提供它启动时加载的模型：{command}',
    lmstudio: '请先在 LM Studio 中加载它，或运行：lms load {model}',
    custom: '请先在服务器上加载这个模型。',
  },
);

const part = (v: Vars, name: string): string => String(v[name] ?? '');

/** One sentence per problem code (types.ts `ServerProblem`). */
export const serverProblemMessages = defineMessages(
  {
    unreachable:
      "The page could not reach {url}: the server is not running, the address is wrong, or the server refused this page's origin ({origin}). The browser does not say which. {advice}",
    'mixed-content':
      'This page is served over https, so the browser blocks calls to the http server {url}. Put the server behind https (a reverse proxy with a certificate), run it on this computer (http://localhost is allowed), or open the page over http from localhost.',
    'not-admitted':
      "The page's security policy does not admit {origin} yet. The server has been saved: reload the page, then try again.",
    unauthorized: (v: Vars) =>
      `The server refused the request (HTTP ${part(v, 'status')}${v.detail ? `: ${part(v, 'detail')}` : ''}). ${part(v, 'advice')}`,
    'model-missing': (v: Vars) =>
      `The server does not serve the model "${part(v, 'model')}". ${
        v.available
          ? `It serves: ${part(v, 'available')}. Pick one of those, or load it.`
          : 'It did not list its models.'
      } ${part(v, 'advice')}`,
    'not-found':
      'The server answered 404 Not Found for {url}. The base URL probably lacks /v1 (it should look like {example}), or this server has no such endpoint.',
    http: (v: Vars) =>
      `The server answered HTTP ${part(v, 'status')}${v.detail ? `: ${part(v, 'detail')}` : ''}. Check the server's log, then try again.`,
    timeout:
      "The server sent nothing for {seconds} seconds. It may still be loading the model, or be busy: try again, or check the server's log.",
    dropped:
      'The connection to the server broke in the middle of the reply (after one retry). Check that the server is still running, then try again.',
    'bad-response':
      "The server's reply is not in the OpenAI format ({detail}). Check that the base URL points at the OpenAI-compatible API (it ends in /v1).",
  },
  {
    unreachable:
      '页面无法连接到 {url}：服务器没有运行、地址有误，或者服务器拒绝了本页面的来源（{origin}）。浏览器不会说明是哪一种。{advice}',
    'mixed-content':
      '本页面通过 https 提供，浏览器会阻止它访问 http 服务器 {url}。请给服务器加上 https（使用带证书的反向代理），或在本机运行服务器（允许 http://localhost），或从 localhost 以 http 打开本页面。',
    'not-admitted': '本页面的安全策略还没有接受 {origin}。服务器已保存：请重新加载页面，然后再试。',
    unauthorized: (v: Vars) =>
      `服务器拒绝了请求（HTTP ${part(v, 'status')}${v.detail ? `：${part(v, 'detail')}` : ''}）。${part(v, 'advice')}`,
    'model-missing': (v: Vars) =>
      `服务器没有提供模型“${part(v, 'model')}”。${
        v.available
          ? `它提供的是：${part(v, 'available')}。请从中选择一个，或先加载它。`
          : '它没有列出自己的模型。'
      }${part(v, 'advice')}`,
    'not-found':
      '服务器对 {url} 返回 404 Not Found。基础 URL 可能缺少 /v1（应类似 {example}），或者这个服务器没有这个接口。',
    http: (v: Vars) =>
      `服务器返回 HTTP ${part(v, 'status')}${v.detail ? `：${part(v, 'detail')}` : ''}。请查看服务器日志，然后再试。`,
    timeout:
      '服务器 {seconds} 秒内没有发送任何内容。它可能还在加载模型，或者正忙：请再试一次，或查看服务器日志。',
    dropped: '回复进行到一半时与服务器的连接断开了（已重试一次）。请确认服务器仍在运行，然后再试。',
    'bad-response':
      '服务器的回复不是 OpenAI 格式（{detail}）。请确认基础 URL 指向 OpenAI 兼容接口（以 /v1 结尾）。',
  },
);

/** What the page knows that a sentence may name: this page's origin, the role's model. */
export interface ServerTextContext {
  pageOrigin?: string;
  model?: string;
}

const THIS_PAGE = { en: "this page's address", 'zh-CN': '本页面的地址' } as const;

/** The sentence for a problem, in `locale`, naming the preset's own settings and start command. */
export function serverProblemText(
  problem: ServerProblem,
  presetId: ServerPresetId,
  locale: Locale,
  context: ServerTextContext = {},
): string {
  const origin = context.pageOrigin || THIS_PAGE[locale];
  // Commands keep `<origin>` and `<model>` as placeholders when they are not known.
  const fill = (model: string | undefined) => ({
    ...(model ? { model } : {}),
    ...(context.pageOrigin ? { origin: context.pageOrigin } : {}),
  });
  const command = startCommand(presetId, fill(context.model));
  switch (problem.code) {
    case 'unreachable':
      return translate(serverProblemMessages, locale, 'unreachable', {
        url: problem.url,
        origin,
        advice: translate(serverCorsAdvice, locale, presetId, { origin, command }),
      });
    case 'unauthorized':
      return translate(serverProblemMessages, locale, 'unauthorized', {
        status: problem.status,
        ...(problem.detail ? { detail: problem.detail } : {}),
        advice: translate(serverKeyAdvice, locale, presetId),
      });
    case 'model-missing':
      return translate(serverProblemMessages, locale, 'model-missing', {
        model: problem.model,
        ...(problem.available.length > 0 ? { available: problem.available.join(', ') } : {}),
        advice: translate(serverLoadAdvice, locale, presetId, {
          model: problem.model,
          command: startCommand(presetId, fill(problem.model)),
        }),
      });
    case 'not-found':
      return translate(serverProblemMessages, locale, 'not-found', {
        url: problem.url,
        example: serverPreset(presetId).defaultBaseUrl,
      });
    case 'mixed-content':
      return translate(serverProblemMessages, locale, 'mixed-content', { url: problem.url });
    case 'not-admitted':
      return translate(serverProblemMessages, locale, 'not-admitted', { origin: problem.origin });
    case 'http':
      return translate(serverProblemMessages, locale, 'http', {
        status: problem.status,
        ...(problem.detail ? { detail: problem.detail } : {}),
      });
    case 'timeout':
      return translate(serverProblemMessages, locale, 'timeout', { seconds: problem.seconds });
    case 'dropped':
      return translate(serverProblemMessages, locale, 'dropped');
    case 'bad-response':
      return translate(serverProblemMessages, locale, 'bad-response', { detail: problem.detail });
  }
}

/** A ServerError for `problem`: the problem as data, the English sentence as the message. */
export function serverError(
  problem: ServerProblem,
  presetId: ServerPresetId,
  context: ServerTextContext = {},
): ServerError {
  return new ServerError(problem, serverProblemText(problem, presetId, 'en', context));
}
