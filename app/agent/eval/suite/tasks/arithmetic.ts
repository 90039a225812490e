import { numeric } from '../checkers';
import type { SuiteTask } from '../types';
import { answer, call } from './steps';

/** Word problems in the style of GSM8K, solved with `calculator` or `run_javascript`. */
export const ARITHMETIC_TASKS: readonly SuiteTask[] = [
  {
    id: 'muffins-left',
    category: 'arithmetic',
    task: 'A baker makes 4 trays of 18 muffins. She sells 47 muffins and gives 9 to her neighbours. How many muffins are left?',
    tools: ['calculator'],
    checker: numeric(16),
    reference: [
      call(
        'Baked muffins are 4 × 18; subtract the sold and the given ones. One calculator expression does it.',
        'calculator',
        {
          expression: '4 * 18 - 47 - 9',
        },
      ),
      answer(
        'The calculator returned 16.',
        '**16 muffins** are left: 4 × 18 = 72 were baked, then 47 were sold and 9 given away.',
      ),
    ],
  },
  {
    id: 'pages-read',
    category: 'arithmetic',
    task: 'Tom reads 23 pages a day for 2 weeks, then 31 pages a day for 5 days. How many pages does he read in total?',
    tools: ['run_javascript'],
    checker: numeric(477),
    reference: [
      call('Two weeks are 14 days. I will compute 23 × 14 + 31 × 5 with JavaScript.', 'run_javascript', {
        code: 'const first = 23 * 14; const second = 31 * 5; first + second',
      }),
      answer(
        'The code returned 477.',
        'Tom reads **477 pages** in total: 23 × 14 = 322 in the first two weeks and 31 × 5 = 155 in the next five days.',
      ),
    ],
  },
  {
    id: 'school-trip',
    category: 'arithmetic',
    task: 'A school trip costs $12.50 per student plus a $180 bus fee for the whole group. 36 students go. What is the total cost?',
    tools: ['calculator'],
    checker: numeric(630, { abs: 0.005 }),
    reference: [
      call('The total is 36 students at $12.50 each plus the bus fee.', 'calculator', {
        expression: '12.50 * 36 + 180',
      }),
      answer(
        'The calculator says 630.',
        'The trip costs **$630** in total: 36 × $12.50 = $450 for the students plus the $180 bus.',
      ),
    ],
  },
  {
    id: 'discount-then-tax',
    category: 'arithmetic',
    task: 'A shirt costs $40. It is discounted by 25%, and then 8% sales tax is added to the discounted price. What is the final price?',
    tools: ['calculator'],
    checker: numeric(32.4, { abs: 0.005 }),
    reference: [
      call('Take 25% off 40, then add 8% tax on the result.', 'calculator', {
        expression: '40 * (1 - 0.25) * 1.08',
      }),
      answer(
        'The calculator returned 32.4.',
        'The final price is **$32.40**: 25% off makes it $30.00, and the 8% tax adds $2.40.',
      ),
    ],
  },
  {
    id: 'fence-cost',
    category: 'arithmetic',
    task: 'A rectangular garden is 12 m long and 7.5 m wide. Fencing costs $14 per metre. How much does it cost to fence the whole perimeter?',
    tools: ['calculator'],
    checker: numeric(546, { abs: 0.005 }),
    reference: [
      call('The perimeter is 2 × (12 + 7.5) metres; multiply it by the price per metre.', 'calculator', {
        expression: '2 * (12 + 7.5) * 14',
      }),
      answer(
        'The calculator returned 546.',
        'Fencing the garden costs **$546**: the perimeter is 2 × (12 + 7.5) = 39 m, at $14 per metre.',
      ),
    ],
  },
  {
    id: 'weekly-savings',
    category: 'arithmetic',
    task: 'Maria saves $15 in the first week, and each week after that she saves $3 more than the week before. How much has she saved in total after 10 weeks?',
    tools: ['run_javascript'],
    checker: numeric(285, { abs: 0.005 }),
    reference: [
      call('Week k (from 0) brings 15 + 3k dollars. A loop over 10 weeks adds them up.', 'run_javascript', {
        code: 'let total = 0; for (let week = 0; week < 10; week++) total += 15 + 3 * week; total',
      }),
      answer(
        'The loop returned 285.',
        'After 10 weeks Maria has saved **$285** — from $15 in week 1 up to $42 in week 10.',
      ),
    ],
  },
  {
    id: 'tank-fill',
    category: 'arithmetic',
    task: 'An empty tank holds 1,200 litres. Water flows in at 35 litres per minute while it drains out at 11 litres per minute. How many minutes does it take to fill the tank?',
    tools: ['calculator'],
    checker: numeric(50),
    reference: [
      call('The tank gains 35 − 11 litres per minute; divide the capacity by that.', 'calculator', {
        expression: '1200 / (35 - 11)',
      }),
      answer(
        'The calculator returned 50.',
        'It takes **50 minutes**: the tank gains 35 − 11 = 24 litres a minute, and 1200 / 24 = 50.',
      ),
    ],
  },
  {
    id: 'split-bill',
    category: 'arithmetic',
    task: 'Three friends share a restaurant bill of $137.40 and add a 15% tip on the whole bill. If they split the total equally, how much does each friend pay?',
    tools: ['calculator'],
    checker: numeric(52.67, { abs: 0.01 }),
    reference: [
      call('Add 15% to the bill, then divide by three.', 'calculator', { expression: '137.40 * 1.15 / 3' }),
      answer(
        'The calculator returned 52.67.',
        'Each friend pays **$52.67**: the bill with the tip is $158.01, split three ways.',
      ),
    ],
  },
  {
    id: 'train-speed',
    category: 'arithmetic',
    task: 'A train travels 180 km in 2 hours and 15 minutes. What is its average speed in km/h?',
    tools: ['calculator'],
    checker: numeric(80, { abs: 0.05 }),
    reference: [
      call('2 hours 15 minutes is 2 + 15/60 hours; divide the distance by it.', 'calculator', {
        expression: '180 / (2 + 15 / 60)',
      }),
      answer('The calculator returned 80.', 'The average speed is **80 km/h** (180 km in 2.25 hours).'),
    ],
  },
  {
    id: 'chickens-and-cows',
    category: 'arithmetic',
    task: 'A farmer has three times as many chickens as cows. Together the animals have 240 legs. How many cows does the farmer have?',
    tools: ['run_javascript'],
    checker: numeric(24),
    reference: [
      call(
        'With c cows there are 3c chickens and 4c + 2·3c legs. I will search for the c that gives 240 legs.',
        'run_javascript',
        {
          code: 'let cows = 0; for (let c = 1; c <= 240; c++) { if (4 * c + 2 * (3 * c) === 240) cows = c; } cows',
        },
      ),
      answer(
        'The search found c = 24.',
        'The farmer has **24 cows** (and 72 chickens): 24 × 4 + 72 × 2 = 240 legs.',
      ),
    ],
  },
  {
    id: 'multiples-of-3-or-5',
    category: 'arithmetic',
    task: 'Add up every whole number below 1000 that is a multiple of 3 or of 5. What is the total?',
    tools: ['run_javascript'],
    checker: numeric(233168),
    reference: [
      call('A loop from 1 to 999 that adds the multiples of 3 or 5 gives the total.', 'run_javascript', {
        code: 'let sum = 0; for (let n = 1; n < 1000; n++) if (n % 3 === 0 || n % 5 === 0) sum += n; sum',
      }),
      answer('The loop returned 233168.', 'The total is **233,168**.'),
    ],
  },
];
