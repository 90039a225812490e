import { describe, expect, it } from 'vitest';
import { rereadRatio } from './bench-core';

describe('re-read prompt ratio (characters, deterministic)', () => {
  it('the chat dialect prefills each role conversation about once: append-only, KV cache reused', async () => {
    const chat = await rereadRatio('chat');
    for (const role of ['planner', 'caller', 'summarizer'] as const) {
      expect(chat[role]).toBeGreaterThan(0);
      expect(chat[role]).toBeLessThanOrEqual(1.3);
    }
  });

  it('the alpha-umi dialect re-reads its growing prompt every turn', async () => {
    const alphaUmi = await rereadRatio('alpha-umi');
    const chat = await rereadRatio('chat');
    expect(alphaUmi.planner).toBeGreaterThan(2);
    expect(alphaUmi.planner).toBeGreaterThan(chat.planner ?? 0);
  });
});
