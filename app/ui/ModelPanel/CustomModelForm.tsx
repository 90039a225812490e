import { type FormEvent, useState } from 'react';
import type { Dialect } from '../../agent/types';
import { useLocale, useT } from '../../i18n/use-t';
import { CatalogError } from '../../llm/catalog';
import { type CustomModelProblem, customModelProblemText } from '../../llm/custom-model-messages';
import { useAppStore } from '../../store';
import { customModelMessages } from './messages';

/** Adds a user's own MLC-compiled model (for example α-UMi weights they compiled) to the catalog. */
export function CustomModelForm() {
  const addCustomModel = useAppStore((s) => s.addCustomModel);
  const removeCustomModel = useAppStore((s) => s.removeCustomModel);
  const customModels = useAppStore((s) => s.customModels);
  // A problem with the input (shown in the interface language), or any other error as it came.
  const [error, setError] = useState<CustomModelProblem | string>('');
  const [added, setAdded] = useState('');
  const t = useT(customModelMessages);
  const locale = useLocale();

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
      setError(e instanceof CatalogError ? e.problem : e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <details className="custom-model">
      <summary>{t('summary')}</summary>
      <form onSubmit={onSubmit} className="custom-model-form" aria-label={t('form')}>
        <label>
          {t('id')}
          <input name="id" required placeholder="alpha-umi-7b-planner-q4f16_1-MLC" />
        </label>
        <label>
          {t('weightsUrl')}
          <input name="modelUrl" required placeholder="https://example.org/models/alpha-umi-7b-planner/" />
        </label>
        <label>
          {t('libUrl')}
          <input
            name="modelLibUrl"
            required
            placeholder="https://example.org/libs/llama-2-7b-q4f16_1-webgpu.wasm"
          />
        </label>
        <label>
          {t('dialect')}
          <select name="dialect" defaultValue="alpha-umi">
            <option value="alpha-umi">{t('dialectAlphaUmi')}</option>
            <option value="chat">{t('dialectChat')}</option>
          </select>
        </label>
        <p className="note" data-testid="alpha-umi-tokenizer-note">
          {t('alphaUmiTokenizerNote')}
        </p>
        <label>
          {t('vram')}
          <input name="vram" type="number" min="1" />
        </label>
        <button type="submit">{t('add')}</button>
        {error && (
          <p className="step-error" role="alert" data-testid="custom-model-error">
            {typeof error === 'string' ? error : customModelProblemText(locale, error)}
          </p>
        )}
        {added && <p className="note">{t('added', { id: added })}</p>}
      </form>
      {customModels.length > 0 && (
        <ul className="custom-models">
          {customModels.map((m) => (
            <li key={m.id}>
              <code>{m.id}</code> ({m.dialect}){' '}
              <button
                type="button"
                className="link"
                aria-label={t('removeLabel', { id: m.id })}
                onClick={() => removeCustomModel(m.id)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
