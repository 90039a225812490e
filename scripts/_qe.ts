import { reportTable, tinyEval } from './tiny-eval';

const r = await tinyEval({
  systems: ['glpft', 'single'],
  staticTasks: 4,
  heldOutTasks: 2,
  suite: false,
  log: console.log,
});
console.log(reportTable(r));
console.log(JSON.stringify(r[0]?.examples.slice(0, 1)));
