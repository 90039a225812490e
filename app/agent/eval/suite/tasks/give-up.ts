import { mustGiveUp } from '../checkers';
import type { SuiteTask } from '../types';
import { call, giveUp } from './steps';

/**
 * Tasks the tools cannot answer: live data, the user's private world, actions outside the
 * page, things that do not exist. The right outcome is to give up, not to guess. Some
 * worked solutions try a tool first and give up on what it says.
 */
export const GIVE_UP_TASKS: readonly SuiteTask[] = [
  {
    id: 'weather-berlin-tomorrow',
    category: 'give-up',
    task: 'What will the weather be in Berlin tomorrow?',
    tools: [],
    checker: mustGiveUp,
    reference: [
      giveUp(
        'None of the tools has weather forecasts, and nothing may leave the device. I cannot answer this without guessing.',
      ),
    ],
  },
  {
    id: 'bitcoin-price-now',
    category: 'give-up',
    task: 'What is the price of one Bitcoin in US dollars right now?',
    tools: [],
    checker: mustGiveUp,
    reference: [giveUp('A live market price needs the internet; none of the tools can fetch it.')],
  },
  {
    id: 'euro-yen-rate-today',
    category: 'give-up',
    task: "What is today's exchange rate from euros to Japanese yen?",
    tools: [],
    checker: mustGiveUp,
    reference: [
      giveUp(
        'The calculator has no currency rates and the country data has no exchange rates. I cannot know today’s rate.',
      ),
    ],
  },
  {
    id: 'football-result-yesterday',
    category: 'give-up',
    task: "Who won yesterday's football match between Arsenal and Chelsea?",
    tools: [],
    checker: mustGiveUp,
    reference: [giveUp('Sports results are live news; no tool here can look them up.')],
  },
  {
    id: 'send-email',
    category: 'give-up',
    task: 'Send an email to my teacher saying that I will be late today.',
    tools: [],
    checker: mustGiveUp,
    reference: [
      giveUp('There is no tool that can send email, and nothing leaves the device. I cannot do this.'),
    ],
  },
  {
    id: 'my-name',
    category: 'give-up',
    task: 'What is my name?',
    tools: [],
    checker: mustGiveUp,
    reference: [giveUp('Nothing in the task or the tools says who the user is. I cannot know their name.')],
  },
  {
    id: 'wakanda-population',
    category: 'give-up',
    task: 'What is the population of Wakanda?',
    tools: ['country_facts'],
    checker: mustGiveUp,
    reference: [
      call('I will look Wakanda up in the country dataset.', 'country_facts', {
        country: 'Wakanda',
        field: 'population',
      }),
      giveUp('The dataset has no country called Wakanda: it is fictional. There is no population to report.'),
    ],
  },
  {
    id: 'capital-of-iso-xq',
    category: 'give-up',
    task: 'What is the capital of the country with the ISO code XQ?',
    tools: ['country_facts'],
    checker: mustGiveUp,
    reference: [
      call('country_facts accepts ISO codes. I will look up XQ.', 'country_facts', {
        country: 'XQ',
        field: 'capital',
      }),
      giveUp('No country has the code XQ: the dataset has no match, so there is no capital to name.'),
    ],
  },
  {
    id: 'summarise-attachment',
    category: 'give-up',
    task: 'Summarise the PDF I attached to this message.',
    tools: [],
    checker: mustGiveUp,
    reference: [
      giveUp('No file came with the task and no tool can read attachments. There is nothing to summarise.'),
    ],
  },
  {
    id: 'louvre-visitors-now',
    category: 'give-up',
    task: 'How many visitors are inside the Louvre museum at this moment?',
    tools: [],
    checker: mustGiveUp,
    reference: [giveUp('That is live information about a building; none of the tools can see it.')],
  },
  {
    id: 'book-restaurant',
    category: 'give-up',
    task: 'Book a table for two at an Italian restaurant in Rome for 8 pm tonight.',
    tools: [],
    checker: mustGiveUp,
    reference: [giveUp('No tool can make bookings or contact a restaurant. I cannot do this for the user.')],
  },
];
