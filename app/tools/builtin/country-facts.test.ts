import { readFileSync } from 'node:fs';
import populations from 'country-json/src/country-by-population.json';
import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import { validateArguments } from '../../agent/validate-args';
import { ToolArgumentsError, ToolRuntimeError } from '../errors';
import type { ToolContext } from '../registry';
import { countryFacts, countryFactsTool } from './country-facts';
import { nameScore, typoDistance } from './country-match';
import { buildPopulationIndex, countryKey, type PopulationEntry } from './country-population';

function ctx(signal: AbortSignal = new AbortController().signal): ToolContext {
  return { signal, log: () => {} };
}

function run(args: Record<string, unknown>): Promise<unknown> {
  return countryFactsTool.run(args, ctx());
}

/** A population as country-json lists it, by its own spelling of the name. */
function datasetPopulation(name: string): number | null | undefined {
  return (populations as PopulationEntry[]).find((row) => row.country === name)?.population;
}

async function failure(country: string): Promise<Error> {
  const error = await run({ country }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('population join', () => {
  const join = buildPopulationIndex(countries, populations as PopulationEntry[]);

  it('gives a population to 239 of the 250 world-countries entries', () => {
    expect(countries).toHaveLength(250);
    expect(join.population.size).toBe(239);
    expect(join.unmatched).toEqual([]);
    const missing = countries.filter((c) => !join.population.has(c.cca3)).map((c) => c.cca3);
    // Åland, Saint Barthélemy, Caribbean Netherlands, Curaçao, Guernsey, Isle of Man, Jersey,
    // Kosovo, Saint Martin, Sint Maarten, Taiwan: country-json has no row for them.
    expect(missing).toEqual(['ALA', 'BLM', 'BES', 'CUW', 'GGY', 'IMN', 'JEY', 'UNK', 'MAF', 'SXM', 'TWN']);
  });

  it.each([
    ['CHN', 'China'],
    ['IND', 'India'],
    ['USA', 'United States'],
    ['IDN', 'Indonesia'],
    ['PAK', 'Pakistan'],
    ['BRA', 'Brazil'],
    ['NGA', 'Nigeria'],
    ['BGD', 'Bangladesh'],
    ['RUS', 'Russia'],
    ['MEX', 'Mexico'],
    ['JPN', 'Japan'],
    ['ETH', 'Ethiopia'],
    ['PHL', 'Philippines'],
    ['EGY', 'Egypt'],
    ['VNM', 'Vietnam'],
    ['COD', 'The Democratic Republic of Congo'],
    ['TUR', 'Turkey'],
    ['IRN', 'Iran'],
    ['DEU', 'Germany'],
    ['GBR', 'United Kingdom'],
    ['FRA', 'France'],
    ['COG', 'Congo'],
    ['CZE', 'Czech Republic'],
    ['CPV', 'Cape Verde'],
  ])('joins %s to the country-json row "%s"', (code, name) => {
    const expected = datasetPopulation(name);
    expect(expected).toBeGreaterThan(0);
    expect(join.population.get(code)).toBe(expected);
  });

  it('gets the big countries right', () => {
    expect(join.population.get('CHN')).toBe(1_392_730_000);
    expect(join.population.get('IND')).toBe(1_352_617_328);
    expect(join.population.get('USA')).toBe(326_687_501);
    expect(join.population.get('COD')).toBe(84_068_091);
    // The Republic of the Congo is not DR Congo.
    expect(join.population.get('COG')).toBe(5_244_363);
  });

  it('keeps the other datasets names as search aliases', () => {
    expect(join.aliases.get('TUR')).toEqual(['Turkey']);
    expect(join.aliases.get('CPV')).toEqual(['Cabo Verde']);
    expect(join.aliases.get('DEU')).toBeUndefined();
  });

  it('normalises names for comparison', () => {
    expect(countryKey('  Côte d’Ivoire ')).toBe('cote divoire');
    expect(countryKey('U.S.A.')).toBe('usa');
    expect(countryKey('The Bahamas')).toBe('bahamas');
    expect(countryKey('Guinea-Bissau')).toBe('guinea bissau');
  });
});

describe('name matching', () => {
  it('counts typos with transpositions', () => {
    expect(typoDistance('frnace', 'france')).toBe(1);
    expect(typoDistance('germny', 'germany')).toBe(1);
    expect(typoDistance('', 'abc')).toBe(3);
    expect(typoDistance('kitten', 'sitting')).toBe(3);
  });

  it('prefers whole names over a query found inside a long name', () => {
    expect(nameScore('inda', 'india')).toBeLessThan(nameScore('inda', 'singapore'));
    expect(nameScore('bosnia', 'bosnia and herzegovina')).toBe(0.05);
    expect(nameScore('espana', 'reino de espana')).toBe(0.1);
    expect(nameScore('in', 'india')).toBeGreaterThan(0.5);
  });
});

describe('country_facts', () => {
  it('returns all facts by name', async () => {
    expect(await run({ country: 'Germany' })).toEqual({
      name: 'Germany',
      official_name: 'Federal Republic of Germany',
      capital: 'Berlin',
      population: 82905782,
      area_km2: 357114,
      region: 'Europe',
      subregion: 'Western Europe',
      currencies: ['Euro (EUR, €)'],
      languages: ['German'],
      cca2: 'DE',
      cca3: 'DEU',
    });
  });

  it.each([['jp'], ['JPN'], ['Japan'], ['  japan '], ['Nippon']])('finds Japan from %j', async (country) => {
    expect(await run({ country, field: 'capital' })).toEqual({ name: 'Japan', capital: 'Tokyo' });
  });

  it.each([
    ['population', { population: 209469333 }],
    ['area', { area_km2: 8515767 }],
    ['region', { region: 'Americas' }],
    ['subregion', { subregion: 'South America' }],
    ['currencies', { currencies: ['Brazilian real (BRL, R$)'] }],
    ['languages', { languages: ['Portuguese'] }],
    ['codes', { cca2: 'BR', cca3: 'BRA' }],
    ['capital', { capital: 'Brasília' }],
  ])('returns one field: %s', async (field, expected) => {
    expect(await run({ country: 'Brazil', field })).toEqual({ name: 'Brazil', ...expected });
  });

  it('lists every capital of a country with several', async () => {
    expect(await run({ country: 'ZA', field: 'capital' })).toEqual({
      name: 'South Africa',
      capital: 'Pretoria, Bloemfontein, Cape Town',
    });
  });

  it.each([
    ['Turkey', 'Türkiye'],
    ['Burma', 'Myanmar'],
    ['Holland', 'Netherlands'],
    ['UK', 'United Kingdom'],
    ['U.S.A.', 'United States'],
    ['Cote d’Ivoire', 'Ivory Coast'],
    ['Czech Republic', 'Czechia'],
    ['Perú', 'Peru'],
    ['Niger', 'Niger'],
    ['Georgia', 'Georgia'],
    ['Congo-Kinshasa', 'DR Congo'],
  ])('knows %s as %s', async (country, name) => {
    expect(await run({ country, field: 'codes' })).toMatchObject({ name });
    expect(await run({ country, field: 'codes' })).not.toHaveProperty('note');
  });

  it.each([
    ['Germny', 'Germany'],
    ['Frnace', 'France'],
    ['Untied States', 'United States'],
    ['Phillipines', 'Philippines'],
    ['Inda', 'India'],
    ['Japn', 'Japan'],
    ['New Zeland', 'New Zealand'],
    ['Swizerland', 'Switzerland'],
    ['Bosnia', 'Bosnia and Herzegovina'],
    ['Espana', 'Spain'],
  ])('corrects the misspelling %s to %s and says so', async (country, name) => {
    expect(await run({ country, field: 'region' })).toMatchObject({
      name,
      note: `no exact match for "${country}"; showing the closest match, ${name}`,
    });
  });

  it.each([
    [
      'Korea',
      '"Korea" is ambiguous: it could be "South Korea", "North Korea". Use the full name or the ISO code.',
    ],
    [
      'Congo',
      '"Congo" is ambiguous: it could be "Republic of the Congo", "DR Congo". Use the full name or the ISO code.',
    ],
    [
      'Austrlia',
      '"Austrlia" is ambiguous: it could be "Australia", "Austria". Use the full name or the ISO code.',
    ],
  ])('refuses to guess between countries for %j', async (country, message) => {
    const error = await failure(country);
    expect(error).toBeInstanceOf(ToolRuntimeError);
    expect(error.message).toBe(message);
  });

  it('refuses a word that many names share', async () => {
    expect((await failure('Islands')).message).toMatch(/^"Islands" is ambiguous: it could be /);
    expect((await failure('South')).message).toMatch(/^"South" is ambiguous: it could be "South /);
  });

  it('suggests the closest names for garbage', async () => {
    const error = await failure('xyzzy');
    expect(error).toBeInstanceOf(ToolRuntimeError);
    expect(error.message).toBe(
      'no country matches "xyzzy". The closest names are "Switzerland", "Kyrgyzstan", "Algeria". ' +
        'Use an English country name such as "Germany" or an ISO code such as "DE" or "DEU".',
    );
    expect((await failure('England')).message).toMatch(
      /^no country matches "England"\. The closest names are /,
    );
    expect((await failure('asdfgh')).message).toMatch(/^no country matches "asdfgh"/);
    expect(await failure('???')).toBeInstanceOf(ToolArgumentsError);
  });

  it('says when the dataset lacks a fact instead of guessing', async () => {
    const error = await run({ country: 'Taiwan', field: 'population' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ToolRuntimeError);
    expect((error as Error).message).toBe('the offline dataset has no population for Taiwan');
    expect(await run({ country: 'Taiwan' })).not.toHaveProperty('population');
    await expect(run({ country: 'Antarctica', field: 'capital' })).rejects.toThrow(
      'the offline dataset has no capital for Antarctica',
    );
  });

  it('is usable as a plain function', async () => {
    expect(await countryFacts('Kenya', 'population')).toEqual({ name: 'Kenya', population: 51393010 });
  });

  it('stops when its signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(countryFactsTool.run({ country: 'Peru' }, ctx(controller.signal))).rejects.toThrow('stop');
  });

  it('has a strict schema', () => {
    const { definition } = countryFactsTool;
    expect(definition.name).toBe('country_facts');
    expect(validateArguments(definition, { country: 'Peru' })).toEqual({ ok: true });
    expect(validateArguments(definition, { country: 'Peru', field: 'population' })).toEqual({ ok: true });
    expect(validateArguments(definition, {}).ok).toBe(false);
    expect(validateArguments(definition, { country: 'Peru', field: 'gdp' }).ok).toBe(false);
    expect(validateArguments(definition, { name: 'Peru' }).ok).toBe(false);
  });

  it('has examples that parse, fit the schema and run', async () => {
    for (const example of countryFactsTool.examples ?? []) {
      const args = JSON.parse(example) as Record<string, unknown>;
      expect(validateArguments(countryFactsTool.definition, args)).toEqual({ ok: true });
      expect(await run(args)).toHaveProperty('name');
    }
  });

  it('does not import the datasets or fuse.js eagerly', () => {
    const eager = /^import (?!type ).*['"](world-countries|country-json[^'"]*|fuse\.js)['"]/;
    for (const file of ['./country-facts.ts', './country-match.ts', './country-population.ts']) {
      const source = readFileSync(new URL(file, import.meta.url), 'utf8');
      expect(source.split('\n').filter((line) => eager.test(line))).toEqual([]);
    }
    const source = readFileSync(new URL('./country-facts.ts', import.meta.url), 'utf8');
    expect(source).toContain("import('world-countries')");
    expect(source).toContain("import('country-json/src/country-by-population.json')");
    expect(source).toContain("import('fuse.js')");
  });
});
