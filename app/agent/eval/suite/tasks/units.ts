import { numeric } from '../checkers';
import type { SuiteTask } from '../types';
import { answer, call } from './steps';

/**
 * Unit conversions with the `calculator` (mathjs units). Tolerances allow the usual
 * rounding of an answer (about 0.1%), not a different unit definition: a US cup is
 * 236.59 mL, not the metric 250 mL.
 */
export const UNIT_TASKS: readonly SuiteTask[] = [
  {
    id: 'marathon-km',
    category: 'units',
    task: 'A marathon is 26.2 miles. How many kilometres is that?',
    tools: ['calculator'],
    checker: numeric(42.1648128, { rel: 0.001 }),
    reference: [
      call('The calculator converts miles to kilometres.', 'calculator', { expression: '26.2 mi in km' }),
      answer('The calculator returned 42.1648128 km.', '26.2 miles is **42.1648128 km** (about 42.16 km).'),
    ],
  },
  {
    id: 'fahrenheit-72',
    category: 'units',
    task: 'Convert 72 °F to degrees Celsius.',
    tools: ['calculator'],
    checker: numeric(22.2222222, { abs: 0.05 }),
    reference: [
      call('The calculator knows degF and degC.', 'calculator', { expression: '72 degF to degC' }),
      answer('The calculator returned 22.222222222222 degC.', '72 °F is **about 22.2 °C** (22.222… °C).'),
    ],
  },
  {
    id: 'gallons-litres',
    category: 'units',
    task: 'How many litres are there in 5 US gallons?',
    tools: ['calculator'],
    checker: numeric(18.92705892, { rel: 0.001 }),
    reference: [
      call('mathjs "gal" is the US liquid gallon; convert 5 of them to litres.', 'calculator', {
        expression: '5 gal in L',
      }),
      answer(
        'The calculator returned 18.92705892 L.',
        '5 US gallons is **18.92705892 litres** (about 18.93 L).',
      ),
    ],
  },
  {
    id: 'room-square-feet',
    category: 'units',
    task: 'A room is 4.2 m long and 3.5 m wide. What is its floor area in square feet?',
    tools: ['calculator'],
    checker: numeric(158.22948312563, { rel: 0.001 }),
    reference: [
      call('Multiply the two lengths and convert the area to square feet.', 'calculator', {
        expression: '4.2 m * 3.5 m in ft^2',
      }),
      answer(
        'The calculator returned 158.22948312563 ft^2.',
        'The floor area is **about 158.23 square feet** (14.7 m²).',
      ),
    ],
  },
  {
    id: 'hours-to-seconds',
    category: 'units',
    task: 'How many seconds are there in 3.5 hours?',
    tools: ['calculator'],
    checker: numeric(12600),
    reference: [
      call('Convert 3.5 hours to seconds.', 'calculator', { expression: '3.5 h in s' }),
      answer('The calculator returned 12600 s.', '3.5 hours is **12,600 seconds**.'),
    ],
  },
  {
    id: 'fuel-economy',
    category: 'units',
    task: 'A car uses 6.5 litres of fuel per 100 km. What is that in miles per US gallon?',
    tools: ['calculator'],
    checker: numeric(36.186858974359, { rel: 0.002 }),
    reference: [
      call(
        'Distance per volume is the inverse of 6.5 L per 100 km; the calculator can express it in mi/gal.',
        'calculator',
        { expression: '1 / (6.5 L / 100 km) in mi / gal' },
      ),
      answer(
        'The calculator returned 36.186858974359 mi / gal.',
        '6.5 L/100 km is **about 36.19 miles per US gallon**.',
      ),
    ],
  },
  {
    id: 'everest-feet',
    category: 'units',
    task: 'Mount Everest is 8,849 metres high. How high is it in feet?',
    tools: ['calculator'],
    checker: numeric(29032.152230971, { abs: 1 }),
    reference: [
      call('Convert 8849 metres to feet.', 'calculator', { expression: '8849 m in ft' }),
      answer(
        'The calculator returned 29032.152230971 ft.',
        'Mount Everest is **about 29,032 feet** high (29032.15 ft).',
      ),
    ],
  },
  {
    id: 'pounds-kilograms',
    category: 'units',
    task: 'How many kilograms is 154 pounds?',
    tools: ['calculator'],
    checker: numeric(69.85322498, { abs: 0.01 }),
    reference: [
      call('Convert pounds (lb) to kilograms.', 'calculator', { expression: '154 lb in kg' }),
      answer('The calculator returned 69.85322498 kg.', '154 pounds is **69.85 kg** (69.85322498 kg).'),
    ],
  },
  {
    id: 'cups-millilitres',
    category: 'units',
    task: 'A recipe needs 2.5 US cups of milk. How many millilitres is that?',
    tools: ['calculator'],
    checker: numeric(591.47059125, { abs: 0.5 }),
    reference: [
      call('mathjs "cup" is the US cup; convert 2.5 cups to millilitres.', 'calculator', {
        expression: '2.5 cup in mL',
      }),
      answer(
        'The calculator returned 591.47059125 mL.',
        '2.5 US cups is **about 591.5 mL** (591.47059125 mL).',
      ),
    ],
  },
  {
    id: 'kmh-to-ms',
    category: 'units',
    task: 'What is 100 km/h in metres per second?',
    tools: ['calculator'],
    checker: numeric(27.777777777778, { abs: 0.01 }),
    reference: [
      call('Convert the speed from km/h to m/s.', 'calculator', { expression: '100 km/h in m/s' }),
      answer(
        'The calculator returned 27.777777777778 m / s.',
        '100 km/h is **about 27.78 m/s** (27.777… m/s).',
      ),
    ],
  },
  {
    id: 'acre-square-metres',
    category: 'units',
    task: 'How many square metres are there in one acre?',
    tools: ['calculator'],
    // mathjs defines the acre as 4046.86 m² (exactly 4046.8564224): both are right.
    checker: numeric(4046.86, { abs: 0.5 }),
    reference: [
      call('Convert one acre to square metres.', 'calculator', { expression: '1 acre in m^2' }),
      answer(
        'The calculator returned 4046.86 m^2.',
        'One acre is **4046.86 m²** (about 4,047 square metres).',
      ),
    ],
  },
];
