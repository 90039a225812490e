/**
 * The tiny models' tokenizer: a SentencePiece BPE model (scripts/train/train.py trains it),
 * run by `@mlc-ai/web-tokenizers`. One rule on top, the same as the trainer's: the text
 * `</s>` is the end-of-turn token (id 2), not five characters, because the α-UMi format writes
 * it inside the prompt. Every prompt starts with `<s>` (id 1), as the α-UMi reference's
 * LlamaTokenizer does.
 */
import type { Tokenizer } from '@mlc-ai/web-tokenizers';

export const BOS_ID = 1;
export const EOS_ID = 2;
const EOT = '</s>';

export interface TinyTokenizer {
  readonly vocabSize: number;
  /** `<s>` then the text, with every `</s>` as the end-of-turn token. */
  encodePrompt(text: string): number[];
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
}

/** What web-tokenizers' bundle exposes (see loadTokenizerClass). */
export type TokenizerClass = Pick<typeof Tokenizer, 'fromSentencePiece'>;

type TokenizerModule = { Tokenizer?: TokenizerClass; default?: { Tokenizer?: TokenizerClass } };

/**
 * web-tokenizers 0.1.6 ships a UMD bundle in a package marked `"type": "module"`. Bundled by
 * Vite it becomes a module with `Tokenizer` (or a `default` holding it); loaded as a plain ES
 * module (Node) it registers itself as `globalThis.tokenizers`. Any of the three will do.
 */
export async function loadTokenizerClass(): Promise<TokenizerClass> {
  const mod = (await import('@mlc-ai/web-tokenizers')) as unknown as TokenizerModule;
  const found =
    mod.Tokenizer ??
    mod.default?.Tokenizer ??
    (globalThis as { tokenizers?: { Tokenizer?: TokenizerClass } }).tokenizers?.Tokenizer;
  if (!found) throw new Error('@mlc-ai/web-tokenizers did not load');
  return found;
}

export async function createTinyTokenizer(
  TokenizerImpl: TokenizerClass,
  model: ArrayBuffer,
): Promise<TinyTokenizer> {
  const sp = await TokenizerImpl.fromSentencePiece(model);
  const encode = (text: string): number[] => {
    const ids: number[] = [];
    text.split(EOT).forEach((part, k) => {
      if (k > 0) ids.push(EOS_ID);
      if (part) for (const id of sp.encode(part)) ids.push(id);
    });
    return ids;
  };
  return {
    vocabSize: sp.getVocabSize(),
    encode,
    encodePrompt: (text) => [BOS_ID, ...encode(text)],
    decode: (ids) => sp.decode(Int32Array.from(ids)),
  };
}
