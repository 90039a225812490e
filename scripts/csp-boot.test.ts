import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ADMITTED_ORIGINS_KEY } from '../app/llm/server/types';
import { serverOrigin } from '../app/store/servers-slice';
import { bootScript, cspFor, MODEL_HOSTS, PAGE_CSP } from '../vite.config';

/**
 * public/csp-boot.js, run the way the browser runs it (a classic script) on a fake
 * localStorage and document: what the user saved in, the policy it adds out. The script tested
 * is the one the build ships (bootScript() of the template), not a copy of its logic.
 */
const template = readFileSync(new URL('../public/csp-boot.js', import.meta.url), 'utf8');
const shipped = bootScript(template);
const BASE = `connect-src 'self' ${MODEL_HOSTS.join(' ')}`;

interface Storage {
  getItem(key: string): string | null;
}
interface BootOptions {
  source?: string;
  /** `window.localStorage`; a function is a getter (a browser that refuses storage throws there). */
  storage?: Storage | (() => Storage);
  /** The page's URL constructor; `undefined` for a browser without one. */
  url?: unknown;
}

function boot(stored: string | null, options: BootOptions = {}) {
  const keysRead: string[] = [];
  const storage: Storage = {
    getItem(key) {
      keysRead.push(key);
      return stored;
    },
  };
  const window = {};
  const given = options.storage ?? storage;
  Object.defineProperty(
    window,
    'localStorage',
    typeof given === 'function' ? { get: given } : { value: given },
  );
  const appended: Record<string, string>[] = [];
  const document = {
    createElement(tag: string) {
      const attributes: Record<string, string> = { tag };
      return {
        attributes,
        setAttribute(name: string, value: string) {
          attributes[name] = String(value);
        },
      };
    },
    head: {
      appendChild(element: { attributes: Record<string, string> }) {
        appended.push(element.attributes);
      },
    },
  };
  runInNewContext(options.source ?? shipped, { window, document, URL: 'url' in options ? options.url : URL });
  return { appended, keysRead };
}

/** The one policy the boot script added for this stored value. */
function policyFor(stored: string | null, options: BootOptions = {}): string {
  const { appended } = boot(stored, options);
  expect(appended).toHaveLength(1);
  expect(appended[0]).toMatchObject({ tag: 'meta', 'http-equiv': 'Content-Security-Policy' });
  return appended[0]?.content ?? '';
}

const saved = (value: unknown) => JSON.stringify(value);

describe('the page policy', () => {
  it('keeps every directive strict and leaves only connect-src for the boot script to narrow', () => {
    expect(PAGE_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' http: https:; worker-src 'self'; manifest-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'none'",
    );
    expect(cspFor('/')).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
    expect(cspFor('/index.html?x=1')).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
  });
});

describe('bootScript (the build step)', () => {
  it('fills the placeholder with MODEL_HOSTS, once', () => {
    expect(shipped).toContain(`const MODEL_HOSTS = ${JSON.stringify(MODEL_HOSTS)};`);
    expect(shipped).not.toContain('umi:csp-boot');
    expect(() => bootScript('no placeholder')).toThrow(/exactly once/);
    expect(() => bootScript(`${template}\n${template}`)).toThrow(/exactly once/);
  });

  it('refuses a model host that would change the policy', () => {
    for (const host of ["https://a.org; script-src 'unsafe-inline'", "'unsafe-eval'", 'https://a.org,'])
      expect(() => bootScript(template, [host])).toThrow(/Not a CSP source expression/);
    expect(bootScript(template, ['https://models.example.org'])).toContain('["https://models.example.org"]');
  });
});

describe('csp-boot.js', () => {
  it('admits exactly what the panel accepts (serverOrigin): one rule on both sides', () => {
    const inputs = [
      'http://localhost:8000/v1',
      'http://127.0.0.1:11434/v1',
      'https://gpu.lab.example/v1',
      'http://vllm_server:8000/v1',
      'http://localhost.:8000/v1',
      'http://[::1]:8000/v1',
      'http://LOCALHOST:1234/v1',
      'https://x.org:443/v1',
    ];
    for (const input of inputs) {
      const origin = serverOrigin(input);
      let canonical: string | undefined;
      try {
        canonical = new URL(input).origin;
      } catch {
        canonical = undefined;
      }
      const admitted = canonical
        ? boot(JSON.stringify([canonical])).appended[0]?.['data-admitted-origins']
        : '';
      expect(admitted, input).toBe(origin ?? '');
    }
  });

  it('reads the key the store writes (ADMITTED_ORIGINS_KEY)', () => {
    expect(boot(null).keysRead).toEqual([ADMITTED_ORIGINS_KEY]);
  });

  it('with nothing saved, admits this site and the model hosts only', () => {
    expect(policyFor(null)).toBe(BASE);
    expect(boot(null).appended[0]?.['data-admitted-origins']).toBe('');
  });

  it('admits the saved origins, once each, in order', () => {
    const origins = ['http://localhost:8000', 'https://gpu.example.org', 'http://192.168.1.20:11434'];
    expect(policyFor(saved([...origins, 'http://localhost:8000']))).toBe(`${BASE} ${origins.join(' ')}`);
    expect(boot(saved(origins)).appended[0]?.['data-admitted-origins']).toBe(origins.join(' '));
  });

  it.each([
    '*',
    'http:',
    'https:',
    'http://*',
    'https://*.example.org',
    'http://localhost:*',
    'http://a.com; script-src *',
    "http://a.com 'unsafe-inline'",
    'http://a.com http://b.com',
    "http://a.com'",
    'http://a.com"',
    'http://a.com,http://b.com',
    'http://a.com\n',
    ' http://a.com',
    "'self'",
    "'unsafe-inline'",
    'https://x.org/path',
    'https://x.org/',
    'https://x.org?q=1',
    'https://x.org#f',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'blob:http://localhost:8000/x',
    'file:///etc/passwd',
    'ws://localhost:8000',
    'wss://x.org',
    'http://user:secret@x.org',
    'http://LOCALHOST:8000',
    'http://localhost:80',
    'https://x.org:443',
    'http://localhost:99999',
    'http://0x7f.1:8000',
    'http://[::1]:8000',
    'http://x.org.',
    `https://${'a'.repeat(400)}.org`,
    '',
  ])('admits nothing for the hostile or malformed entry %j', (entry) => {
    expect(policyFor(saved([entry]))).toBe(BASE);
    // Next to a good one, only the good one.
    expect(policyFor(saved([entry, 'http://localhost:8000']))).toBe(`${BASE} http://localhost:8000`);
  });

  it.each([
    saved('http://localhost:8000'),
    saved({ 0: 'http://localhost:8000', length: 1 }),
    saved({ origins: ['http://localhost:8000'] }),
    'null',
    '42',
    'true',
    '',
    '[',
    'not json',
    '["http://localhost:8000"',
  ])('admits nothing for the value %j (not a JSON array)', (value) => {
    expect(policyFor(value)).toBe(BASE);
  });

  it('skips entries that are not strings', () => {
    expect(policyFor(saved([1, null, {}, ['http://a.com'], true, 'http://localhost:8000']))).toBe(
      `${BASE} http://localhost:8000`,
    );
  });

  it('reads at most the first 32 entries of a long array', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `http://localhost:${8000 + i}`);
    const admitted = policyFor(saved(many)).slice(BASE.length).trim().split(' ');
    expect(admitted).toEqual(many.slice(0, 32));
    // Junk counts towards the limit: a valid origin after 32 entries is not read.
    expect(policyFor(saved([...Array(32).fill('*'), 'http://localhost:8000']))).toBe(BASE);
  });

  it('admits nothing, without throwing, when storage or URL is unavailable', () => {
    const refused = () => {
      throw new Error('SecurityError: storage is disabled');
    };
    expect(policyFor(null, { storage: refused })).toBe(BASE);
    expect(policyFor(null, { storage: { getItem: refused } })).toBe(BASE);
    expect(policyFor(saved(['http://localhost:8000']), { url: undefined })).toBe(BASE);
  });

  it('every admitted token is an exact http(s) origin, whatever is saved', () => {
    // Random strings over the characters that matter to a policy or a URL.
    const alphabet = 'ab09-.:/*;,\' "\n@[]?#%HTtps';
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const pick = () => alphabet[Math.floor(random() * alphabet.length)] ?? '';
    const entries = Array.from({ length: 3000 }, () => {
      const tail = Array.from({ length: 1 + Math.floor(random() * 12) }, pick).join('');
      return `${random() < 0.5 ? 'http' : 'https'}://${tail}`;
    });
    for (let i = 0; i < entries.length; i += 32) {
      const tokens = policyFor(saved(entries.slice(i, i + 32)))
        .slice(BASE.length)
        .split(' ')
        .filter(Boolean);
      for (const token of tokens) {
        expect(token).toMatch(/^https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:[0-9]{1,5})?$/);
        expect(new URL(token).origin).toBe(token);
      }
    }
  });

  it('does nothing as the dev server serves it (placeholder left null, no policy to narrow)', () => {
    expect(boot(saved(['http://localhost:8000']), { source: template }).appended).toEqual([]);
  });
});
