/**
 * ROUGE-L F exactly as the Python `rouge` package 1.0.1 computes it — what the α-UMi
 * reference evaluation calls as `Rouge().get_scores(hyps, refs, avg=True)["rouge-l"]["f"]`.
 * It is not the ROUGE-L of the ROUGE-1.5.5 Perl script nor of Google's `rouge-score`:
 *
 * - Sentences: `text.split(".")`, dropping only EMPTY pieces; each piece is normalised with
 *   `" ".join(piece.split())` (Python whitespace), so a piece of only spaces stays as the
 *   empty sentence `""`.
 * - Words: each sentence `.split(" ")` (so the empty sentence is one empty word `""`).
 * - Summary-level union LCS with `exclusive=True` (the 1.0.1 default): words are SETS.
 *   m and n are the numbers of distinct words of the reference and of the hypothesis. For
 *   each reference sentence, the LCS with every hypothesis sentence is reconstructed (one
 *   particular LCS, chosen by the tie-breaking of `_recon_lcs`: on a mismatch go up when
 *   `table[i-1][j] > table[i][j-1]`, else left) and its words are added to one set shared
 *   across all reference sentences; llcs is the size of that set at the end.
 * - r = llcs / m, p = llcs / n, f = 2 * ((p * r) / (p + r + 1e-8)).
 * - `avg=True`: the per-pair f values are added up in order and divided by the count.
 *
 * Where Python fails, this module does not pretend: a text with no sentence (empty, or only
 * dots) makes `rouge` raise `ValueError("Hypothesis is empty.")`/`("Reference is empty.")`;
 * `rougeL` reports that as `undefined` and the caller decides. (Python's recursive
 * `_recon` also hits RecursionError when two sentences have ~1000 words together; this
 * iterative version computes the value Python would have, had it not run out of stack.)
 */
import { pySplitWhitespace } from './py-text';

export interface RougeL {
  f: number;
  p: number;
  r: number;
}

/** `[" ".join(_.split()) for _ in text.split(".") if len(_) > 0]`. */
export function rougeSentences(text: string): string[] {
  return text
    .split('.')
    .filter((piece) => piece.length > 0)
    .map((piece) => pySplitWhitespace(piece).join(' '));
}

/** ROUGE-L of one hypothesis against one reference; `undefined` where Python raises. */
export function rougeL(hypothesis: string, reference: string): RougeL | undefined {
  const hyp = rougeSentences(hypothesis);
  const ref = rougeSentences(reference);
  if (hyp.length === 0 || ref.length === 0) return undefined;
  return rougeLSummaryLevel(hyp, ref);
}

export function rougeLSummaryLevel(evaluated: readonly string[], reference: readonly string[]): RougeL {
  // Words become small integers once, so the LCS tables compare numbers.
  const ids = new Map<string, number>();
  const wordsOf = (sentence: string) =>
    sentence.split(' ').map((word) => {
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
      }
      return id;
    });
  const refSentences = reference.map(wordsOf);
  const hypSentences = evaluated.map(wordsOf);
  const m = new Set(refSentences.flat()).size;
  const n = new Set(hypSentences.flat()).size;

  const union = new Set<number>();
  for (const refWords of refSentences) {
    for (const hypWords of hypSentences) reconLcsInto(refWords, hypWords, union);
  }
  const llcs = union.size;
  const r = llcs / m;
  const p = llcs / n;
  const f = 2.0 * ((p * r) / (p + r + 1e-8));
  return { f, p, r };
}

/** `_recon_lcs(x, y)` of rouge 1.0.1, its words added to `into`. */
function reconLcsInto(x: readonly number[], y: readonly number[], into: Set<number>): void {
  const rows = x.length + 1;
  const cols = y.length + 1;
  const table = new Int32Array(rows * cols);
  for (let i = 1; i < rows; i++) {
    const xi = x[i - 1];
    for (let j = 1; j < cols; j++) {
      const at = i * cols + j;
      if (xi === y[j - 1]) table[at] = (table[at - cols - 1] as number) + 1;
      else table[at] = Math.max(table[at - cols] as number, table[at - 1] as number);
    }
  }
  let i = x.length;
  let j = y.length;
  while (i > 0 && j > 0) {
    if (x[i - 1] === y[j - 1]) {
      into.add(x[i - 1] as number);
      i--;
      j--;
    } else if ((table[(i - 1) * cols + j] as number) > (table[i * cols + j - 1] as number)) {
      i--;
    } else {
      j--;
    }
  }
}
