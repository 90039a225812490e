import type { ModelRecord } from '@mlc-ai/web-llm';
import { buildCatalog, type CatalogModel } from './catalog';

/**
 * The prebuilt catalog for the page: WebLLM's model list from the pinned version, loaded as
 * a small JSON chunk instead of importing WebLLM on the main thread.
 */
export async function loadCatalogForPage(): Promise<CatalogModel[]> {
  const list = (await import('./prebuilt-models.json')).default as unknown as ModelRecord[];
  return buildCatalog({ model_list: list });
}
