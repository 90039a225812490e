import { useAppStore } from '../../store';

/** What the GPU probe found, or — without WebGPU — what to do about it. */
export function GpuStatus() {
  const gpu = useAppStore((s) => s.gpu);
  const setEngine = useAppStore((s) => s.setEngine);
  if (!gpu) return <p className="note">Checking for WebGPU…</p>;
  if (!gpu.ok) {
    return (
      <div className="no-webgpu" role="alert" data-testid="no-webgpu-panel" data-reason={gpu.reason}>
        <p>
          <strong>Real models need WebGPU, and this browser has none available.</strong>
        </p>
        <p>{gpu.message}</p>
        <button type="button" data-testid="use-scripted" onClick={() => setEngine('scripted')}>
          Use the scripted demo
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
        GPU: {[a.vendor, a.architecture, a.description].filter(Boolean).join(' · ') || 'unknown adapter'}
        {a.isFallbackAdapter ? ' (software fallback)' : ''} · shader-f16: {gpu.shaderF16 ? 'yes' : 'no'} · max
        buffer {(gpu.limits.maxStorageBufferBindingSize / 2 ** 30).toFixed(2)} GiB
      </p>
      {[...gpu.problems, ...gpu.warnings].map((line) => (
        <p key={line} className="note notice">
          {line}
        </p>
      ))}
    </div>
  );
}
