/*
 * Narrows the page's connect-src to this site, the model hosts and the servers the user saved
 * (issue 14). The page's own policy (vite.config.ts, PAGE_CSP) leaves connect-src wide because
 * a policy can only be tightened at run time: a second policy is intersected with the first.
 * This is the first script in <head>, classic and synchronous (a module would be deferred), so
 * the policy it adds is in force before any module runs and before the app's first request.
 *
 * Written by hand, in syntax every browser the app's es2022 build runs in parses. One build
 * step: `vite build` (the umi-csp plugin, bootScript() in vite.config.ts) replaces the
 * placeholder below with MODEL_HOSTS. The dev server serves this file as it is: the placeholder
 * stays null and the script does nothing (the dev server has no policy to narrow).
 *
 * What it admits: from the first MAX_ORIGINS entries of a JSON array, each entry that is an
 * exact http(s) origin in the form URL.origin gives (lowercase host, no default port, no path,
 * no user, no wildcard, no quote or separator, no IPv6 literal: Chromium ignores those in a
 * policy). Anything else is skipped; a missing or broken value, or storage the browser refuses,
 * admits no server, and the policy (this site and the model hosts) is added all the same.
 */
(() => {
  /** MODEL_HOSTS, filled in by the build. */
  const MODEL_HOSTS = /* umi:csp-boot */ null;
  /** ADMITTED_ORIGINS_KEY (app/llm/server/types.ts; scripts/csp-boot.test.ts checks they agree). */
  const KEY = 'umi-lab:server-origins';
  const MAX_ORIGINS = 32;
  const MAX_LENGTH = 300;
  const ORIGIN = /^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?$/;

  if (!MODEL_HOSTS) return;

  const isOrigin = (value) => {
    if (typeof value !== 'string' || value.length > MAX_LENGTH || !ORIGIN.test(value)) return false;
    try {
      // Canonical form only: "http://LOCALHOST:80" or "http://1.2.3" are not what the store writes.
      return new URL(value).origin === value;
    } catch {
      return false;
    }
  };

  const admittedOrigins = (raw) => {
    let list;
    try {
      list = JSON.parse(raw);
    } catch {
      return [];
    }
    if (!Array.isArray(list)) return [];
    const origins = [];
    for (const entry of list.slice(0, MAX_ORIGINS)) {
      if (isOrigin(entry) && !origins.includes(entry)) origins.push(entry);
    }
    return origins;
  };

  let origins = [];
  try {
    origins = admittedOrigins(window.localStorage.getItem(KEY));
  } catch {
    // Storage refused (blocked cookies, sandboxed frame): no server is admitted.
  }

  const meta = document.createElement('meta');
  meta.setAttribute('http-equiv', 'Content-Security-Policy');
  meta.setAttribute('content', ['connect-src', "'self'", ...MODEL_HOSTS, ...origins].join(' '));
  // What this page load admits, so the server engine can tell "saved, reload to admit" apart.
  meta.setAttribute('data-admitted-origins', origins.join(' '));
  document.head.appendChild(meta);
})();
