import { describe, expect, it } from 'vitest';
import { preflightModel } from './preflight';

const record = {
  model: 'http://localhost:4173/models/M-q4f32_1-MLC/',
  model_id: 'M-q4f32_1-MLC',
  model_lib: 'http://localhost:4173/models/libs/M.wasm',
};

function server(files: Record<string, { status?: number; type?: string; body?: string }>) {
  const seen: string[] = [];
  const fetchImpl = async (url: string, init?: { method?: string }) => {
    seen.push(`${init?.method ?? 'GET'} ${url}`);
    const file = files[url];
    if (!file)
      return new Response('<!doctype html><html></html>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    return new Response(file.body ?? '', {
      status: file.status ?? 200,
      headers: { 'content-type': file.type ?? 'application/octet-stream' },
    });
  };
  return { fetchImpl, seen };
}

const configUrl = 'http://localhost:4173/models/M-q4f32_1-MLC/resolve/main/mlc-chat-config.json';

describe('preflightModel', () => {
  it('passes when the config and the library are there', async () => {
    const s = server({
      [configUrl]: { type: 'application/json', body: '{"model_type":"qwen2"}' },
      [record.model_lib]: { type: 'application/wasm' },
    });
    await expect(preflightModel(record, s.fetchImpl)).resolves.toBeUndefined();
    expect(s.seen).toEqual([`GET ${configUrl}`, `HEAD ${record.model_lib}`]);
  });

  it('names the missing file when a single-page-app fallback answers with the page', async () => {
    const s = server({});
    await expect(preflightModel(record, s.fetchImpl)).rejects.toMatchObject({
      name: 'ModelDownloadError',
      message: expect.stringContaining(`Missing file ${configUrl}`),
    });
  });

  it('names the file and the status on a 404', async () => {
    const s = server({ [configUrl]: { status: 404 } });
    await expect(preflightModel(record, s.fetchImpl)).rejects.toThrow(
      `Could not download ${configUrl}: the server answered 404`,
    );
  });

  it('names the model library when it is missing', async () => {
    const s = server({
      [configUrl]: { type: 'application/json', body: '{}' },
      [record.model_lib]: { status: 404 },
    });
    await expect(preflightModel(record, s.fetchImpl)).rejects.toThrow(record.model_lib);
  });

  it('reports a network failure with the URL', async () => {
    const fetchImpl = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(preflightModel(record, fetchImpl)).rejects.toThrow(
      `Could not download ${configUrl} (Failed to fetch)`,
    );
  });
});
