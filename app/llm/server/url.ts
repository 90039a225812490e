/**
 * URL rules of the server engine: where a request goes, what the trace may record, when the
 * browser would block the request as mixed content, and when the key may be sent. Pure
 * functions, so the rules are tested without a browser.
 */

/** The base URL as a URL, or undefined when it is not an absolute http(s) URL. */
export function parseBaseUrl(baseUrl: string): URL | undefined {
  try {
    const url = new URL(baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `{base}/{path}` with exactly one slash between, whatever the base ends with. */
export function endpointUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * What a trace may record: the URL without `user:password@`, query or fragment. Kept as typed
 * otherwise (a trailing slash stays), so the user recognises it.
 */
export function publicUrl(baseUrl: string): string {
  const url = parseBaseUrl(baseUrl);
  if (!url) return baseUrl.replace(/\/\/[^/@]*@/, '//').replace(/[?#].*$/, '');
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url.href.endsWith('/') && !baseUrl.endsWith('/') ? url.href.slice(0, -1) : url.href;
}

/** The host part shown in labels and ids: `localhost:8000`. */
export function hostOf(baseUrl: string): string {
  return parseBaseUrl(baseUrl)?.host ?? baseUrl;
}

/**
 * Hosts a browser treats as potentially trustworthy over plain http (the Secure Contexts
 * spec): `localhost` and its subdomains, 127.0.0.0/8 and `[::1]`. An https page may call these
 * over http; any other http URL is blocked as mixed content.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** True when a page at `pageOrigin` cannot fetch `baseUrl`: https page, http server off the machine. */
export function isMixedContent(baseUrl: string, pageOrigin: string | undefined): boolean {
  if (!pageOrigin?.startsWith('https:')) return false;
  const url = parseBaseUrl(baseUrl);
  return url !== undefined && url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** Whether a request to `requestUrl` may carry the key entered for `baseUrl`: same origin only. */
export function keyMayGoTo(requestUrl: string, baseUrl: string): boolean {
  const target = parseBaseUrl(requestUrl);
  const own = parseBaseUrl(baseUrl);
  return target !== undefined && own !== undefined && target.origin === own.origin;
}
