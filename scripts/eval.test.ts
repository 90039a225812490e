import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { alphaUmiFixturePath } from '../app/test-support/fixtures';
import { runEvalCli } from './eval';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const stage2 = alphaUmiFixturePath('raw_data_stage_2.json');
const predictions = alphaUmiFixturePath('static-eval/predictions.json');
const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('npm run eval', () => {
  it('samples: the fixture trajectories give samples.json, with each sample’s tools first', async () => {
    const { code, stdout, stderr } = await runEvalCli(['samples', stage2]);
    expect([code, stderr]).toEqual([0, '']);
    const samples = JSON.parse(stdout) as { tools: unknown; model_input: string; reference: string }[];
    const trajectories = await json(stage2);
    expect(samples.map(({ tools, ...rest }) => rest)).toEqual(
      await json(alphaUmiFixturePath('static-eval/samples.json')),
    );
    expect(Object.keys(samples[0] ?? {})).toEqual(['tools', 'model_input', 'reference']);
    expect(samples[0]?.tools).toEqual(trajectories[0].tools);
  });

  it('score: predictions.json gives reference-metrics.json to 1e-9', async () => {
    const { code, stdout, stderr } = await runEvalCli(['score', predictions]);
    expect([code, stderr]).toEqual([0, '']);
    const metrics = JSON.parse(stdout) as Record<string, number>;
    const expected = (await json(alphaUmiFixturePath('static-eval/reference-metrics.json'))) as Record<
      string,
      number
    >;
    expect(Object.keys(metrics)).toEqual(Object.keys(expected));
    for (const [key, value] of Object.entries(expected))
      expect(Math.abs((metrics[key] ?? Number.NaN) - value)).toBeLessThan(1e-9);
  });

  it('rejects a malformed file on stderr with the record index, printing nothing on stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umi-eval-'));
    const records = await json(predictions);
    records[5].predictions = null;
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(records));
    expect(await runEvalCli(['score', bad])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${bad}: Record [5]: "predictions" must be a string.\n`,
    });
    const trajectories = await json(stage2);
    trajectories[3].conversations[2].from = 'robot';
    await writeFile(bad, JSON.stringify(trajectories));
    const samples = await runEvalCli(['samples', bad]);
    expect(samples).toMatchObject({ code: 1, stdout: '' });
    expect(samples.stderr).toContain('Record [3]: conversations[2].from is "robot"');
    expect(await runEvalCli(['score'])).toMatchObject({ code: 2, stdout: '' });
    expect((await runEvalCli(['score', join(dir, 'missing.json')])).stderr).toContain('Cannot read');
  });

  it('notes on stderr where the reference evaluation would have raised instead of printing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'umi-eval-'));
    const file = join(dir, 'p.json');
    await writeFile(
      file,
      JSON.stringify([
        {
          tools: [],
          reference: 'a\n Next: conclusion.</s>conclusion: Yes.</s>',
          predictions: 'Next: conclusion.</s>conclusion: </s>',
        },
      ]),
    );
    const { code, stdout, stderr } = await runEvalCli(['score', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ rouge: 0, easy_f1: null, hard_f1: null, f1: null });
    expect(stderr).toContain('easy_f1 is null');
    expect(stderr).toContain('1 predicted answer(s) have no sentence');
  });

  it('runs as a real process through tsx, as `npm run eval` does', async () => {
    const run = promisify(execFile);
    const { stdout } = await run('npx', ['tsx', 'scripts/eval.ts', 'score', predictions], { cwd: ROOT });
    expect(JSON.parse(stdout)).toEqual(await json(alphaUmiFixturePath('static-eval/reference-metrics.json')));
    const failed = await run('npx', ['tsx', 'scripts/eval.ts', 'samples', predictions], { cwd: ROOT }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect((failed as { stderr: string }).stderr).toContain('Record [0]: "instruction" must be a string.');
  });
});
