import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/i18n';
import { serverError, serverProblemText } from './messages';
import { SERVER_PRESET_IDS } from './presets';
import { ServerError, type ServerProblem } from './types';

const PROBLEMS: ServerProblem[] = [
  { code: 'unreachable', url: 'http://gpu-box:8000/v1' },
  { code: 'mixed-content', url: 'http://192.168.1.20:8000/v1' },
  { code: 'not-admitted', origin: 'http://gpu-box:8000' },
  { code: 'unauthorized', status: 401, detail: 'Invalid API Key' },
  { code: 'unauthorized', status: 403 },
  { code: 'model-missing', model: 'alpha-umi-planner', available: ['qwen2.5:7b'] },
  { code: 'model-missing', model: 'alpha-umi-planner', available: [] },
  { code: 'not-found', url: 'http://gpu-box:8000/models' },
  { code: 'http', status: 500, detail: 'CUDA out of memory' },
  { code: 'http', status: 502 },
  { code: 'timeout', seconds: 120 },
  { code: 'dropped' },
  { code: 'bad-response', detail: 'not JSON' },
];

const PAGE = 'https://umi.example';

describe('serverProblemText', () => {
  it('has a sentence for every problem, preset and locale, with nothing left unfilled', () => {
    for (const locale of LOCALES)
      for (const preset of SERVER_PRESET_IDS)
        for (const problem of PROBLEMS) {
          const text = serverProblemText(problem, preset, locale, { pageOrigin: PAGE, model: 'm' });
          expect(text.length).toBeGreaterThan(20);
          expect(text).not.toMatch(/\{\w+\}|undefined/);
        }
  });

  it("unreachable names each server's own CORS setting and start command", () => {
    const text = (preset: (typeof SERVER_PRESET_IDS)[number]) =>
      serverProblemText({ code: 'unreachable', url: 'http://h/v1' }, preset, 'en', {
        pageOrigin: PAGE,
        model: 'm',
      });
    expect(text('vllm')).toContain(`vllm serve m --port 8000 --allowed-origins '["https://umi.example"]'`);
    expect(text('ollama')).toContain('OLLAMA_ORIGINS=https://umi.example ollama serve');
    expect(text('llamacpp')).toContain('--cors-origins');
    expect(text('llamacpp')).toContain('--cors-headers Authorization,Content-Type');
    expect(text('lmstudio')).toContain('Enable CORS');
    expect(text('lmstudio')).toContain('lms server start --port 1234 --cors');
    expect(text('custom')).toContain('https://umi.example');
    expect(
      serverProblemText({ code: 'unreachable', url: 'http://h/v1' }, 'ollama', 'zh-CN', { pageOrigin: PAGE }),
    ).toContain('OLLAMA_ORIGINS=https://umi.example');
  });

  it('without the page origin, commands keep their placeholders', () => {
    const text = serverProblemText({ code: 'unreachable', url: 'http://h/v1' }, 'ollama', 'en');
    expect(text).toContain('OLLAMA_ORIGINS=<origin> ollama serve');
    expect(text).toContain("this page's address");
  });

  it('says what to do: the key setting, the models on offer, the /v1 hint', () => {
    expect(
      serverProblemText({ code: 'unauthorized', status: 401, detail: 'Invalid API Key' }, 'llamacpp', 'en'),
    ).toBe(
      'The server refused the request (HTTP 401: Invalid API Key). Enter the key llama-server was started with (--api-key or --api-key-file).',
    );
    expect(
      serverProblemText(
        { code: 'model-missing', model: 'llama3', available: ['qwen2.5:7b'] },
        'ollama',
        'en',
      ),
    ).toBe(
      'The server does not serve the model "llama3". It serves: qwen2.5:7b. Pick one of those, or load it. Download it first: ollama pull llama3',
    );
    expect(serverProblemText({ code: 'not-found', url: 'http://h:8000/models' }, 'vllm', 'zh-CN')).toContain(
      'http://localhost:8000/v1',
    );
  });

  it('a ServerError carries the problem and the English sentence', () => {
    const error = serverError({ code: 'dropped' }, 'vllm');
    expect(error).toBeInstanceOf(ServerError);
    expect(error.name).toBe('ServerError');
    expect(error.problem).toEqual({ code: 'dropped' });
    expect(error.message).toBe(serverProblemText({ code: 'dropped' }, 'vllm', 'en'));
  });
});
