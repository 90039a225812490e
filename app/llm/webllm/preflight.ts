import type { ModelRecord } from '@mlc-ai/web-llm';
import { weightsBaseUrl } from '../model-source';
import { ModelDownloadError } from './engine-errors';
import { hostAllowed, policyModelHosts } from './model-hosts';

type FetchLike = (url: string, init?: { method?: string; cache?: RequestCache }) => Promise<Response>;

/**
 * Checks, before WebLLM starts, that the model's first file and its library can be fetched,
 * so a missing file is reported by name. Without it, a server that answers a missing file
 * with the page itself (a single-page-app fallback) surfaces as "Unexpected token '<'".
 * Skipped when the model is already cached (offline use must not need the network).
 */
export async function preflightModel(record: ModelRecord, fetchImpl: FetchLike = fetch): Promise<void> {
  const configUrl = `${weightsBaseUrl(record.model)}mlc-chat-config.json`;
  await expectFile(fetchImpl, configUrl, 'GET', 'json');
  await expectFile(fetchImpl, record.model_lib, 'HEAD', 'wasm');
}

async function expectFile(fetchImpl: FetchLike, url: string, method: 'GET' | 'HEAD', kind: 'json' | 'wasm') {
  let response: Response;
  try {
    response = await fetchImpl(url, { method, cache: 'no-store' });
  } catch (error) {
    const hosts = policyModelHosts();
    if (hosts && !hostAllowed(url, hosts, globalThis.location?.origin ?? '')) {
      const origin = new URL(url).origin;
      throw new ModelDownloadError(
        `Could not download ${url}: this page's security policy lets model files come only from this site and ${hosts.join(', ')}. ` +
          `To use a model from ${origin}, build the page with UMI_MODEL_HOSTS="${origin}" (README, Security policy).`,
      );
    }
    throw new ModelDownloadError(
      `Could not download ${url} (${error instanceof Error ? error.message : String(error)}). Check the connection or the model source, then Retry.`,
    );
  }
  if (!response.ok) {
    throw new ModelDownloadError(
      `Could not download ${url}: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. ` +
        'Check that the model files are there (npm run models:fetch for "this site"), then Retry.',
    );
  }
  const type = response.headers.get('content-type') ?? '';
  let looksLikePage = type.includes('text/html');
  if (!looksLikePage && kind === 'json' && method === 'GET') {
    const text = await response.text();
    looksLikePage = /^\s*</.test(text);
  }
  if (looksLikePage) {
    throw new ModelDownloadError(
      `Missing file ${url}: the server answered with a web page instead of the ${kind === 'json' ? 'model config' : 'model library'}. ` +
        'Put the model files there (npm run models:fetch) or choose another model source, then Retry.',
    );
  }
}
