import { date, numeric, weekday } from '../checkers';
import type { SuiteTask } from '../types';
import { answer, call } from './steps';

/** Calendar arithmetic with `date_calc`: weekdays, differences, additions, month ends, business days. */
export const CALENDAR_TASKS: readonly SuiteTask[] = [
  {
    id: 'moon-landing-weekday',
    category: 'calendar',
    task: 'On which day of the week was 20 July 1969?',
    tools: ['date_calc'],
    checker: weekday('Sunday'),
    reference: [
      call('date_calc can tell the weekday of 1969-07-20.', 'date_calc', {
        operation: 'weekday',
        date: '1969-07-20',
      }),
      answer('date_calc says it was a Sunday.', '20 July 1969 was a **Sunday**.'),
    ],
  },
  {
    id: 'days-in-2024',
    category: 'calendar',
    task: 'How many days after 1 January 2024 is 31 December 2024?',
    tools: ['date_calc'],
    checker: numeric(365),
    reference: [
      call('The difference between the two dates, in days, answers this.', 'date_calc', {
        operation: 'difference',
        date: '2024-01-01',
        other_date: '2024-12-31',
      }),
      answer('date_calc counts 365 days.', '31 December 2024 is **365 days** after 1 January 2024.'),
    ],
  },
  {
    id: 'hundred-days-later',
    category: 'calendar',
    task: 'What date is 100 days after 1 March 2025?',
    tools: ['date_calc'],
    checker: date('2025-06-09'),
    reference: [
      call('Add 100 days to 2025-03-01 with date_calc.', 'date_calc', {
        operation: 'add',
        date: '2025-03-01',
        amount: 100,
        unit: 'days',
      }),
      answer(
        'date_calc returned 2025-06-09, a Monday.',
        '100 days after 1 March 2025 is **Monday, 9 June 2025** (2025-06-09).',
      ),
    ],
  },
  {
    id: 'new-year-2030',
    category: 'calendar',
    task: 'On which weekday does 1 January 2030 fall?',
    tools: ['date_calc'],
    checker: weekday('Tuesday'),
    reference: [
      call('Ask date_calc for the weekday of 2030-01-01.', 'date_calc', {
        operation: 'weekday',
        date: '2030-01-01',
      }),
      answer('date_calc says Tuesday.', '1 January 2030 falls on a **Tuesday**.'),
    ],
  },
  {
    id: 'june-weekdays',
    category: 'calendar',
    task: 'How many weekdays (Monday to Friday) are there after Monday 2 June 2025, up to and including Monday 30 June 2025?',
    tools: ['date_calc'],
    checker: numeric(20),
    reference: [
      call(
        'date_calc "difference" counts business days after the first date up to and including the second.',
        'date_calc',
        { operation: 'difference', date: '2025-06-02', other_date: '2025-06-30' },
      ),
      answer(
        'date_calc counts 20 business days.',
        'There are **20 weekdays** after 2 June up to and including 30 June 2025 (public holidays are not taken into account).',
      ),
    ],
  },
  {
    id: 'month-after-january-31',
    category: 'calendar',
    task: 'A monthly subscription starts on 31 January 2024. What date is exactly one calendar month later, if a missing day means the last day of that month?',
    tools: ['date_calc'],
    checker: date('2024-02-29'),
    reference: [
      call('date_calc adds calendar months and clamps to the end of a shorter month.', 'date_calc', {
        operation: 'add',
        date: '2024-01-31',
        amount: 1,
        unit: 'months',
      }),
      answer(
        'date_calc returned 2024-02-29.',
        'One month after 31 January 2024 is **Thursday, 29 February 2024** (2024-02-29): February has no 31st, and 2024 is a leap year.',
      ),
    ],
  },
  {
    id: 'age-in-years',
    category: 'calendar',
    task: 'How old, in whole years, is someone born on 15 August 1990 on 14 August 2025?',
    tools: ['date_calc'],
    checker: numeric(34),
    reference: [
      call('The whole years between the birth date and the day asked about are the age.', 'date_calc', {
        operation: 'difference',
        date: '1990-08-15',
        other_date: '2025-08-14',
      }),
      answer(
        'date_calc counts 34 whole years (34 years, 11 months, 30 days).',
        'They are **34 years old**: their birthday is the next day.',
      ),
    ],
  },
  {
    id: 'forty-five-business-days',
    category: 'calendar',
    task: 'What date is 45 business days (Monday to Friday) after Friday 3 October 2025?',
    tools: ['date_calc'],
    checker: date('2025-12-05'),
    reference: [
      call('date_calc can add business days.', 'date_calc', {
        operation: 'add',
        date: '2025-10-03',
        amount: 45,
        unit: 'business_days',
      }),
      answer(
        'date_calc returned 2025-12-05, a Friday.',
        '45 business days after 3 October 2025 is **Friday, 5 December 2025** (2025-12-05), not counting public holidays.',
      ),
    ],
  },
  {
    id: 'day-of-year',
    category: 'calendar',
    task: 'What day of the year is 31 December 2024, counting 1 January as day 1?',
    tools: ['date_calc'],
    checker: numeric(366),
    reference: [
      call('The weekday operation of date_calc also gives the day of the year.', 'date_calc', {
        operation: 'weekday',
        date: '2024-12-31',
      }),
      answer(
        'date_calc says day_of_year is 366.',
        '31 December 2024 is **day 366** of the year (2024 is a leap year).',
      ),
    ],
  },
  {
    id: 'first-quarter-days',
    category: 'calendar',
    task: 'How many days is it from 1 January 2025 to 1 April 2025?',
    tools: ['date_calc'],
    checker: numeric(90),
    reference: [
      call('The difference in days between the two dates.', 'date_calc', {
        operation: 'difference',
        date: '2025-01-01',
        other_date: '2025-04-01',
      }),
      answer('date_calc counts 90 days.', 'From 1 January to 1 April 2025 is **90 days**.'),
    ],
  },
  {
    id: 'thousand-days-before',
    category: 'calendar',
    task: 'What date was 1000 days before 1 January 2025?',
    tools: ['date_calc'],
    checker: date('2022-04-07'),
    reference: [
      call('Subtract 1000 days from 2025-01-01 with date_calc.', 'date_calc', {
        operation: 'subtract',
        date: '2025-01-01',
        amount: 1000,
        unit: 'days',
      }),
      answer(
        'date_calc returned 2022-04-07, a Thursday.',
        '1000 days before 1 January 2025 was **Thursday, 7 April 2022** (2022-04-07).',
      ),
    ],
  },
];
