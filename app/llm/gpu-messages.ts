import { type Coded, defineMessages, type Locale, translateCoded } from '../i18n/i18n';
import type { GpuProbe } from './gpu-probe';

/*
 * What the GPU probe (gpu-probe.ts) tells the user. The probe returns data — why it failed
 * (`reason`, `details`) and each limit or adapter problem as a coded note — and the page
 * writes the sentences in its language when it shows them.
 */

const BROWSER_ADVICE =
  'Use Chrome or Edge 113 or later, Safari 26 or later, or Firefox 141 or later on Windows; ' +
  'on Linux, Chrome needs WebGPU switched on (chrome://flags/#enable-unsafe-webgpu, or start it with --enable-unsafe-webgpu).';
const SCRIPTED_DEMO_ADVICE = 'The scripted demo still works without a GPU.';
const BROWSER_ADVICE_ZH =
  '请使用 Chrome 或 Edge 113 及以上版本、Safari 26 及以上版本，或 Windows 上的 Firefox 141 及以上版本；' +
  '在 Linux 上，Chrome 需要开启 WebGPU（chrome://flags/#enable-unsafe-webgpu，或用 --enable-unsafe-webgpu 参数启动）。';
const SCRIPTED_DEMO_ADVICE_ZH = '没有 GPU 时，脚本演示仍然可以使用。';

/** Why the GPU cannot be used, keyed by the probe's `reason`. */
export const gpuFailureMessages = defineMessages(
  {
    'no-webgpu': `This browser does not offer WebGPU, so the models cannot run here. ${BROWSER_ADVICE} ${SCRIPTED_DEMO_ADVICE}`,
    'no-adapter': `WebGPU is available but the browser found no usable GPU (it may be blocklisted or disabled: see chrome://gpu, and update the graphics driver). ${BROWSER_ADVICE} ${SCRIPTED_DEMO_ADVICE}`,
    limits: `This GPU's WebGPU limits are too low for WebLLM: {problems} Try another browser or computer. ${SCRIPTED_DEMO_ADVICE}`,
    error: `Asking the browser for a GPU failed ({detail}). Reload the page; if it keeps failing: ${BROWSER_ADVICE} ${SCRIPTED_DEMO_ADVICE}`,
  },
  {
    'no-webgpu': `此浏览器不提供 WebGPU，因此无法在这里运行模型。${BROWSER_ADVICE_ZH}${SCRIPTED_DEMO_ADVICE_ZH}`,
    'no-adapter': `WebGPU 可用，但浏览器没有找到可用的 GPU（它可能被列入黑名单或被禁用：请查看 chrome://gpu，并更新显卡驱动）。${BROWSER_ADVICE_ZH}${SCRIPTED_DEMO_ADVICE_ZH}`,
    limits: `此 GPU 的 WebGPU 限制太低，无法运行 WebLLM：{problems}请换一个浏览器或一台电脑。${SCRIPTED_DEMO_ADVICE_ZH}`,
    error: `向浏览器请求 GPU 失败（{detail}）。请重新加载页面；如果仍然失败：${BROWSER_ADVICE_ZH}${SCRIPTED_DEMO_ADVICE_ZH}`,
  },
);

/** A limit below what WebLLM asks for, or an adapter that works badly (software rendering). */
export const gpuNoteMessages = defineMessages(
  {
    tooLow: '{limit} is {value}; WebLLM needs at least {minimum}.',
    lowPreferTiny:
      '{limit} is only {value} (WebLLM wants {wanted}): larger models may fail to load; prefer the Tiny preset.',
    low: '{limit} is only {value} (WebLLM wants {wanted}): larger models may fail to load.',
    software:
      'This is a software (fallback) GPU adapter, such as SwiftShader: software rendering, so models will be very slow.',
  },
  {
    tooLow: '{limit} 为 {value}；WebLLM 至少需要 {minimum}。',
    lowPreferTiny:
      '{limit} 只有 {value}（WebLLM 需要 {wanted}）：较大的模型可能无法加载；建议使用“迷你”预设。',
    low: '{limit} 只有 {value}（WebLLM 需要 {wanted}）：较大的模型可能无法加载。',
    software: '这是一个软件（回退）GPU 适配器，例如 SwiftShader：使用软件渲染，模型会非常慢。',
  },
);

/** One limit problem or adapter warning of the probe. */
export type GpuNote = Coded<typeof gpuNoteMessages>;

export type GpuFailure = Extract<GpuProbe, { ok: false }>;

/** A probe note in `locale`. */
export function gpuNoteText(locale: Locale, note: GpuNote): string {
  return translateCoded(gpuNoteMessages, locale, note);
}

/** Why the GPU cannot be used, in `locale`: the sentence for the reason, the problems listed in it. */
export function gpuFailureText(locale: Locale, gpu: GpuFailure): string {
  switch (gpu.reason) {
    case 'limits': {
      // Chinese sentences end in "。" and run on without a space.
      const problems = gpu.details.problems
        .map((p) => gpuNoteText(locale, p))
        .join(locale === 'en' ? ' ' : '');
      return translateCoded(gpuFailureMessages, locale, { code: 'limits', values: { problems } });
    }
    case 'error':
      return translateCoded(gpuFailureMessages, locale, {
        code: 'error',
        values: { detail: `${gpu.details.name}: ${gpu.details.message}` },
      });
    default:
      return translateCoded(gpuFailureMessages, locale, { code: gpu.reason });
  }
}
