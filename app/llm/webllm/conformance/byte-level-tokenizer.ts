/**
 * A small `tokenizer.json` in the format of the byte-level BPE tokenizers that WebLLM's prebuilt
 * models ship (Qwen's, Llama 3's): Hugging Face `tokenizers`, a ByteLevel pre-tokenizer and
 * decoder, added special tokens. It has no merges, so every byte of ordinary text is one token,
 * and every special token is one token. Written for the conformance tests (see README.md here).
 */

/** GPT-2's reversible byte → printable character table, as the ByteLevel pre-tokenizer uses. */
function byteToUnicode(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const table: string[] = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = String.fromCodePoint(printable.includes(b) ? b : 256 + extra++);
  }
  return table;
}

/** Token ids: bytes 0–255, then `special` in order from 256. */
export function byteLevelTokenizerJson(special: readonly string[]): string {
  const vocab: Record<string, number> = {};
  byteToUnicode().forEach((ch, b) => {
    vocab[ch] = b;
  });
  const added = special.map((content, i) => ({
    id: 256 + i,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: true };
  return JSON.stringify({
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: null,
    decoder: byteLevel,
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      vocab,
      merges: [],
    },
  });
}

/** The chatml special tokens in Qwen2's order. */
export const CHATML_SPECIAL = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'] as const;

/** Llama 2's special tokens (its tokenizer.json lists them as added tokens). */
export const LLAMA_SPECIAL = ['<unk>', '<s>', '</s>'] as const;
