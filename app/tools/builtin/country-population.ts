import type { Country } from 'world-countries';

/**
 * Joins `country-json`'s population figures (keyed by an English name) to `world-countries`
 * (keyed by ISO code). Kept apart from the tool so the join can be tested on its own.
 *
 * Names are matched in order of trust: the common name, then the official name and the
 * alternative spellings, then a short list of names the two datasets spell differently.
 * The first figure that reaches a country wins, so when country-json lists a country twice
 * ("Cape Verde" and "Cabo Verde") the one under the common name is used.
 */

export interface PopulationEntry {
  country: string;
  population: number | null;
}

/** country-json names that no world-countries name or spelling matches, by ISO alpha-3 code. */
export const POPULATION_NAME_FIXES: Readonly<Record<string, string>> = {
  // A second row for Cape Verde (a different figure); the row under the common name is used.
  'Cabo Verde': 'CPV',
  'Fiji Islands': 'FJI',
  'The Democratic Republic of Congo': 'COD',
  Turkey: 'TUR',
};

/**
 * country-json rows that are deliberately left out: parts of the United Kingdom (which has
 * its own row) and the Netherlands Antilles (dissolved in 2010; no single country today).
 */
export const POPULATION_NAMES_SKIPPED: readonly string[] = [
  'England',
  'Scotland',
  'Wales',
  'Northern Ireland',
  'Netherlands Antilles',
];

/** Lower case, no accents, no punctuation, no leading "the": the form names are compared in. */
export function countryKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '') // "U.S.A." → "usa", "Cote d'Ivoire" → "cote divoire"
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface PopulationJoin {
  /** Population by ISO alpha-3 code. */
  population: Map<string, number>;
  /** country-json names that differ from the country's own names, by code: extra search names. */
  aliases: Map<string, string[]>;
  /** country-json rows that matched no country (and are not in POPULATION_NAMES_SKIPPED). */
  unmatched: string[];
}

export function buildPopulationIndex(
  countries: readonly Country[],
  populations: readonly PopulationEntry[],
): PopulationJoin {
  const byTier: Map<string, string>[] = [new Map(), new Map()];
  for (const c of countries) {
    const common = countryKey(c.name.common);
    if (!byTier[0]?.has(common)) byTier[0]?.set(common, c.cca3);
    for (const name of [c.name.official, ...c.altSpellings]) {
      const key = countryKey(name);
      if (!byTier[1]?.has(key)) byTier[1]?.set(key, c.cca3);
    }
  }
  const fixes = new Map(
    Object.entries(POPULATION_NAME_FIXES).map(([name, code]) => [countryKey(name), code]),
  );
  byTier.push(fixes);

  const population = new Map<string, number>();
  const aliases = new Map<string, string[]>();
  const matched = new Set<PopulationEntry>();
  for (const [tierIndex, tier] of byTier.entries()) {
    for (const entry of populations) {
      const code = matched.has(entry) ? undefined : tier.get(countryKey(entry.country));
      if (code === undefined) continue;
      matched.add(entry);
      if (tierIndex > 0) aliases.set(code, [...(aliases.get(code) ?? []), entry.country]);
      if (entry.population !== null && !population.has(code)) population.set(code, entry.population);
    }
  }
  const skipped = new Set(POPULATION_NAMES_SKIPPED.map(countryKey));
  const unmatched = populations
    .filter((entry) => !matched.has(entry) && !skipped.has(countryKey(entry.country)))
    .map((entry) => entry.country);
  return { population, aliases, unmatched };
}
