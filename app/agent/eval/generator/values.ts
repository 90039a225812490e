/**
 * Value samplers of the task generator: numbers, dates, countries, words and subjects, each
 * drawn inside one split (random.ts `splitOf`), so held-out tasks use values never trained on.
 */
import countries from 'world-countries';
import { daysInMonth, formatDate, MONTHS } from '../../../tools/builtin/calendar-date';
import { drawIn, type Rng, type Split } from './random';

/** An integer with 1 to `maxDigits` digits, the digit count uniform (so 7 and 48213 are both common). */
export function integer(rng: Rng, split: Split, maxDigits = 5, min = 1): number {
  return drawIn(
    split,
    () => {
      const digits = rng.int(1, maxDigits);
      const low = Math.max(min, digits === 1 ? 0 : 10 ** (digits - 1));
      return rng.int(low, Math.max(low, 10 ** digits - 1));
    },
    (n) => [n],
  );
}

/** A number with one or two decimals, e.g. 12.5 or 3.75, written as the task writes it. */
export function decimal(rng: Rng, split: Split, maxWhole = 999): string {
  return drawIn(
    split,
    () => {
      const places = rng.int(1, 2);
      const value = rng.int(1, maxWhole * 10 ** places) / 10 ** places;
      return value.toFixed(places);
    },
    (text) => [text],
  );
}

export interface DateValue {
  /** YYYY-MM-DD: what the tool reads. */
  iso: string;
  /** How the task writes it: ISO, or "March 5, 2024". */
  text: string;
}

/** A calendar date from 1900 to 2099, written ISO or in words (half each). */
export function date(rng: Rng, split: Split): DateValue {
  return drawIn(
    split,
    () => {
      const year = rng.int(1900, 2099);
      const month = rng.int(1, 12);
      const day = rng.int(1, daysInMonth(year, month));
      const iso = formatDate({ year, month, day });
      const text = rng.next() < 0.5 ? iso : `${MONTHS[month - 1]} ${day}, ${year}`;
      return { iso, text };
    },
    (d) => [d.iso],
  );
}

/** Common English names of countries with a capital and more than 100 000 people (by area as a stand-in). */
const COUNTRY_NAMES: readonly string[] = countries
  .filter((c) => c.capital.length === 1 && c.area >= 1000 && c.independent && !c.name.common.includes(','))
  .map((c) => c.name.common)
  .sort();

export function country(rng: Rng, split: Split): string {
  return drawIn(
    split,
    () => rng.pick(COUNTRY_NAMES),
    (name) => [name],
  );
}

export function countryNames(): readonly string[] {
  return COUNTRY_NAMES;
}

export const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Chen',
  'Dara',
  'Elif',
  'Femi',
  'Gita',
  'Hugo',
  'Ines',
  'Jonas',
  'Kenji',
  'Lena',
  'Malik',
  'Nora',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Ali',
  'Bea',
  'Carlos',
  'Dmitri',
  'Emma',
  'Farah',
  'Goran',
  'Hana',
  'Ivan',
  'Julia',
  'Kofi',
  'Lucas',
  'Mei',
  'Nia',
] as const;

export function firstName(rng: Rng, split: Split): string {
  return drawIn(
    split,
    () => rng.pick(FIRST_NAMES),
    (name) => [name],
  );
}

/** Everyday words for text tasks (lower case, letters only). */
export const WORDS = (
  'apple river garden window yellow silver planet morning coffee bridge forest castle music ' +
  'pencil orange winter summer ocean island mountain valley cloud thunder rabbit turtle dragon ' +
  'candle mirror ladder basket pocket rocket butter cookie lemon tomato potato carrot banana ' +
  'jacket pillow blanket teacher doctor farmer sailor pirate wizard dancer singer painter ' +
  'market school library museum station airport harbor village city street corner table chair ' +
  'paper letter number circle square triangle little happy quiet bright heavy simple strange ' +
  'golden purple gentle brave clever lucky sleepy hungry walks runs jumps sings reads writes ' +
  'paints builds opens closes carries finds keeps leaves brings holds the a an and of on in ' +
  'with under over near behind after before every some many few old new big small red blue green'
).split(' ');

export function word(rng: Rng, split: Split, minLength = 1): string {
  return drawIn(
    split,
    () => rng.pick(WORDS.filter((w) => w.length >= minLength)),
    (w) => [w],
  );
}

/** A sentence of 3 to 12 words; every word of the sentence is in `split`. */
export function sentence(rng: Rng, split: Split): string {
  const length = rng.int(3, 12);
  const words = Array.from({ length }, () => word(rng, split));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const CITIES = [
  'Berlin',
  'Paris',
  'Tokyo',
  'Lagos',
  'Lima',
  'Oslo',
  'Cairo',
  'Delhi',
  'Madrid',
  'Seoul',
  'Nairobi',
  'Quito',
  'Hanoi',
  'Dublin',
  'Vienna',
  'Toronto',
  'Sydney',
  'Chicago',
  'Mumbai',
  'Istanbul',
  'Bogota',
  'Prague',
  'Lisbon',
  'Manila',
  'Accra',
] as const;

export function city(rng: Rng, split: Split): string {
  return drawIn(
    split,
    () => rng.pick(CITIES),
    (name) => [name],
  );
}

export const COMPANIES = [
  'Apple',
  'Toyota',
  'Siemens',
  'Samsung',
  'Nestle',
  'Tesla',
  'Shell',
  'Sony',
  'Nokia',
  'Airbus',
  'Intel',
  'Ikea',
  'Lego',
  'Nike',
  'Adidas',
  'Canon',
] as const;

export function company(rng: Rng, split: Split): string {
  return drawIn(
    split,
    () => rng.pick(COMPANIES),
    (name) => [name],
  );
}
