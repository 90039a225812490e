/**
 * Example tasks for the tiny α-UMi engine: one per kind of task the models were trained on,
 * worded as the training tasks are (scripts/train/README.md). Each names the tool a right
 * solution calls and what the answer must contain; the e2e test runs them on the real models.
 */
export interface TinyExample {
  id: string;
  title: string;
  task: string;
  /** The tool a right solution calls first (none for a give-up). */
  tool?: string;
  /** Text the tool result and the answer contain. */
  expect?: string;
}

export const TINY_EXAMPLES: readonly TinyExample[] = [
  {
    id: 'tiny-multiply',
    title: 'Multiply',
    task: 'What is 4821 * 37?',
    tool: 'calculator',
    expect: '178377',
  },
  {
    id: 'tiny-convert',
    title: 'Miles to km',
    task: 'Convert 26.2 miles to kilometres.',
    tool: 'calculator',
    expect: '42.1648128',
  },
  {
    id: 'tiny-weekday',
    title: 'Weekday of a date',
    task: 'What day of the week was 1969-07-20?',
    tool: 'date_calc',
    expect: 'Sunday',
  },
  {
    id: 'tiny-capital',
    title: 'Capital city',
    task: 'What is the capital of Kenya?',
    tool: 'country_facts',
    expect: 'Nairobi',
  },
  {
    id: 'tiny-words',
    title: 'Count words',
    task: 'Count the words in "The little rabbit finds a golden key under the old bridge."',
    tool: 'text_stats',
    expect: '10',
  },
  {
    id: 'tiny-density',
    title: 'Density (two tools)',
    task: 'What is the population density of Japan?',
    tool: 'country_facts',
  },
  { id: 'tiny-give-up', title: 'Weather (give up)', task: 'What will the weather be in Paris tomorrow?' },
];
