import { exact, numeric, oneOf } from '../checkers';
import type { SuiteTask } from '../types';
import { answer, call } from './steps';

/**
 * Offline country facts with `country_facts` (world-countries + country-json, populations
 * from about 2018). Questions about figures say "according to the offline dataset", since
 * today's figures differ.
 */
export const COUNTRY_TASKS: readonly SuiteTask[] = [
  {
    id: 'capital-australia',
    category: 'countries',
    task: 'What is the capital of Australia?',
    tools: ['country_facts'],
    checker: exact('Canberra', ['Sydney', 'Melbourne']),
    reference: [
      call('Look up the capital of Australia.', 'country_facts', { country: 'Australia', field: 'capital' }),
      answer('The dataset says Canberra.', 'The capital of Australia is **Canberra**.'),
    ],
  },
  {
    id: 'currency-japan',
    category: 'countries',
    task: 'Which currency is used in Japan?',
    tools: ['country_facts'],
    checker: oneOf(['yen', 'JPY']),
    reference: [
      call('Look up the currencies of Japan.', 'country_facts', { country: 'Japan', field: 'currencies' }),
      answer('The dataset lists the Japanese yen (JPY).', 'Japan uses the **Japanese yen** (JPY, ¥).'),
    ],
  },
  {
    id: 'germany-alpha3',
    category: 'countries',
    task: "What is Germany's three-letter ISO country code?",
    tools: ['country_facts'],
    checker: exact('DEU', ['GER']),
    reference: [
      call('The codes field has the ISO codes.', 'country_facts', { country: 'Germany', field: 'codes' }),
      answer(
        'The dataset gives DE and DEU.',
        "Germany's three-letter ISO code is **DEU** (its two-letter code is DE).",
      ),
    ],
  },
  {
    id: 'capital-canada',
    category: 'countries',
    task: 'What is the capital of Canada?',
    tools: ['country_facts'],
    checker: exact('Ottawa', ['Toronto', 'Montreal']),
    reference: [
      call('Look up the capital of Canada.', 'country_facts', { country: 'Canada', field: 'capital' }),
      answer('The dataset says Ottawa.', 'The capital of Canada is **Ottawa**.'),
    ],
  },
  {
    id: 'peru-subregion',
    category: 'countries',
    task: 'In which subregion of the world is Peru, according to the offline country dataset?',
    tools: ['country_facts'],
    checker: exact('South America'),
    reference: [
      call('Look up the subregion of Peru.', 'country_facts', { country: 'Peru', field: 'subregion' }),
      answer('The dataset says South America.', 'Peru is in **South America**.'),
    ],
  },
  {
    id: 'brazil-area',
    category: 'countries',
    task: 'What is the area of Brazil in square kilometres?',
    tools: ['country_facts'],
    checker: numeric(8515767, { rel: 0.01 }),
    reference: [
      call('Look up the area of Brazil.', 'country_facts', { country: 'Brazil', field: 'area' }),
      answer(
        'The dataset gives 8515767 km².',
        'Brazil covers **8,515,767 km²** — about 8.5 million square kilometres.',
      ),
    ],
  },
  {
    id: 'nigeria-population',
    category: 'countries',
    task: 'What is the population of Nigeria, according to the offline country dataset?',
    tools: ['country_facts'],
    checker: numeric(195874740, { rel: 0.01 }),
    reference: [
      call('Look up the population of Nigeria.', 'country_facts', {
        country: 'Nigeria',
        field: 'population',
      }),
      answer(
        'The dataset gives 195874740.',
        'According to the offline dataset, Nigeria has **195,874,740 people** (about 196 million; an estimate from about 2018).',
      ),
    ],
  },
  {
    id: 'iso-code-ke',
    category: 'countries',
    task: 'Which country has the two-letter ISO code KE?',
    tools: ['country_facts'],
    checker: exact('Kenya'),
    reference: [
      call('country_facts accepts ISO codes: look up KE.', 'country_facts', { country: 'KE' }),
      answer(
        'KE is the Republic of Kenya.',
        'KE is the ISO code of **Kenya** (the Republic of Kenya, capital Nairobi).',
      ),
    ],
  },
  {
    id: 'capital-of-nz',
    category: 'countries',
    task: 'What is the capital of the country whose ISO code is NZ?',
    tools: ['country_facts'],
    checker: exact('Wellington', ['Auckland']),
    reference: [
      call('Look up the capital for the ISO code NZ.', 'country_facts', { country: 'NZ', field: 'capital' }),
      answer(
        'NZ is New Zealand and its capital is Wellington.',
        'NZ is New Zealand; its capital is **Wellington**.',
      ),
    ],
  },
  {
    id: 'capital-mongolia',
    category: 'countries',
    task: 'What is the capital of Mongolia?',
    tools: ['country_facts'],
    checker: oneOf(['Ulan Bator', 'Ulaanbaatar', 'Ulan Baatar', 'Ulaan Baatar']),
    reference: [
      call('Look up the capital of Mongolia.', 'country_facts', { country: 'Mongolia', field: 'capital' }),
      answer(
        'The dataset spells it Ulan Bator.',
        'The capital of Mongolia is **Ulan Bator** (also written Ulaanbaatar).',
      ),
    ],
  },
  {
    id: 'capital-brasil-misspelled',
    category: 'countries',
    task: 'What is the capital of Brasil?',
    tools: ['country_facts'],
    checker: exact('Brasília', ['Rio de Janeiro', 'São Paulo']),
    reference: [
      call(
        '"Brasil" is how Brazil is spelled in Portuguese; country_facts corrects small misspellings.',
        'country_facts',
        {
          country: 'Brasil',
          field: 'capital',
        },
      ),
      answer(
        'The dataset matched Brazil, capital Brasília.',
        'Brasil is Brazil; its capital is **Brasília**.',
      ),
    ],
  },
];
