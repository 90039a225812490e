import type { Country } from 'world-countries';
import { ToolArgumentsError, ToolRuntimeError } from '../errors';
import type { BuiltinTool } from '../registry';
import { createNameMatcher, type NameEntry, type NameHit, WORD_MATCH_SCORE } from './country-match';
import { buildPopulationIndex, countryKey, type PopulationEntry } from './country-population';

/**
 * `country_facts`: offline facts about a country, looked up by name or ISO code.
 *
 * Facts come from `world-countries` (names, codes, capital, area, region, currencies,
 * languages); it has no population, so that is joined in from `country-json` by name (see
 * country-population.ts). Both datasets (~1.5 MB of JSON) and fuse.js are loaded with a
 * dynamic `import()` on the first call, so they never weigh on the page's initial bundle.
 */

export const COUNTRY_FIELDS = [
  'capital',
  'population',
  'area',
  'region',
  'subregion',
  'currencies',
  'languages',
  'codes',
] as const;
export type CountryField = (typeof COUNTRY_FIELDS)[number];

export interface CountryFacts {
  name: string;
  official_name: string;
  capital?: string;
  population?: number;
  area_km2: number;
  region: string;
  subregion?: string;
  currencies: string[];
  languages: string[];
  cca2: string;
  cca3: string;
}

/** Which keys of `CountryFacts` a `field` returns. */
const FIELD_KEYS: Record<CountryField, readonly (keyof CountryFacts)[]> = {
  capital: ['capital'],
  population: ['population'],
  area: ['area_km2'],
  region: ['region'],
  subregion: ['subregion'],
  currencies: ['currencies'],
  languages: ['languages'],
  codes: ['cca2', 'cca3'],
};

/** Name scores (country-match.ts) run from 0 (same) to 1; about one typo in three letters is the limit. */
const FUZZY_THRESHOLD = 0.34;
/** Two different countries scoring this close to the best are both plausible readings. */
const AMBIGUOUS_MARGIN = 0.02;
const ALT_TIER = 1;

interface CountryIndex {
  facts: CountryFacts[];
  /** Normalised name or code → country indexes (several when ambiguous) and the tier that gave them. */
  exact: Map<string, { countries: number[]; tier: number }>;
  fuzzy(query: string, threshold: number): NameHit[];
}

function toFacts(country: Country, population: number | undefined): CountryFacts {
  const capital = country.capital.join(', ');
  return {
    name: country.name.common,
    official_name: country.name.official,
    ...(capital ? { capital } : {}),
    ...(population === undefined ? {} : { population }),
    area_km2: country.area,
    region: country.region,
    ...(country.subregion ? { subregion: country.subregion } : {}),
    currencies: Object.entries(country.currencies).map(
      ([code, { name, symbol }]) => `${name} (${symbol ? `${code}, ${symbol}` : code})`,
    ),
    languages: Object.values(country.languages),
    cca2: country.cca2,
    cca3: country.cca3,
  };
}

async function createIndex(): Promise<CountryIndex> {
  const [{ default: countries }, { default: populations }, { default: Fuse }] = await Promise.all([
    import('world-countries'),
    import('country-json/src/country-by-population.json'),
    import('fuse.js'),
  ]);
  const join = buildPopulationIndex(countries, populations as PopulationEntry[]);
  const facts = countries.map((c) => toFacts(c, join.population.get(c.cca3)));

  // Exact keys in tiers: a common or official name beats an alternative spelling, which
  // beats a code; ambiguity only counts within the tier that answered.
  const tiers: Map<string, Set<number>>[] = [new Map(), new Map(), new Map()];
  // Tier 0: common and official names; ALT_TIER: alternative spellings; 2: ISO codes.
  const put = (tier: number, name: string, country: number) => {
    const key = countryKey(name);
    if (!key) return;
    const map = tiers[tier];
    const set = map?.get(key) ?? new Set<number>();
    set.add(country);
    map?.set(key, set);
  };
  const entries: NameEntry[] = [];
  countries.forEach((c, i) => {
    put(0, c.name.common, i);
    put(0, c.name.official, i);
    const alternatives = [...c.altSpellings, ...(join.aliases.get(c.cca3) ?? [])];
    for (const alt of alternatives) put(ALT_TIER, alt, i);
    put(2, c.cca2, i);
    put(2, c.cca3, i);
    const names = new Set([c.name.common, c.name.official, ...alternatives].map(countryKey));
    for (const name of names) if (name.length > 3) entries.push({ country: i, name });
  });
  const exact: CountryIndex['exact'] = new Map();
  for (const [tier, map] of tiers.entries()) {
    for (const [key, set] of map) if (!exact.has(key)) exact.set(key, { countries: [...set], tier });
  }
  const matcher = createNameMatcher(Fuse, entries);
  return { facts, exact, fuzzy: (query, threshold) => matcher.search(query, threshold) };
}

let index: Promise<CountryIndex> | undefined;

function loadIndex(): Promise<CountryIndex> {
  if (!index) {
    index = createIndex();
    // A failed chunk load (offline, redeploy) should not poison every later call.
    index.catch(() => {
      index = undefined;
    });
  }
  return index;
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

export interface CountryMatch {
  facts: CountryFacts;
  /** Set when the query matched only approximately: says which country was taken. */
  note?: string;
}

/** Finds one country for `query`, or throws a `ToolRuntimeError` naming the closest candidates. */
export async function findCountry(query: string): Promise<CountryMatch> {
  const { facts, exact, fuzzy } = await loadIndex();
  const key = countryKey(query);
  if (!key) throw new ToolArgumentsError('argument "country" must name a country, e.g. "Germany" or "DE"');
  const name = (i: number) => facts[i]?.name ?? '';

  const found = exact.get(key);
  if (found) {
    // An alternative spelling that is also a word of other countries' names is not a pick:
    // "Congo" is listed for the Republic of the Congo, but "DR Congo" has the word too.
    const others =
      found.tier === ALT_TIER && key.length >= 4
        ? fuzzy(key, WORD_MATCH_SCORE).filter((hit) => !found.countries.includes(hit.country))
        : [];
    const candidates = [...found.countries, ...others.map((hit) => hit.country)];
    if (candidates.length > 1) {
      const names = quoteList(candidates.slice(0, 4).map(name));
      throw new ToolRuntimeError(
        `"${query}" is ambiguous: it could be ${names}. Use the full name or the ISO code.`,
      );
    }
    const match = facts[candidates[0] ?? -1];
    if (match) return { facts: match };
  }

  const hits = fuzzy(key, FUZZY_THRESHOLD);
  const [best] = hits;
  if (!best) {
    const closest = fuzzy(key, 1)
      .slice(0, 3)
      .map((hit) => name(hit.country));
    const hint = closest.length > 0 ? ` The closest names are ${quoteList(closest)}.` : '';
    throw new ToolRuntimeError(
      `no country matches "${query}".${hint} Use an English country name such as "Germany" or an ISO code such as "DE" or "DEU".`,
    );
  }
  // Close scores, or a word that several names contain ("Islands", "South"), do not pick a country.
  const candidates = hits.filter(
    (hit) => hit.score - best.score < AMBIGUOUS_MARGIN || hit.score <= WORD_MATCH_SCORE,
  );
  if (candidates.length > 1) {
    const names = quoteList(candidates.slice(0, 4).map((hit) => name(hit.country)));
    throw new ToolRuntimeError(
      `"${query}" is ambiguous: it could be ${names}. Use the full name or the ISO code.`,
    );
  }
  const match = facts[best.country];
  if (!match) throw new ToolRuntimeError(`no country matches "${query}"`);
  return { facts: match, note: `no exact match for "${query}"; showing the closest match, ${match.name}` };
}

/** All facts, or the name plus the one `field`; a fact the dataset lacks is an error, not a guess. */
export async function countryFacts(query: string, field?: CountryField): Promise<Record<string, unknown>> {
  const { facts, note } = await findCountry(query);
  const withNote = (result: Record<string, unknown>) => (note ? { ...result, note } : result);
  if (field === undefined) return withNote({ ...facts });
  const result: Record<string, unknown> = { name: facts.name };
  for (const key of FIELD_KEYS[field]) {
    const value = facts[key];
    if (value === undefined) {
      throw new ToolRuntimeError(`the offline dataset has no ${field} for ${facts.name}`);
    }
    result[key] = value;
  }
  return withNote(result);
}

export const countryFactsTool: BuiltinTool = {
  kind: 'builtin',
  definition: {
    name: 'country_facts',
    description:
      'Looks up facts about a country in an offline dataset: capital, population (estimates from about ' +
      '2018), area in km², region, subregion, currencies, languages and ISO codes. Accepts an English ' +
      'name (small misspellings are corrected) or a 2- or 3-letter ISO code.',
    parameters: {
      type: 'object',
      properties: {
        country: {
          type: 'string',
          description: 'The country name or ISO code, e.g. "Germany", "DE" or "DEU"',
        },
        field: {
          type: 'string',
          enum: [...COUNTRY_FIELDS],
          description: 'Return only this fact. Leave it out to get all facts',
        },
      },
      required: ['country'],
      additionalProperties: false,
    },
  },
  examples: ['{"country": "Japan"}', '{"country": "Brazil", "field": "population"}', '{"country": "DE"}'],
  async run(args, ctx) {
    const { country, field } = args;
    // The runner validates against the schema first; this guards direct calls.
    if (typeof country !== 'string') throw new ToolArgumentsError('argument "country" must be string');
    if (field !== undefined && !COUNTRY_FIELDS.includes(field as CountryField)) {
      throw new ToolArgumentsError(`argument "field" must be one of ${COUNTRY_FIELDS.join(', ')}`);
    }
    ctx.signal.throwIfAborted();
    const result = await countryFacts(country, field as CountryField | undefined);
    ctx.signal.throwIfAborted();
    return result;
  },
};
