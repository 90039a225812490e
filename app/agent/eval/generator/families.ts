/**
 * Task families of the generator: what is asked (several phrasings), which values, and how
 * the task is solved with the built-in tools, one planner turn at a time. A family's last
 * phrasing is held out: only the test split uses it, so test tasks are worded in ways the
 * models never read in training.
 *
 * `solve` sees the observations so far (what the real tools returned) and writes the next
 * planner turn: a call, the answer, or a give-up. Answers quote the tools' results verbatim.
 */
import type { ReferenceStep } from '../suite/types';
import type { Rng, Split } from './random';
import * as v from './values';

export interface Observation {
  /** The observation text the models read. */
  text: string;
  /** The tool's result as data (JSON parsed), or the text when it is not JSON. */
  value: unknown;
  ok: boolean;
}

export type FamilyCategory =
  | 'arithmetic'
  | 'units'
  | 'calendar'
  | 'countries'
  | 'text'
  | 'chains'
  | 'give-up';

export interface Family<V = never> {
  id: string;
  category: FamilyCategory;
  /** The tools a solution calls, in order of first use. */
  tools: readonly string[];
  sample(rng: Rng, split: Split): V;
  /** The last one is held out for the test split. */
  phrasings: readonly ((values: V) => string)[];
  /** `phrasing` is the index of the phrasing the task was written with. */
  solve(values: V, observations: readonly Observation[], rng: Rng, phrasing: number): ReferenceStep;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of families of different value types
export type AnyFamily = Family<any>;

const call = (thought: string, name: string, args: Record<string, unknown>): ReferenceStep => ({
  thought,
  call: { name, arguments: args },
});
const answer = (thought: string, text: string): ReferenceStep => ({ thought, answer: text });
const giveUp = (thought: string): ReferenceStep => ({ thought, giveUp: true });

/** The first observation's data as a record (tools return JSON objects). */
function field(observation: Observation | undefined, key: string): string {
  const value = observation?.value;
  if (typeof value === 'object' && value !== null && key in value) {
    const found = (value as Record<string, unknown>)[key];
    return Array.isArray(found) ? found.map(String).join(', ') : String(found);
  }
  return observation?.text ?? '';
}

/** A tool failed: say so and give up rather than guess (the data teaches honesty). */
function toolFailed(rng: Rng): ReferenceStep {
  return giveUp(
    rng.pick([
      'The tool returned an error, so I cannot answer this reliably.',
      'The tool could not do it. I will not guess.',
    ]),
  );
}

// ---------------------------------------------------------------------------
// arithmetic

const OPS = [
  { sym: '+', word: 'plus' },
  { sym: '-', word: 'minus' },
  { sym: '*', word: 'times' },
  { sym: '/', word: 'divided by' },
] as const;

interface Binary {
  a: number;
  b: number;
  op: (typeof OPS)[number];
}

function calcThought(rng: Rng, expression: string): string {
  return rng.pick([
    `I will use the calculator to compute ${expression}.`,
    `This is arithmetic. The calculator can evaluate ${expression}.`,
    `Let me calculate ${expression} with the calculator.`,
  ]);
}

function resultThought(rng: Rng, tool: string, result: string): string {
  return rng.pick([
    `The ${tool} returned ${result}. I can answer now.`,
    `The result is ${result}.`,
    `${tool} says ${result}. That answers the question.`,
  ]);
}

/** One calculator call, then the answer quoting its result. */
function calculate(
  expression: string,
  observations: readonly Observation[],
  rng: Rng,
  say: (result: string) => string,
): ReferenceStep {
  const [first] = observations;
  if (!first) return call(calcThought(rng, expression), 'calculator', { expression });
  if (!first.ok) return toolFailed(rng);
  return answer(resultThought(rng, 'calculator', first.text), say(first.text));
}

const binary: Family<Binary> = {
  id: 'calc-binary',
  category: 'arithmetic',
  tools: ['calculator'],
  sample: (rng, split) => {
    const op = rng.pick(OPS);
    return { a: v.integer(rng, split), b: v.integer(rng, split, op.sym === '/' ? 3 : 5), op };
  },
  phrasings: [
    ({ a, b, op }) => `What is ${a} ${op.sym} ${b}?`,
    ({ a, b, op }) => `Calculate ${a} ${op.word} ${b}.`,
    ({ a, b, op }) => `Compute ${a} ${op.sym} ${b} for me.`,
    ({ a, b, op }) => `Please work out ${a} ${op.word} ${b}.`,
    ({ a, b, op }) => `I need the result of ${a} ${op.word} ${b}.`,
  ],
  solve: ({ a, b, op }, observations, rng) => {
    const expression = `${a} ${op.sym} ${b}`;
    return calculate(expression, observations, rng, (r) =>
      rng.pick([`${expression} = **${r}**.`, `The result is **${r}**.`, `**${r}**`]),
    );
  },
};

interface Story {
  name: string;
  a: number;
  b: number;
}

const STORIES = [
  { expression: (s: Story) => `${s.a} * ${s.b}`, unit: 'pencils' },
  { expression: (s: Story) => `${s.a} * ${s.b}`, unit: 'km' },
  { expression: (s: Story) => `${s.a} - ${s.b}`, unit: 'stickers' },
  { expression: (s: Story) => `${s.a} / ${s.b}`, unit: 'groups' },
  { expression: (s: Story) => `${s.a} + ${s.b}`, unit: 'kg' },
  { expression: (s: Story) => `${s.a} * ${s.b}`, unit: 'dollars' },
] as const;

const story: Family<Story> = {
  id: 'calc-story',
  category: 'arithmetic',
  tools: ['calculator'],
  sample: (rng, split) => {
    const a = v.integer(rng, split, 4, 2);
    const b = v.integer(rng, split, 3, 2);
    return { name: v.firstName(rng, split), a: Math.max(a, b + 1), b };
  },
  phrasings: [
    (s) => `${s.name} buys ${s.a} packs of ${s.b} pencils. How many pencils is that?`,
    (s) => `A train travels at ${s.a} km per hour for ${s.b} hours. How far does it go, in km?`,
    (s) => `${s.name} has ${s.a} stickers and gives away ${s.b}. How many stickers are left?`,
    (s) => `${s.a} students are split into groups of ${s.b}. How many groups are there?`,
    (s) => `One box weighs ${s.a} kg and another weighs ${s.b} kg. How much do they weigh together?`,
    (s) => `${s.name} saves ${s.a} dollars a week for ${s.b} weeks. How many dollars is that?`,
  ],
  solve: (s, observations, rng, phrasing) => {
    const kind = STORIES[phrasing] ?? STORIES[0];
    return calculate(kind.expression(s), observations, rng, (r) =>
      rng.pick([`The answer is **${r} ${kind.unit}**.`, `**${r}** ${kind.unit}.`]),
    );
  },
};

interface Percent {
  p: number;
  a: number;
}

const percent: Family<Percent> = {
  id: 'calc-percent',
  category: 'arithmetic',
  tools: ['calculator'],
  sample: (rng, split) => ({ p: v.integer(rng, split, 2), a: v.integer(rng, split, 5) }),
  phrasings: [
    ({ p, a }) => `What is ${p}% of ${a}?`,
    ({ p, a }) => `Find ${p} percent of ${a}.`,
    ({ p, a }) => `How much is ${p}% of ${a}?`,
    ({ p, a }) => `Take ${p}% of ${a}.`,
    ({ p, a }) => `Calculate ${p} per cent of ${a}.`,
  ],
  solve: ({ p, a }, observations, rng) =>
    calculate(`${p} / 100 * ${a}`, observations, rng, (r) =>
      rng.pick([`${p}% of ${a} is **${r}**.`, `The answer is **${r}**.`]),
    ),
};

const sqrt: Family<{ a: number }> = {
  id: 'calc-sqrt',
  category: 'arithmetic',
  tools: ['calculator'],
  sample: (rng, split) => ({ a: v.integer(rng, split, 6) }),
  phrasings: [
    ({ a }) => `What is the square root of ${a}?`,
    ({ a }) => `Find the square root of ${a}.`,
    ({ a }) => `Compute the square root of ${a}.`,
    ({ a }) => `How much is the square root of ${a}?`,
  ],
  solve: ({ a }, observations, rng) =>
    calculate(`sqrt(${a})`, observations, rng, (r) =>
      rng.pick([`The square root of ${a} is **${r}**.`, `**${r}**`]),
    ),
};

// ---------------------------------------------------------------------------
// units

const UNITS = [
  { from: 'km', to: 'mi', fromWord: 'kilometres', toWord: 'miles' },
  { from: 'mi', to: 'km', fromWord: 'miles', toWord: 'kilometres' },
  { from: 'kg', to: 'lb', fromWord: 'kilograms', toWord: 'pounds' },
  { from: 'lb', to: 'kg', fromWord: 'pounds', toWord: 'kilograms' },
  { from: 'm', to: 'ft', fromWord: 'metres', toWord: 'feet' },
  { from: 'ft', to: 'm', fromWord: 'feet', toWord: 'metres' },
  { from: 'inch', to: 'cm', fromWord: 'inches', toWord: 'centimetres' },
  { from: 'cm', to: 'inch', fromWord: 'centimetres', toWord: 'inches' },
  { from: 'liter', to: 'gallon', fromWord: 'litres', toWord: 'gallons' },
  { from: 'degF', to: 'degC', fromWord: 'degrees Fahrenheit', toWord: 'degrees Celsius' },
  { from: 'degC', to: 'degF', fromWord: 'degrees Celsius', toWord: 'degrees Fahrenheit' },
  { from: 'hour', to: 'minute', fromWord: 'hours', toWord: 'minutes' },
] as const;

interface Conversion {
  x: string;
  unit: (typeof UNITS)[number];
}

const units: Family<Conversion> = {
  id: 'units',
  category: 'units',
  tools: ['calculator'],
  sample: (rng, split) => ({
    x: rng.next() < 0.5 ? String(v.integer(rng, split, 4)) : v.decimal(rng, split),
    unit: rng.pick(UNITS),
  }),
  phrasings: [
    ({ x, unit }) => `Convert ${x} ${unit.fromWord} to ${unit.toWord}.`,
    ({ x, unit }) => `How many ${unit.toWord} is ${x} ${unit.fromWord}?`,
    ({ x, unit }) => `What is ${x} ${unit.fromWord} in ${unit.toWord}?`,
    ({ x, unit }) => `${x} ${unit.fromWord} equals how many ${unit.toWord}?`,
    ({ x, unit }) => `Express ${x} ${unit.fromWord} in ${unit.toWord}.`,
  ],
  solve: ({ x, unit }, observations, rng) => {
    const expression = `${x} ${unit.from} to ${unit.to}`;
    const [first] = observations;
    if (!first)
      return call(
        rng.pick([
          `The calculator converts units: ${expression}.`,
          `I will convert with the calculator: ${expression}.`,
        ]),
        'calculator',
        { expression },
      );
    if (!first.ok) return toolFailed(rng);
    return answer(
      resultThought(rng, 'calculator', first.text),
      rng.pick([`${x} ${unit.fromWord} is **${first.text}**.`, `It is **${first.text}**.`]),
    );
  },
};

// ---------------------------------------------------------------------------
// calendar

interface TwoDates {
  a: v.DateValue;
  b: v.DateValue;
}

const dayDifference: Family<TwoDates> = {
  id: 'date-difference',
  category: 'calendar',
  tools: ['date_calc'],
  sample: (rng, split) => {
    const a = v.date(rng, split);
    const b = v.date(rng, split);
    return a.iso <= b.iso ? { a, b } : { a: b, b: a };
  },
  phrasings: [
    ({ a, b }) => `How many days are there from ${a.text} to ${b.text}?`,
    ({ a, b }) => `Count the days between ${a.text} and ${b.text}.`,
    ({ a, b }) => `How many days passed between ${a.text} and ${b.text}?`,
    ({ a, b }) => `What is the number of days from ${a.text} until ${b.text}?`,
  ],
  solve: ({ a, b }, observations, rng) => {
    const [first] = observations;
    if (!first)
      return call(
        rng.pick([
          `date_calc can count the days from ${a.iso} to ${b.iso}.`,
          `I will use date_calc for the difference between ${a.iso} and ${b.iso}.`,
        ]),
        'date_calc',
        { operation: 'difference', date: a.iso, other_date: b.iso },
      );
    if (!first.ok) return toolFailed(rng);
    const days = field(first, 'days');
    return answer(
      resultThought(rng, 'date_calc', `${days} days`),
      rng.pick([`There are **${days} days** from ${a.text} to ${b.text}.`, `**${days} days**.`]),
    );
  },
};

interface Shift {
  d: v.DateValue;
  n: number;
  direction: 'add' | 'subtract';
}

const dateShift: Family<Shift> = {
  id: 'date-shift',
  category: 'calendar',
  tools: ['date_calc'],
  sample: (rng, split) => ({
    d: v.date(rng, split),
    n: v.integer(rng, split, 4),
    direction: rng.next() < 0.5 ? 'add' : 'subtract',
  }),
  phrasings: [
    ({ d, n, direction }) => `What date is ${n} days ${direction === 'add' ? 'after' : 'before'} ${d.text}?`,
    ({ d, n, direction }) =>
      `Which date comes ${n} days ${direction === 'add' ? 'after' : 'before'} ${d.text}?`,
    ({ d, n, direction }) =>
      direction === 'add' ? `Add ${n} days to ${d.text}.` : `Subtract ${n} days from ${d.text}.`,
    ({ d, n, direction }) =>
      `If today is ${d.text}, what is the date ${n} days ${direction === 'add' ? 'from now' : 'ago'}?`,
  ],
  solve: ({ d, n, direction }, observations, rng) => {
    const [first] = observations;
    if (!first)
      return call(
        rng.pick([
          `I will ${direction} ${n} days ${direction === 'add' ? 'to' : 'from'} ${d.iso} with date_calc.`,
          `date_calc can ${direction} ${n} days ${direction === 'add' ? 'to' : 'from'} ${d.iso}.`,
        ]),
        'date_calc',
        { operation: direction, date: d.iso, amount: n, unit: 'days' },
      );
    if (!first.ok) return toolFailed(rng);
    const result = field(first, 'date');
    const weekday = field(first, 'weekday');
    return answer(
      resultThought(rng, 'date_calc', result),
      rng.pick([`The date is **${result}** (a ${weekday}).`, `**${result}**, a ${weekday}.`]),
    );
  },
};

const weekday: Family<{ d: v.DateValue }> = {
  id: 'date-weekday',
  category: 'calendar',
  tools: ['date_calc'],
  sample: (rng, split) => ({ d: v.date(rng, split) }),
  phrasings: [
    ({ d }) => `What day of the week was ${d.text}?`,
    ({ d }) => `On which weekday does ${d.text} fall?`,
    ({ d }) => `Which day of the week is ${d.text}?`,
    ({ d }) => `Tell me the weekday of ${d.text}.`,
  ],
  solve: ({ d }, observations, rng) => {
    const [first] = observations;
    if (!first)
      return call(
        rng.pick([
          `date_calc gives the weekday of ${d.iso}.`,
          `I will ask date_calc for the weekday of ${d.iso}.`,
        ]),
        'date_calc',
        { operation: 'weekday', date: d.iso },
      );
    if (!first.ok) return toolFailed(rng);
    const day = field(first, 'weekday');
    return answer(
      resultThought(rng, 'date_calc', day),
      rng.pick([`${d.text} is a **${day}**.`, `It is a **${day}**.`]),
    );
  },
};

// ---------------------------------------------------------------------------
// countries

type FactField = 'capital' | 'currencies' | 'region' | 'population';

function countryFact(
  id: string,
  fact: FactField,
  phrasings: readonly ((c: string) => string)[],
  say: (c: string, value: string, rng: Rng) => string,
): Family<{ c: string }> {
  const key = fact;
  return {
    id,
    category: 'countries',
    tools: ['country_facts'],
    sample: (rng, split) => ({ c: v.country(rng, split) }),
    phrasings: phrasings.map(
      (p) =>
        ({ c }: { c: string }) =>
          p(c),
    ),
    solve: ({ c }, observations, rng) => {
      const [first] = observations;
      if (!first)
        return call(
          rng.pick([
            `country_facts has the ${fact} of ${c}.`,
            `I will look up the ${fact} of ${c} with country_facts.`,
          ]),
          'country_facts',
          { country: c, field: fact },
        );
      if (!first.ok) return toolFailed(rng);
      const value = field(first, key);
      return answer(resultThought(rng, 'country_facts', value), say(c, value, rng));
    },
  };
}

const capital = countryFact(
  'country-capital',
  'capital',
  [
    (c) => `What is the capital of ${c}?`,
    (c) => `Which city is the capital of ${c}?`,
    (c) => `Name the capital city of ${c}.`,
    (c) => `Tell me the capital of ${c}.`,
  ],
  (c, value, rng) => rng.pick([`The capital of ${c} is **${value}**.`, `**${value}**.`]),
);

const currency = countryFact(
  'country-currency',
  'currencies',
  [
    (c) => `What currency is used in ${c}?`,
    (c) => `Which currency does ${c} use?`,
    (c) => `What is the currency of ${c}?`,
    (c) => `What money do people pay with in ${c}?`,
  ],
  (c, value, rng) => rng.pick([`${c} uses **${value}**.`, `The currency of ${c} is **${value}**.`]),
);

const region = countryFact(
  'country-region',
  'region',
  [
    (c) => `Which continent is ${c} in?`,
    (c) => `On what continent is ${c}?`,
    (c) => `In which region of the world is ${c}?`,
    (c) => `Where in the world is ${c}, by continent?`,
  ],
  (c, value, rng) => rng.pick([`${c} is in **${value}**.`, `**${value}**.`]),
);

const population = countryFact(
  'country-population',
  'population',
  [
    (c) => `What is the population of ${c}?`,
    (c) => `How many people live in ${c}?`,
    (c) => `How many inhabitants does ${c} have?`,
    (c) => `Roughly how populous is ${c}?`,
  ],
  (c, value, rng) =>
    rng.pick([`${c} has about **${value}** people.`, `The population of ${c} is **${value}**.`]),
);

// ---------------------------------------------------------------------------
// text

const wordCount: Family<{ text: string }> = {
  id: 'text-words',
  category: 'text',
  tools: ['text_stats'],
  sample: (rng, split) => ({ text: v.sentence(rng, split) }),
  phrasings: [
    ({ text }) => `How many words are in this sentence: "${text}"`,
    ({ text }) => `Count the words in "${text}"`,
    ({ text }) => `How many words does "${text}" have?`,
    ({ text }) => `What is the word count of "${text}"?`,
  ],
  solve: ({ text }, observations, rng) => {
    const [first] = observations;
    if (!first)
      return call(
        rng.pick(['text_stats counts the words of the text.', 'I will count the words with text_stats.']),
        'text_stats',
        { text },
      );
    if (!first.ok) return toolFailed(rng);
    const words = field(first, 'words');
    return answer(
      resultThought(rng, 'text_stats', `${words} words`),
      rng.pick([`The sentence has **${words} words**.`, `**${words}** words.`]),
    );
  },
};

const occurrences: Family<{ text: string; w: string }> = {
  id: 'text-occurrences',
  category: 'text',
  tools: ['text_stats'],
  sample: (rng, split) => {
    const text = v.sentence(rng, split);
    const words = text.toLowerCase().replace('.', '').split(' ');
    return { text, w: rng.next() < 0.7 ? rng.pick(words) : v.word(rng, split) };
  },
  phrasings: [
    ({ text, w }) => `How many times does the word "${w}" appear in "${text}"`,
    ({ text, w }) => `Count how often "${w}" occurs in "${text}"`,
    ({ text, w }) => `In "${text}", how many times is the word "${w}" used?`,
    ({ text, w }) => `How often does "${w}" appear as a word in "${text}"`,
  ],
  solve: ({ text, w }, observations, rng) => {
    const [first] = observations;
    if (!first)
      return call(
        rng.pick([
          `text_stats can count the word "${w}" in the text.`,
          `I will count "${w}" as a whole word with text_stats.`,
        ]),
        'text_stats',
        { text, count_of: w, whole_words: true },
      );
    if (!first.ok) return toolFailed(rng);
    const n = field(first, 'occurrences');
    return answer(
      resultThought(rng, 'text_stats', n),
      rng.pick([`"${w}" appears **${n}** times.`, `**${n}** times.`]),
    );
  },
};

const letters: Family<{ w: string }> = {
  id: 'text-letters',
  category: 'text',
  tools: ['text_stats'],
  sample: (rng, split) => ({ w: v.word(rng, split, 4) }),
  phrasings: [
    ({ w }) => `How many letters are in the word "${w}"?`,
    ({ w }) => `Count the letters of "${w}".`,
    ({ w }) => `How long is the word "${w}", in letters?`,
    ({ w }) => `What is the number of letters in "${w}"?`,
  ],
  solve: ({ w }, observations, rng) => {
    const [first] = observations;
    if (!first)
      return call(rng.pick([`text_stats counts the letters of "${w}".`]), 'text_stats', { text: w });
    if (!first.ok) return toolFailed(rng);
    const n = field(first, 'letters');
    return answer(
      resultThought(rng, 'text_stats', `${n} letters`),
      rng.pick([`"${w}" has **${n} letters**.`, `**${n}** letters.`]),
    );
  },
};

// ---------------------------------------------------------------------------
// chains: look up, then compute

const millions: Family<{ c: string }> = {
  id: 'chain-population-millions',
  category: 'chains',
  tools: ['country_facts', 'calculator'],
  sample: (rng, split) => ({ c: v.country(rng, split) }),
  phrasings: [
    ({ c }) => `What is the population of ${c} in millions?`,
    ({ c }) => `How many million people live in ${c}?`,
    ({ c }) => `Give the population of ${c} in millions of people.`,
    ({ c }) => `In millions, how many inhabitants does ${c} have?`,
  ],
  solve: ({ c }, observations, rng) => {
    const [first, second] = observations;
    if (!first)
      return call(`First I need the population of ${c}.`, 'country_facts', {
        country: c,
        field: 'population',
      });
    if (!first.ok) return toolFailed(rng);
    const people = field(first, 'population');
    const expression = `${people} / 1000000`;
    if (!second)
      return call(`${c} has ${people} people. I will divide by 1000000.`, 'calculator', { expression });
    if (!second.ok) return toolFailed(rng);
    return answer(
      resultThought(rng, 'calculator', second.text),
      `${c} has about **${second.text} million** people (${people}).`,
    );
  },
};

const populationGap: Family<{ a: string; b: string }> = {
  id: 'chain-population-gap',
  category: 'chains',
  tools: ['country_facts', 'calculator'],
  sample: (rng, split) => {
    const a = v.country(rng, split);
    let b = v.country(rng, split);
    while (b === a) b = v.country(rng, split);
    return { a, b };
  },
  phrasings: [
    ({ a, b }) => `How many more people live in ${a} than in ${b}?`,
    ({ a, b }) => `What is the difference between the populations of ${a} and ${b}?`,
    ({ a, b }) => `By how many people does the population of ${a} exceed that of ${b}?`,
    ({ a, b }) => `Subtract the population of ${b} from the population of ${a}.`,
  ],
  solve: ({ a, b }, observations, rng) => {
    const [first, second, third] = observations;
    if (!first)
      return call(`I need two populations. First ${a}.`, 'country_facts', {
        country: a,
        field: 'population',
      });
    if (!first.ok) return toolFailed(rng);
    const pa = field(first, 'population');
    if (!second)
      return call(`${a} has ${pa} people. Now ${b}.`, 'country_facts', { country: b, field: 'population' });
    if (!second.ok) return toolFailed(rng);
    const pb = field(second, 'population');
    if (!third)
      return call(`${b} has ${pb} people. I will subtract.`, 'calculator', { expression: `${pa} - ${pb}` });
    if (!third.ok) return toolFailed(rng);
    return answer(
      resultThought(rng, 'calculator', third.text),
      `The difference is **${third.text}** people (${a}: ${pa}, ${b}: ${pb}).`,
    );
  },
};

const density: Family<{ c: string }> = {
  id: 'chain-density',
  category: 'chains',
  tools: ['country_facts', 'calculator'],
  sample: (rng, split) => ({ c: v.country(rng, split) }),
  phrasings: [
    ({ c }) => `What is the population density of ${c}?`,
    ({ c }) => `How many people per square kilometre live in ${c}?`,
    ({ c }) => `Compute the population density of ${c} in people per km².`,
    ({ c }) => `How densely populated is ${c}, per square kilometre?`,
  ],
  solve: ({ c }, observations, rng) => {
    const [first, second] = observations;
    if (!first) return call(`I need the population and the area of ${c}.`, 'country_facts', { country: c });
    if (!first.ok) return toolFailed(rng);
    const people = field(first, 'population');
    const area = field(first, 'area_km2');
    if (!second)
      return call(`${c} has ${people} people on ${area} km². Divide the two.`, 'calculator', {
        expression: `${people} / ${area}`,
      });
    if (!second.ok) return toolFailed(rng);
    return answer(
      resultThought(rng, 'calculator', second.text),
      `${c} has about **${second.text} people per km²**.`,
    );
  },
};

const hoursBetween: Family<TwoDates> = {
  id: 'chain-hours-between',
  category: 'chains',
  tools: ['date_calc', 'calculator'],
  sample: dayDifference.sample,
  phrasings: [
    ({ a, b }) => `How many hours are there from ${a.text} to ${b.text}?`,
    ({ a, b }) => `Count the hours between ${a.text} and ${b.text}.`,
    ({ a, b }) => `How many hours passed between ${a.text} and ${b.text}?`,
    ({ a, b }) => `What is the number of hours from ${a.text} until ${b.text}?`,
  ],
  solve: ({ a, b }, observations, rng) => {
    const [first, second] = observations;
    if (!first)
      return call(`First the days from ${a.iso} to ${b.iso}.`, 'date_calc', {
        operation: 'difference',
        date: a.iso,
        other_date: b.iso,
      });
    if (!first.ok) return toolFailed(rng);
    const days = field(first, 'days');
    if (!second)
      return call(`That is ${days} days. I will multiply by 24.`, 'calculator', {
        expression: `${days} * 24`,
      });
    if (!second.ok) return toolFailed(rng);
    return answer(
      resultThought(rng, 'calculator', second.text),
      `There are **${second.text} hours** (${days} days).`,
    );
  },
};

// ---------------------------------------------------------------------------
// give up: nothing offline can answer these

interface Impossible {
  city: string;
  company: string;
  name: string;
}

const impossible: Family<Impossible> = {
  id: 'give-up',
  category: 'give-up',
  tools: [],
  sample: (rng, split) => ({
    city: v.city(rng, split),
    company: v.company(rng, split),
    name: v.firstName(rng, split),
  }),
  phrasings: [
    ({ city }) => `What will the weather be in ${city} tomorrow?`,
    ({ company }) => `What is the stock price of ${company} right now?`,
    ({ city }) => `Book me a flight to ${city} for next Friday.`,
    ({ name }) => `Send an email to ${name} about the meeting.`,
    ({ city }) => `What is the latest news from ${city} today?`,
    ({ city }) => `Order a taxi to the airport in ${city}.`,
  ],
  solve: (_values, _observations, rng) =>
    giveUp(
      rng.pick([
        'None of the tools can do this, and nothing may leave the device. I cannot answer.',
        'This needs live data or an action outside the page. No tool can do it.',
        'The tools are a calculator, dates, country facts and text counts. None of them can help here.',
      ]),
    ),
};

/** Every family, in a fixed order (the generator's seed walks it). */
export const FAMILIES: readonly AnyFamily[] = [
  binary,
  story,
  percent,
  sqrt,
  units,
  dayDifference,
  dateShift,
  weekday,
  capital,
  currency,
  region,
  population,
  wordCount,
  occurrences,
  letters,
  millions,
  populationGap,
  density,
  hoursBetween,
  impossible,
];
