import type Fuse from 'fuse.js';

/**
 * Fuzzy country-name matching. fuse.js finds candidates; its Bitap score alone is not
 * enough to pick one, because it rewards a query found anywhere inside a long name ("Inda"
 * scores better against "Singapore" than "India"). So the candidates are re-ranked by how
 * much of the whole name the query is: the query as the name's first word(s), as whole
 * words inside it, or within a few typos of it (edit distance with transpositions).
 */

export interface NameEntry {
  country: number;
  /** A name in `countryKey` form. */
  name: string;
}

export interface NameHit {
  country: number;
  /** 0 = same name; up to 1 = nothing in common. */
  score: number;
}

/** Edit distance with adjacent transpositions ("Frnace" → "France" is one edit). */
export function typoDistance(a: string, b: string): number {
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/** The score of a query that is one or more whole words of a name; two countries at or below it are ambiguous. */
export const WORD_MATCH_SCORE = 0.1;

/** How far `query` is from `name` (both in `countryKey` form): 0 same, 1 unrelated. */
export function nameScore(query: string, name: string): number {
  if (query === name) return 0;
  // Too short to stand for a longer name: "in" is in many names and means none of them.
  if (query.length >= 4) {
    if (name.startsWith(`${query} `)) return 0.05; // "bosnia" → "bosnia and herzegovina"
    if (` ${name} `.includes(` ${query} `)) return WORD_MATCH_SCORE; // "espana" → "reino de espana"
  }
  return typoDistance(query, name) / Math.max(query.length, name.length);
}

export interface NameMatcher {
  /** Distinct countries with a name scoring at most `threshold`, best first. */
  search(query: string, threshold: number): NameHit[];
}

export function createNameMatcher(FuseClass: typeof Fuse, entries: readonly NameEntry[]): NameMatcher {
  // Loose on purpose: fuse only has to keep the right name among the candidates.
  const fuse = new FuseClass(entries, {
    keys: ['name'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.6,
  });
  return {
    search(query, threshold) {
      const best = new Map<number, number>();
      for (const { item } of fuse.search(query, { limit: 60 })) {
        const score = nameScore(query, item.name);
        if (score <= threshold && score < (best.get(item.country) ?? Number.POSITIVE_INFINITY)) {
          best.set(item.country, score);
        }
      }
      return [...best]
        .map(([country, score]) => ({ country, score }))
        .sort((a, b) => a.score - b.score || a.country - b.country);
    },
  };
}
