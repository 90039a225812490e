import type { ScriptedTask, ScriptStep } from './render';
import { RUN_JAVASCRIPT_SCRIPTS } from './scripts-sandbox';
import { TOOL_SCRIPTS } from './scripts-tools';

/**
 * Scripts of the example tasks. The model text here is written by us, not generated; the
 * tool results are real (the calculator runs). Unit tests run every script through the real
 * tools and check that each answer states what the tools actually returned.
 */
export const EXAMPLE_SCRIPTS: readonly ScriptedTask[] = [
  {
    id: 'miles-plus-km',
    title: 'Add miles and kilometres',
    task: 'What is 5 miles plus 3 kilometres, in kilometres?',
    tools: ['calculator'],
    steps: [
      {
        thought:
          'The user mixes miles and kilometres. The calculator handles units, so I will ask it to add them in km.',
        call: { name: 'calculator', arguments: { expression: '5 mi + 3 km in km' } },
      },
      {
        thought: 'The calculator returned 11.04672 km, which answers the question.',
        answer: '**5 miles + 3 kilometres = 11.04672 km.**\n\n5 miles is 8.04672 km, plus 3 km.',
      },
    ],
  },
  {
    id: 'shopping-total',
    title: 'Shopping total',
    task: 'I buy 3 notebooks at $4.75 each and 2 pens at $1.20 each. How much do I spend in total?',
    tools: ['calculator'],
    steps: [
      {
        thought: 'I need 3 × 4.75 plus 2 × 1.20. I will let the calculator do the arithmetic.',
        call: { name: 'calculator', arguments: { expression: '3 * 4.75 + 2 * 1.20' } },
      },
      {
        thought: 'The total came back as 16.65.',
        answer: 'You spend **$16.65** in total: $14.25 on notebooks and $2.40 on pens.',
      },
    ],
  },
  {
    id: 'fever-check',
    title: 'Fahrenheit to Celsius',
    task: 'Convert 100 °F to Celsius. Is that a fever?',
    tools: ['calculator'],
    steps: [
      {
        thought: 'First convert 100 degrees Fahrenheit to Celsius with the calculator.',
        call: { name: 'calculator', arguments: { expression: '100 degF to degC' } },
      },
      {
        thought: 'It is about 37.8 °C. A fever is usually 38 °C or more, so I can conclude.',
        answer:
          '100 °F is **about 37.8 °C** (37.777… °C).\n\nThat is slightly above normal body temperature (about 37 °C) but just below the usual fever threshold of 38 °C.',
      },
    ],
  },
  {
    id: 'circle-tiles',
    title: 'Two calculations in a row',
    task: 'What is the area of a circle of radius 3 cm in square millimetres, and how many such circles would cover 1 square metre?',
    tools: ['calculator'],
    steps: [
      {
        thought: 'First the area: pi times the radius squared, converted to mm^2.',
        call: { name: 'calculator', arguments: { expression: 'pi * (3 cm)^2 in mm^2' } },
      },
      {
        thought: 'The area is about 2827.43 mm^2. Now divide one square metre by that area.',
        call: { name: 'calculator', arguments: { expression: '1 m^2 / (pi * (3 cm)^2)' } },
      },
      {
        thought: 'About 353.7 circles fit in a square metre (ignoring the gaps). I have both numbers.',
        answer:
          '- Area of the circle: **≈ 2827.43 mm²** (π × 30² mm²).\n- Circles per square metre: **≈ 353.7** — so about 353 whole circles, ignoring the gaps between them.',
      },
    ],
  },
  {
    id: 'furlong-recovery',
    title: 'Recover from a tool error',
    task: 'How many metres is 7 furlongs?',
    tools: ['calculator'],
    steps: [
      {
        thought: 'I will ask the calculator to convert 7 furlongs to metres directly.',
        call: { name: 'calculator', arguments: { expression: '7 furlong in m' } },
      },
      {
        thought:
          'The calculator does not know the unit "furlong". A furlong is 220 yards, so I will convert 7 × 220 yards instead.',
        call: { name: 'calculator', arguments: { expression: '7 * 220 yd in m' } },
      },
      {
        thought: 'That gives 1408.176 m.',
        answer:
          '7 furlongs is **1408.176 m** (a furlong is 220 yards, and the calculator converted 1540 yd to metres).',
      },
    ],
  },
  {
    id: 'weather-give-up',
    title: 'A task the tools cannot do',
    task: 'What is the weather in Paris right now?',
    tools: [],
    steps: [
      {
        thought:
          'None of the tools can look up live weather, and nothing may leave the device. I cannot answer this, so I give up instead of guessing.',
        giveUp: true,
      },
    ],
  },
  ...TOOL_SCRIPTS,
  ...RUN_JAVASCRIPT_SCRIPTS,
];

/** Used for a task no script matches: the scripted engine says so instead of pretending. */
export const NO_SCRIPT: readonly ScriptStep[] = [
  {
    thought:
      'This is the scripted demo engine, not a language model: it only has scripts for the example tasks, and there is none for this task. Pick an example task, or load a real model to run your own.',
    giveUp: true,
  },
];

function normalise(task: string): string {
  return task.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Scripts of features loaded later, kept out of the first page load: the evaluation suite
 * registers its tasks' scripts when the evaluation lab opens (scripts-suite.ts).
 */
const registered: ScriptedTask[] = [];

export function registerScripts(scripts: readonly ScriptedTask[]): void {
  for (const script of scripts) if (!registered.includes(script)) registered.push(script);
}

export function findScript(
  task: string,
  scripts: readonly ScriptedTask[] = EXAMPLE_SCRIPTS,
): ScriptedTask | undefined {
  const key = normalise(task);
  const found = scripts.find((s) => normalise(s.task) === key);
  // The default engine also plays registered scripts (the suite's tasks), without listing them as examples.
  if (found || scripts !== EXAMPLE_SCRIPTS) return found;
  return registered.find((s) => normalise(s.task) === key);
}
