import { runAgent } from '../app/agent/orchestrator';
import { applyEvent, startTrace, type Trace } from '../app/agent/trace';
import type { Role, RoleModel } from '../app/agent/types';
import { DecoderRoleModel } from '../app/llm/tiny/decoder-model';
import { TINY_EXAMPLES } from '../app/llm/tiny/examples';
import { nodeTinyDecoder } from './tiny-node';
import { tinyToolRunner } from './tiny-tools';

const make = async (role: Role) =>
  new DecoderRoleModel(`tiny-glpft-${role}`, role, await nodeTinyDecoder('glpft', role));
const models: Partial<Record<Role, RoleModel>> = {
  planner: await make('planner'),
  caller: await make('caller'),
  summarizer: await make('summarizer'),
};
const extra = process.argv.slice(2);
for (const task of [...TINY_EXAMPLES.map((e) => e.task), ...extra]) {
  let trace: Trace | undefined;
  for await (const ev of runAgent({
    task,
    mode: 'multi',
    dialect: 'alpha-umi',
    models,
    tools: tinyToolRunner().runner,
    maxSteps: 6,
  })) {
    trace = ev.type === 'run_started' ? startTrace(ev) : trace && applyEvent(trace, ev);
  }
  console.log('\n#', task, '→', trace?.outcome, JSON.stringify(trace?.answer));
  for (const s of trace?.steps ?? [])
    console.log(
      '  ',
      s.role,
      JSON.stringify(s.raw).slice(0, 140),
      s.tool ? `→ ${JSON.stringify(s.tool.observation)?.slice(0, 80)}` : '',
    );
}
