import type { ScriptedTask } from './render';

/**
 * Example tasks for `run_javascript`, the code interpreter (the paper gives its agent one for
 * GSM8K and MATH). The model text is written by us; the observations are real: the code runs
 * in the QuickJS sandbox, and `scripts-sandbox.test.ts` checks each answer against them.
 */
export const RUN_JAVASCRIPT_SCRIPTS: readonly ScriptedTask[] = [
  {
    id: 'bakery-word-problem',
    title: 'A word problem, solved with code',
    task: 'A bakery bakes 12 trays of 24 cookies. It sells three quarters of the cookies at $0.50 each and gives the rest away. How much money does it make, and how many cookies does it give away?',
    tools: ['run_javascript'],
    steps: [
      {
        thought:
          'This is arithmetic in a few steps: count the cookies, take three quarters as sold, the rest are given away. I will write it as JavaScript so every step is computed, not guessed.',
        call: {
          name: 'run_javascript',
          arguments: {
            code: "const cookies = 12 * 24;\nconst sold = cookies * 3 / 4;\nconsole.log('given away:', cookies - sold);\nsold * 0.5",
          },
        },
      },
      {
        thought: 'The code printed 72 cookies given away and returned 108 dollars of sales.',
        answer:
          'The bakery makes **$108**: it bakes 12 × 24 = 288 cookies and sells 216 of them at $0.50. It gives away the other **72 cookies**.',
      },
    ],
  },
  {
    id: 'first-ten-primes',
    title: 'First 10 primes',
    task: 'What are the first 10 prime numbers, and what is their sum?',
    tools: ['run_javascript'],
    steps: [
      {
        thought:
          'I will generate primes with a small loop: a number is prime when no smaller prime divides it. Then I sum them.',
        call: {
          name: 'run_javascript',
          arguments: {
            code: 'const primes = [];\nfor (let n = 2; primes.length < 10; n++) {\n  if (primes.every((p) => n % p !== 0)) primes.push(n);\n}\n({ primes, sum: primes.reduce((a, b) => a + b, 0) })',
          },
        },
      },
      {
        thought: 'The code returned the ten primes from 2 to 29 and their sum, 129.',
        answer: 'The first 10 primes are **2, 3, 5, 7, 11, 13, 17, 19, 23 and 29**. Their sum is **129**.',
      },
    ],
  },
  {
    id: 'leap-days-recovery',
    title: 'Fix code after an error',
    task: 'How many days are there from 1 January 2024 to 1 March 2024?',
    tools: ['run_javascript'],
    steps: [
      {
        thought: 'I will let JavaScript count the days between the two dates.',
        call: {
          name: 'run_javascript',
          arguments: { code: "Date.daysBetween('2024-01-01', '2024-03-01')" },
        },
      },
      {
        thought:
          'That failed: Date.daysBetween is not a function in JavaScript. I will subtract the two dates as UTC timestamps and divide by the milliseconds in a day instead.',
        call: {
          name: 'run_javascript',
          arguments: { code: '(Date.UTC(2024, 2, 1) - Date.UTC(2024, 0, 1)) / 86400000' },
        },
      },
      {
        thought: 'The difference is 60 days; 2024 is a leap year, so February has 29 days.',
        answer:
          'There are **60 days** from 1 January 2024 to 1 March 2024: 31 days of January plus 29 days of February (2024 is a leap year).',
      },
    ],
  },
];
