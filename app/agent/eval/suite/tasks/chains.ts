import { numeric } from '../checkers';
import type { SuiteTask } from '../types';
import { answer, call } from './steps';

/** Multi-tool chains: look something up (countries, dates, text), then compute with it. */
export const CHAIN_TASKS: readonly SuiteTask[] = [
  {
    id: 'germany-density',
    category: 'chains',
    task: 'What is the population density of Germany, in people per square kilometre?',
    tools: ['country_facts', 'calculator'],
    checker: numeric(232.15494771978, { abs: 0.5 }),
    reference: [
      call('I need the population and the area of Germany first.', 'country_facts', { country: 'Germany' }),
      call('Germany has 82905782 people on 357114 km². Divide the two.', 'calculator', {
        expression: '82905782 / 357114',
      }),
      answer(
        'The calculator returned 232.15494771978.',
        'Germany has **about 232 people per km²**: 82,905,782 people on 357,114 km² (232.15 per km²).',
      ),
    ],
  },
  {
    id: 'russia-vs-france-area',
    category: 'chains',
    task: "How many times larger is Russia's area than France's?",
    tools: ['country_facts', 'calculator'],
    checker: numeric(30.992200400584, { abs: 0.05 }),
    reference: [
      call('First the area of Russia.', 'country_facts', { country: 'Russia', field: 'area' }),
      call('Russia is 17098242 km². Now the area of France.', 'country_facts', {
        country: 'France',
        field: 'area',
      }),
      call('France is 551695 km². Divide the two areas.', 'calculator', { expression: '17098242 / 551695' }),
      answer(
        'The ratio is 30.992200400584.',
        "Russia's area is **about 31 times** France's: 17,098,242 km² against 551,695 km² (a ratio of 30.99).",
      ),
    ],
  },
  {
    id: 'nordic-average-population',
    category: 'chains',
    task: 'What is the average population of Norway, Sweden and Denmark?',
    tools: ['country_facts', 'run_javascript'],
    checker: numeric(7093588.666666667, { rel: 0.001 }),
    reference: [
      call('I need three populations. First Norway.', 'country_facts', {
        country: 'Norway',
        field: 'population',
      }),
      call('Norway has 5311916 people. Next Sweden.', 'country_facts', {
        country: 'Sweden',
        field: 'population',
      }),
      call('Sweden has 10175214 people. Next Denmark.', 'country_facts', {
        country: 'Denmark',
        field: 'population',
      }),
      call('Denmark has 5793636 people. Now the total and the average.', 'run_javascript', {
        code:
          'const populations = { Norway: 5311916, Sweden: 10175214, Denmark: 5793636 };\n' +
          'const values = Object.values(populations);\n' +
          'const total = values.reduce((a, b) => a + b, 0);\n' +
          "console.log('total', total);\n" +
          'total / values.length',
      }),
      answer(
        'The code printed a total of 21280766 and returned 7093588.666666667.',
        'Their average population is **about 7,093,589** — 21,280,766 people in all (Norway 5,311,916, Sweden 10,175,214, Denmark 5,793,636).',
      ),
    ],
  },
  {
    id: 'canada-area-per-person',
    category: 'chains',
    task: "How many square metres of Canada's area are there per inhabitant?",
    tools: ['country_facts', 'calculator'],
    checker: numeric(269435.29918763, { rel: 0.001 }),
    reference: [
      call('I need the area and the population of Canada.', 'country_facts', { country: 'Canada' }),
      call('Canada has 9984670 km² and 37057765 people. Divide and express the result in m².', 'calculator', {
        expression: '(9984670 km^2 / 37057765) in m^2',
      }),
      answer(
        'The calculator returned 2.6943529918763e+5 m^2.',
        "There are **about 269,435 m²** of Canada's area per inhabitant (9,984,670 km² shared by 37,057,765 people).",
      ),
    ],
  },
  {
    id: 'june-hours',
    category: 'chains',
    task: 'How many hours are there from 1 June 2025 to 1 July 2025?',
    tools: ['date_calc', 'calculator'],
    checker: numeric(720),
    reference: [
      call('First the number of days between the two dates.', 'date_calc', {
        operation: 'difference',
        date: '2025-06-01',
        other_date: '2025-07-01',
      }),
      call('It is 30 days. Multiply by 24 hours.', 'calculator', { expression: '30 * 24' }),
      answer('The calculator returned 720.', 'There are **720 hours**: 30 days × 24 hours.'),
    ],
  },
  {
    id: 'seconds-since-2000',
    category: 'chains',
    task: 'How many seconds are there from 1 January 2000 to 1 January 2025, ignoring leap seconds?',
    tools: ['date_calc', 'run_javascript'],
    checker: numeric(789004800, { abs: 0.5 }),
    reference: [
      call('First the number of days between the two dates.', 'date_calc', {
        operation: 'difference',
        date: '2000-01-01',
        other_date: '2025-01-01',
      }),
      call('It is 9132 days. Each day has 24 × 60 × 60 seconds.', 'run_javascript', {
        code: '9132 * 24 * 60 * 60',
      }),
      answer(
        'The code returned 789004800.',
        'There are **789,004,800 seconds**: 9132 days × 86,400 seconds per day.',
      ),
    ],
  },
  {
    id: 'portugal-square-miles',
    category: 'chains',
    task: 'What is the area of Portugal in square miles?',
    tools: ['country_facts', 'calculator'],
    checker: numeric(35556.147780174, { rel: 0.001 }),
    reference: [
      call('First the area of Portugal in km².', 'country_facts', { country: 'Portugal', field: 'area' }),
      call('Portugal is 92090 km². Convert that to square miles.', 'calculator', {
        expression: '92090 km^2 in mi^2',
      }),
      answer(
        'The calculator returned 35556.147780174 mi^2.',
        'Portugal covers **about 35,556 square miles** (92,090 km²).',
      ),
    ],
  },
  {
    id: 'canada-vs-australia-population',
    category: 'chains',
    task: "By what percentage is Canada's population larger than Australia's, according to the offline country dataset?",
    tools: ['country_facts', 'calculator'],
    checker: numeric(48.33377817471, { abs: 0.05 }),
    reference: [
      call('First the population of Canada.', 'country_facts', { country: 'Canada', field: 'population' }),
      call('Canada has 37057765 people. Now Australia.', 'country_facts', {
        country: 'Australia',
        field: 'population',
      }),
      call('Australia has 24982688 people. The percentage is (Canada / Australia − 1) × 100.', 'calculator', {
        expression: '(37057765 / 24982688 - 1) * 100',
      }),
      answer(
        'The calculator returned 48.33377817471.',
        "Canada's population is **about 48.33% larger** than Australia's (37,057,765 against 24,982,688).",
      ),
    ],
  },
  {
    id: 'sea-shells-share',
    category: 'chains',
    task: 'In the sentence "She sells sea shells by the sea shore, and the shells she sells are sea shells for sure." what percentage of the words are the word "sea"?',
    tools: ['text_stats', 'calculator'],
    checker: numeric(16.666666666667, { abs: 0.05 }),
    reference: [
      call('text_stats counts the words and the whole-word occurrences of "sea".', 'text_stats', {
        text: 'She sells sea shells by the sea shore, and the shells she sells are sea shells for sure.',
        count_of: 'sea',
        whole_words: true,
      }),
      call('"sea" occurs 3 times among 18 words. Turn that into a percentage.', 'calculator', {
        expression: '3 / 18 * 100',
      }),
      answer(
        'The calculator returned 16.666666666667.',
        'The word "sea" makes up **16.67%** of the words: 3 of the 18 words.',
      ),
    ],
  },
  {
    id: 'italy-minus-spain',
    category: 'chains',
    task: 'How many more people live in Italy than in Spain, according to the offline country dataset?',
    tools: ['country_facts', 'calculator'],
    checker: numeric(13625220, { rel: 0.001 }),
    reference: [
      call('First the population of Italy.', 'country_facts', { country: 'Italy', field: 'population' }),
      call('Italy has 60421760 people. Now Spain.', 'country_facts', {
        country: 'Spain',
        field: 'population',
      }),
      call('Spain has 46796540 people. Subtract.', 'calculator', { expression: '60421760 - 46796540' }),
      answer(
        'The calculator returned 1.362522e+7, that is 13625220.',
        'Italy has **13,625,220 more people** than Spain (60,421,760 against 46,796,540).',
      ),
    ],
  },
  {
    id: 'study-hours',
    category: 'chains',
    task: 'A student studies for 45 minutes on every weekday (Monday to Friday) after 1 September 2025, up to and including 19 December 2025. How many hours is that in total?',
    tools: ['date_calc', 'calculator'],
    checker: numeric(59.25, { abs: 0.01 }),
    reference: [
      call(
        'date_calc counts the business days after the first date up to and including the second.',
        'date_calc',
        {
          operation: 'difference',
          date: '2025-09-01',
          other_date: '2025-12-19',
        },
      ),
      call('There are 79 business days. 79 × 45 minutes, in hours.', 'calculator', {
        expression: '79 * 45 / 60',
      }),
      answer(
        'The calculator returned 59.25.',
        'That is **59.25 hours** (59 hours 15 minutes): 79 weekdays × 45 minutes, not counting holidays.',
      ),
    ],
  },
];
