import { type FormEvent, useState } from 'react';
import type { Dialect } from '../../agent/types';
import { useAppStore } from '../../store';

/** Adds a user's own MLC-compiled model (for example α-UMi weights they compiled) to the catalog. */
export function CustomModelForm() {
  const addCustomModel = useAppStore((s) => s.addCustomModel);
  const removeCustomModel = useAppStore((s) => s.removeCustomModel);
  const customModels = useAppStore((s) => s.customModels);
  const [error, setError] = useState('');
  const [added, setAdded] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const vram = Number(data.get('vram'));
    try {
      addCustomModel({
        id: String(data.get('id') ?? ''),
        modelUrl: String(data.get('modelUrl') ?? ''),
        modelLibUrl: String(data.get('modelLibUrl') ?? ''),
        dialect: (data.get('dialect') as Dialect) ?? 'chat',
        ...(vram > 0 ? { vramMB: vram } : {}),
      });
      setError('');
      setAdded(String(data.get('id')));
      event.currentTarget.reset();
    } catch (e) {
      setAdded('');
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <details className="custom-model">
      <summary>Add your own MLC model</summary>
      <form onSubmit={onSubmit} className="custom-model-form" aria-label="Add your own model">
        <label>
          Model id
          <input name="id" required placeholder="alpha-umi-7b-planner-q4f16_1-MLC" />
        </label>
        <label>
          Weights URL (WebLLM adds resolve/main/)
          <input name="modelUrl" required placeholder="https://example.org/models/alpha-umi-7b-planner/" />
        </label>
        <label>
          Model library URL (.wasm)
          <input
            name="modelLibUrl"
            required
            placeholder="https://example.org/libs/llama-2-7b-q4f16_1-webgpu.wasm"
          />
        </label>
        <label>
          Prompt dialect
          <select name="dialect" defaultValue="alpha-umi">
            <option value="alpha-umi">alpha-umi (GLPFT fine-tuned weights)</option>
            <option value="chat">chat (instruct model)</option>
          </select>
        </label>
        <label>
          GPU memory estimate (MB, optional)
          <input name="vram" type="number" min="1" />
        </label>
        <button type="submit">Add model</button>
        {error && (
          <p className="step-error" role="alert" data-testid="custom-model-error">
            {error}
          </p>
        )}
        {added && <p className="note">Added {added}: pick it for a role above.</p>}
      </form>
      {customModels.length > 0 && (
        <ul className="custom-models">
          {customModels.map((m) => (
            <li key={m.id}>
              <code>{m.id}</code> ({m.dialect}){' '}
              <button type="button" className="link" onClick={() => removeCustomModel(m.id)}>
                remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
