/**
 * Where the weights and the model library come from: Hugging Face and GitHub (WebLLM's
 * prebuilt URLs, the default) or this site, for offline and air-gapped classrooms, from
 * files `npm run models:fetch` put under `public/models/`:
 *
 *   public/models/<model_id>/resolve/main/mlc-chat-config.json, tensor-cache.json, shards, tokenizer
 *   public/models/libs/<model library>.wasm
 *
 * WebLLM 0.2.86 (`cleanModelUrl` in lib/index.js) turns `record.model` into the weights base
 * URL by adding a trailing `/` and then `resolve/main/` unless the URL already contains
 * `/resolve/<branch>/`, and finally calls `new URL(model)`, which throws on a relative URL.
 * So the record gets the absolute `<base>/models/<model_id>/`, and WebLLM fetches
 * `<base>/models/<model_id>/resolve/main/<file>`.
 */
import type { ModelRecord } from '@mlc-ai/web-llm';

export type ModelSource = 'huggingface' | 'this-site';
export const MODEL_SOURCES: readonly ModelSource[] = ['huggingface', 'this-site'];

export class ModelSourceError extends Error {
  override name = 'ModelSourceError';
}

/** Same rule as WebLLM's `cleanModelUrl`: the URL WebLLM resolves every model file against. */
export function weightsBaseUrl(model: string): string {
  let url = model.endsWith('/') ? model : `${model}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

/** The file name of a model library URL (`…/Qwen2-0.5B-Instruct-q4f16_1_cs1k-webgpu.wasm`). */
export function libraryFileName(modelLibUrl: string): string {
  let path: string;
  try {
    path = new URL(modelLibUrl).pathname;
  } catch {
    path = modelLibUrl.split(/[?#]/)[0] ?? '';
  }
  const name = decodeURIComponent(path.split('/').pop() ?? '');
  if (!name || name === '.' || name === '..')
    throw new ModelSourceError(`Cannot tell the model library's file name from "${modelLibUrl}".`);
  return name;
}

/**
 * The app's own base URL, whatever the page's address: `/index.html`, `?lesson=…` and
 * `#…` resolve to the directory the app is served from (Vite's `base`, `/` by default).
 */
export function appBaseUrl(pageHref: string, base: string): string {
  return new URL(base, pageHref).href;
}

/** The page's {@link appBaseUrl} in the browser. */
export function currentAppBaseUrl(): string {
  return appBaseUrl(globalThis.location.href, import.meta.env.BASE_URL);
}

/**
 * The directory this site serves from, as an absolute URL ending in `/`: pass
 * `location.origin` or {@link currentAppBaseUrl}, never the page's full address (a page
 * opened as `/index.html` would put every model under `index.html/models/`).
 */
export function siteBaseUrl(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new ModelSourceError(
      `"${origin}" is not an absolute URL: models from this site need the page's origin.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ModelSourceError(
      `Models from this site need the page to be served over http(s), not ${url.protocol} (run npm run preview or any web server).`,
    );
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

/** `<base>/models/<model_id>/`: WebLLM adds `resolve/main/`. */
export function selfHostedModelUrl(modelId: string, origin: string): string {
  return `${siteBaseUrl(origin)}models/${encodeURIComponent(modelId)}/`;
}

/** `<base>/models/libs/<wasm file name>`. */
export function selfHostedLibUrl(modelLibUrl: string, origin: string): string {
  return `${siteBaseUrl(origin)}models/libs/${encodeURIComponent(libraryFileName(modelLibUrl))}`;
}

/** The record as given (`huggingface`) or pointed at this site's `/models/` folder (`this-site`). */
export function applyModelSource(record: ModelRecord, source: ModelSource, origin: string): ModelRecord {
  if (source === 'huggingface') return record;
  return {
    ...record,
    model: selfHostedModelUrl(record.model_id, origin),
    model_lib: selfHostedLibUrl(record.model_lib, origin),
  };
}
