/**
 * The α-UMi static evaluation (the paper's Table 1) from the command line:
 *
 *   npm run eval -- samples <stage2.json>       JSON array of {tools, model_input, reference}
 *   npm run eval -- score <predictions.json>    JSON object with the seven metrics
 *   npm run eval -- tiny [--quick]              the four tiny α-UMi systems (scripts/tiny-eval.ts)
 *
 * `samples` builds one sample per planner turn of the stage-2 trajectories, as the α-UMi
 * inference code does; `score` reads `{tools, reference, predictions}` records and computes
 * the metrics as the α-UMi evaluation script does (app/agent/eval/static). A malformed file is
 * rejected on stderr with the record index and the problem, exit code 1, and nothing on stdout.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type CommandResult, samplesCommand, scoreCommand } from '../app/agent/eval/static/commands';

const USAGE =
  'Usage: npm run eval -- samples <stage2.json> | score <predictions.json> | tiny [--quick] [--static=N] [--held-out=N] [--systems=glpft,shared] [--no-suite] [--threads=N] [--out=report.json]';

export async function runEvalCli(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, path, ...extra] = argv;
  if (command === 'tiny') {
    const { tinyEvalCli } = await import('./tiny-eval');
    return { code: 0, stdout: await tinyEvalCli(argv.slice(1)), stderr: '' };
  }
  if ((command !== 'samples' && command !== 'score') || !path || extra.length > 0) {
    return { code: 2, stdout: '', stderr: `${USAGE}\n` };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { code: 1, stdout: '', stderr: `Cannot read ${path}: ${(error as Error).message}\n` };
  }
  const result: CommandResult = command === 'samples' ? samplesCommand(text) : scoreCommand(text);
  if (!result.ok) return { code: 1, stdout: '', stderr: `${path}: ${result.message}\n` };
  return { code: 0, stdout: result.stdout, stderr: result.notes.map((note) => `note: ${note}\n`).join('') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { code, stdout, stderr } = await runEvalCli(process.argv.slice(2));
  if (stderr) process.stderr.write(stderr);
  // Large outputs (a 400-trajectory test file gives megabytes): wait until stdout has them all.
  if (stdout) await new Promise<void>((resolve) => process.stdout.write(stdout, () => resolve()));
  process.exitCode = code;
}
