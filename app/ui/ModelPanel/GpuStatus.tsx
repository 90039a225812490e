import { useLocale, useT } from '../../i18n/use-t';
import { gpuFailureText, gpuNoteText } from '../../llm/gpu-messages';
import { useAppStore } from '../../store';
import { formatNum } from '../format';
import { gpuStatusMessages } from './messages';

/** What the GPU probe found, or — without WebGPU — what to do about it. */
export function GpuStatus() {
  const gpu = useAppStore((s) => s.gpu);
  const setEngine = useAppStore((s) => s.setEngine);
  const t = useT(gpuStatusMessages);
  const locale = useLocale();
  if (!gpu) return <p className="note">{t('checking')}</p>;
  if (!gpu.ok) {
    return (
      <div className="no-webgpu" role="alert" data-testid="no-webgpu-panel" data-reason={gpu.reason}>
        <p>
          <strong>{t('needWebgpu')}</strong>
        </p>
        <p>{gpuFailureText(locale, gpu)}</p>
        <button type="button" data-testid="use-scripted" onClick={() => setEngine('scripted')}>
          {t('useScripted')}
        </button>
      </div>
    );
  }
  const a = gpu.adapter;
  return (
    <div
      className="gpu-status"
      data-testid="gpu-status"
      data-f16={String(gpu.shaderF16)}
      data-arch={a.architecture}
    >
      <p className="note">
        {t('line', {
          adapter:
            [a.vendor, a.architecture, a.description].filter(Boolean).join(' · ') || t('unknownAdapter'),
          fallback: a.isFallbackAdapter ? t('fallback') : '',
          f16: gpu.shaderF16 ? t('yes') : t('no'),
          size: formatNum(locale, gpu.limits.maxStorageBufferBindingSize / 2 ** 30, {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }),
        })}
      </p>
      {[...gpu.problems, ...gpu.warnings]
        .map((note) => gpuNoteText(locale, note))
        .map((line) => (
          <p key={line} className="note notice">
            {line}
          </p>
        ))}
    </div>
  );
}
