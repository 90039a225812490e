/**
 * Writes the tiny α-UMi training data: `npm run train:data [-- --out dir --train N --test N]`.
 * Train and test trajectories (stage-2 JSON), the per-role GLPFT pairs as JSONL, and a
 * manifest with counts and the data hash. scripts/train/train.py reads the directory.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateTrajectories, type Split, trainingPairs } from '../app/agent/eval/generator';
import { toJsonl } from '../app/agent/export/glpft';
import { TINY_TOOL_DOCS, tinyToolRunner } from './tiny-tools';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'scripts/train/data' },
    train: { type: 'string', default: '24000' },
    test: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '11' },
  },
});
const out = values.out as string;
mkdirSync(out, { recursive: true });
const { runner, tools } = tinyToolRunner();
const hash = createHash('sha256');
const manifest: Record<string, unknown> = { seed: Number(values.seed), toolDocs: TINY_TOOL_DOCS };
const started = Date.now();

for (const split of ['train', 'test'] as Split[]) {
  const count = Number(values[split]);
  const trajectories = await generateTrajectories({
    seed: Number(values.seed),
    count,
    split,
    runner,
    tools,
  });
  const stage2 = JSON.stringify(trajectories);
  writeFileSync(join(out, `${split}-stage2.json`), stage2);
  hash.update(stage2);
  const pairs = trainingPairs(trajectories, TINY_TOOL_DOCS);
  const counts: Record<string, number> = { trajectories: trajectories.length };
  for (const [role, list] of Object.entries(pairs)) {
    writeFileSync(join(out, `${split}-${role}.jsonl`), toJsonl(list));
    counts[role] = list.length;
  }
  manifest[split] = counts;
  console.log(split, counts);
}
manifest.sha256 = hash.digest('hex').slice(0, 16);
manifest.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(manifest);
