/**
 * Static-evaluation CLI benchmark: how long `npm run eval -- samples` and `-- score` take on a
 * 400-trajectory test file (the size of a ToolBench test group).
 *
 *   npx tsx scripts/bench-eval.ts [--trajectories 400] [--repeats 5]
 *
 * The files are built by repeating the fixture (raw_data_stage_2.json: 20 trajectories,
 * 79 samples; predictions.json: 79 records, scaled to the samples of the same trajectory
 * count) and written to a temporary folder. Timed through the CLI code path (`runEvalCli`:
 * read, validate, build or score, serialise), in process (median of the repeats) and once as
 * a real `tsx` process (startup included). Prints a table and the numbers as JSON.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { alphaUmiFixturePath } from '../app/test-support/fixtures';
import { runEvalCli } from './eval';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOAL_MS = 5000; // "handle a 400-trajectory file in seconds"

function parseArgs(argv: readonly string[]) {
  const args = { trajectories: 400, repeats: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number.parseInt(argv[i + 1] ?? '', 10);
    if (argv[i] === '--trajectories' && value > 0) args.trajectories = value;
    if (argv[i] === '--repeats' && value > 0) args.repeats = value;
  }
  return args;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const repeatTo = <T>(items: readonly T[], count: number): T[] =>
  Array.from({ length: count }, (_, i) => items[i % items.length] as T);

async function main() {
  const { trajectories, repeats } = parseArgs(process.argv.slice(2));
  const source = JSON.parse(
    await readFile(alphaUmiFixturePath('raw_data_stage_2.json'), 'utf8'),
  ) as unknown[];
  const predictions = JSON.parse(
    await readFile(alphaUmiFixturePath('static-eval/predictions.json'), 'utf8'),
  ) as unknown[];
  const dir = await mkdtemp(join(tmpdir(), 'umi-bench-eval-'));
  try {
    const testFile = join(dir, `stage2-${trajectories}.json`);
    await writeFile(testFile, JSON.stringify(repeatTo(source, trajectories)));
    // The same number of samples as the test file gives (79 per 20 trajectories, rounded).
    const first = await runEvalCli(['samples', testFile]);
    if (first.code !== 0) throw new Error(first.stderr);
    const sampleCount = (JSON.parse(first.stdout) as unknown[]).length;
    const predictionsFile = join(dir, `predictions-${sampleCount}.json`);
    await writeFile(predictionsFile, JSON.stringify(repeatTo(predictions, sampleCount)));

    const rows: {
      command: string;
      input: string;
      outputBytes: number;
      medianMs: number;
      processMs: number;
    }[] = [];
    for (const [command, file, input] of [
      ['samples', testFile, `${trajectories} trajectories`],
      ['score', predictionsFile, `${sampleCount} records`],
    ] as const) {
      const times: number[] = [];
      let outputBytes = 0;
      for (let i = 0; i < repeats; i++) {
        const started = performance.now();
        const result = await runEvalCli([command, file]);
        times.push(performance.now() - started);
        if (result.code !== 0) throw new Error(result.stderr);
        outputBytes = Buffer.byteLength(result.stdout);
      }
      const started = performance.now();
      await promisify(execFile)('npx', ['tsx', 'scripts/eval.ts', command, file], {
        cwd: ROOT,
        maxBuffer: 1 << 30,
      });
      const processMs = performance.now() - started;
      rows.push({ command, input, outputBytes, medianMs: median(times), processMs });
    }

    console.log(`Static evaluation CLI, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'})`);
    console.log('| command | input | output | in process (median) | as a process (tsx) | goal |');
    console.log('|---|---|---|---|---|---|');
    for (const row of rows) {
      console.log(
        `| ${row.command} | ${row.input} | ${(row.outputBytes / 2 ** 20).toFixed(1)} MiB | ${row.medianMs.toFixed(0)} ms | ${row.processMs.toFixed(0)} ms | < ${GOAL_MS} ms ${row.processMs < GOAL_MS ? 'met' : 'MISSED'} |`,
      );
    }
    console.log(JSON.stringify({ trajectories, samples: sampleCount, rows }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
