import type { ScriptedTask } from './render';

/**
 * Example tasks for the date_calc, country_facts and text_stats tools. As in scripts.ts, the
 * model text is written by us and the tool results are real: scripts.test.ts runs every
 * call through the real tools and checks each answer against what they returned.
 */

const FOX_TEXT = 'The quick brown fox jumps over the lazy dog. The dog sleeps. The fox runs away!';
const CAT_TEXT = 'There is the cat, and there is the other cat. The cat wins.';

export const TOOL_SCRIPTS: readonly ScriptedTask[] = [
  {
    id: 'days-until-christmas',
    title: 'Days between dates',
    task: 'How many days are there from 2025-03-14 to Christmas Day 2025? How many of them are working days?',
    tools: ['date_calc'],
    steps: [
      {
        thought:
          'Christmas Day 2025 is 2025-12-25. date_calc can give the difference, including business days.',
        call: {
          name: 'date_calc',
          arguments: { operation: 'difference', date: '2025-03-14', other_date: '2025-12-25' },
        },
      },
      {
        thought: 'The difference is 286 days, of which 204 are Monday to Friday.',
        answer:
          'From 2025-03-14 to 2025-12-25 there are **286 days** (40 weeks and 6 days, or 9 months and 11 days).\n\n' +
          '**204** of them are working days (Monday to Friday, counting Christmas Day itself; public holidays are not taken into account).',
      },
    ],
  },
  {
    id: 'trial-end-date',
    title: 'Date in 90 days',
    task: 'A 90-day trial starts on 2025-01-15. On what date, and on which weekday, does it end?',
    tools: ['date_calc'],
    steps: [
      {
        thought: 'I need the date 90 days after 2025-01-15 and its weekday: date_calc with operation "add".',
        call: {
          name: 'date_calc',
          arguments: { operation: 'add', date: '2025-01-15', amount: 90, unit: 'days' },
        },
      },
      {
        thought: 'date_calc says 2025-04-15, a Tuesday.',
        answer: 'The trial ends on **Tuesday, 15 April 2025** (2025-04-15), 90 days after 2025-01-15.',
      },
    ],
  },
  {
    id: 'leap-day',
    title: 'A date that does not exist',
    task: 'On which weekday was 29 February 2023?',
    tools: ['date_calc'],
    steps: [
      {
        thought: 'I will ask date_calc for the weekday of 2023-02-29.',
        call: { name: 'date_calc', arguments: { operation: 'weekday', date: '2023-02-29' } },
      },
      {
        thought:
          'date_calc says 2023-02-29 is not a valid date: February 2023 has only 28 days. The nearest leap day is 2024-02-29; I will look that up so the answer is still useful.',
        call: { name: 'date_calc', arguments: { operation: 'weekday', date: '2024-02-29' } },
      },
      {
        thought: '2024-02-29 was a Thursday. I can explain both facts.',
        answer:
          'There was no 29 February 2023: 2023 was not a leap year, so February 2023 had only 28 days.\n\n' +
          'The nearest leap day, **29 February 2024, was a Thursday**.',
      },
    ],
  },
  {
    id: 'capital-currency',
    title: 'Capital and currency',
    task: 'What is the capital of Australia, and which currency is used there?',
    tools: ['country_facts'],
    steps: [
      {
        thought: 'country_facts knows capitals and currencies. I will look up Australia.',
        call: { name: 'country_facts', arguments: { country: 'Australia' } },
      },
      {
        thought: 'The capital is Canberra and the currency is the Australian dollar (AUD).',
        answer:
          'The capital of Australia is **Canberra**, and the currency is the **Australian dollar** (AUD, $).',
      },
    ],
  },
  {
    id: 'misspelled-country',
    title: 'Misspelled country',
    task: 'Which languages are spoken in Swizerland?',
    tools: ['country_facts'],
    steps: [
      {
        thought: 'I will ask country_facts for the languages, passing the name as the user wrote it.',
        call: { name: 'country_facts', arguments: { country: 'Swizerland', field: 'languages' } },
      },
      {
        thought: 'The tool matched "Swizerland" to Switzerland and listed four languages.',
        answer:
          'Switzerland ("Swizerland" is a misspelling) has four national languages: **German** (Swiss German), **French**, **Italian** and **Romansh**.',
      },
    ],
  },
  {
    id: 'population-density',
    title: 'Population density',
    task: 'What is the population density of Japan, in people per km²?',
    tools: ['country_facts', 'calculator'],
    steps: [
      {
        thought: 'Density is population divided by area. country_facts gives both for Japan.',
        call: { name: 'country_facts', arguments: { country: 'Japan' } },
      },
      {
        thought: 'Japan has 126529100 people on 377930 km². I will divide with the calculator.',
        call: { name: 'calculator', arguments: { expression: '126529100 / 377930' } },
      },
      {
        thought: 'About 334.8 people per km². I have the answer.',
        answer:
          'Japan has about **335 people per km²** (334.8): a population of 126,529,100 (about 2018) on 377,930 km².',
      },
    ],
  },
  {
    id: 'count-words',
    title: 'Count words',
    task: `Count the words and sentences in this text, and tell me the most frequent word: "${FOX_TEXT}"`,
    tools: ['text_stats'],
    steps: [
      {
        thought:
          'text_stats counts words and sentences and lists the most frequent words. I pass the quoted text.',
        call: { name: 'text_stats', arguments: { text: FOX_TEXT, top: 3 } },
      },
      {
        thought: 'The text has 16 words and 3 sentences; "the" is the most frequent word, 4 times.',
        answer:
          'The text has **16 words** in **3 sentences**.\n\nThe most frequent word is **"the"** (4 times), followed by "fox" and "dog" (2 times each).',
      },
    ],
  },
  {
    id: 'count-a-word',
    title: 'Count one word',
    task: `How many times does the word "the" appear in this text (not counting "there")? "${CAT_TEXT}"`,
    tools: ['text_stats'],
    steps: [
      {
        thought:
          'I need whole-word matches of "the", any case, so "There" and "there" do not count: text_stats with count_of and whole_words.',
        call: { name: 'text_stats', arguments: { text: CAT_TEXT, count_of: 'the', whole_words: true } },
      },
      {
        thought: 'text_stats found 3 whole-word occurrences.',
        answer:
          'The word "the" appears **3 times** as a whole word ("the cat", "the other cat", "The cat"); the two "there"s are not counted.',
      },
    ],
  },
];
