import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { loadCatalogForPage } from './prebuilt-catalog';
import list from './prebuilt-models.json';

describe('prebuilt-models.json', () => {
  it('is the model list of the pinned WebLLM version (run `npm run models:catalog` after an upgrade)', () => {
    expect(list).toEqual(JSON.parse(JSON.stringify(prebuiltAppConfig.model_list)));
  });

  it('builds the page catalog with the preset models in it', async () => {
    const catalog = await loadCatalogForPage();
    expect(catalog.map((m) => m.id)).toContain('Qwen2.5-0.5B-Instruct-q4f32_1-MLC');
    expect(catalog.length).toBe(prebuiltAppConfig.model_list.length);
  });
});
