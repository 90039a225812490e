/** Named errors of the tiny α-UMi engine (STYLE.md #6). */

/** A model file, the tokenizer or the runtime could not be loaded. */
export class TinyLoadError extends Error {
  override name = 'TinyLoadError';
}

/** The tiny models read α-UMi text prompts only. */
export class TinyDialectError extends Error {
  override name = 'TinyDialectError';
}
