/**
 * The hosts the built page's Content-Security-Policy lets model files come from (MODEL_HOSTS in
 * vite.config.ts, fixed at build time), so a download the policy refuses is explained as such
 * instead of as a network failure. Undefined where no policy applies (dev server, Node).
 */
declare const UMI_MODEL_HOSTS: readonly string[] | undefined;

export function policyModelHosts(): readonly string[] | undefined {
  return typeof UMI_MODEL_HOSTS === 'undefined' ? undefined : UMI_MODEL_HOSTS;
}

/** Whether `url` matches 'self' or a CSP host-source such as `https://huggingface.co` or `https://*.hf.co`. */
export function hostAllowed(url: string, sources: readonly string[], selfOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === 'data:' || target.origin === selfOrigin) return true;
  return sources.some((source) => {
    const match = /^(https?):\/\/(\*\.)?([^/:]+)(?::(\d+))?\/?$/.exec(source);
    if (!match) return false;
    const [, scheme, wildcard, host, port] = match;
    if (target.protocol !== `${scheme}:`) return false;
    if (port && target.port !== port) return false;
    return wildcard ? target.hostname.endsWith(`.${host}`) : target.hostname === host;
  });
}
