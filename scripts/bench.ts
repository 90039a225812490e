/**
 * `npm run bench`: every benchmark of the performance budget, one after another (the machine
 * has 2 cores: nothing runs in parallel), then ONE table — figure | goal | measured | pass —
 * and bench-results/summary.json. Needs the build (`npm run bench` builds first; UMI_DIST
 * picks another build folder). Each part also writes its own JSON in bench-results/.
 *
 *   core       scripts/bench-core.ts       orchestrator overhead, re-read prompt ratio (Node)
 *   page       scripts/bench-page.ts       initial JS, load to interactive, worker boundary
 *   sandbox    scripts/bench-sandbox.ts    QuickJS sandbox cold/warm/recovery
 *   streaming  scripts/bench-streaming.ts  tokens/s through worker → store → DOM
 *   eval       scripts/bench-eval.ts       static-evaluation CLI on 400 trajectories
 *   tiny       scripts/bench-tiny.ts       tiny α-UMi decode (browser vs onnxruntime-node), multi run
 *   history    scripts/bench-history.ts    Saved runs with 2 000 long runs: list ready, longest tasks
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = `${ROOT}bench-results/`;

export interface Row {
  figure: string;
  goal: string;
  measured: string;
  /** undefined: not measured (the reason is in `measured`). */
  pass: boolean | undefined;
}

async function run(script: string): Promise<{ ok: boolean; stdout: string; error?: string }> {
  process.stdout.write(`… ${script}\n`);
  try {
    const { stdout } = await promisify(execFile)(`${ROOT}node_modules/.bin/tsx`, [script], {
      cwd: ROOT,
      env: process.env,
      maxBuffer: 1 << 26,
      timeout: 600_000,
    });
    return { ok: true, stdout };
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    return { ok: false, stdout: '', error: (e.stderr || e.message).trim().split('\n').slice(-3).join(' ') };
  }
}

async function json(name: string): Promise<Record<string, unknown> | undefined> {
  const path = `${RESULTS}${name}`;
  return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>) : undefined;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const missing = (figure: string, goal: string, why: string): Row => ({
  figure,
  goal,
  measured: `not measured: ${why}`,
  pass: undefined,
});

// biome-ignore lint/suspicious/noExplicitAny: each part's JSON is read by the shape its script writes
type Any = any;

export function coreRows(core: Any): Row[] {
  const rows: Row[] = [
    {
      figure: 'orchestrator overhead per planner turn (zero-latency engine, no-op tool)',
      goal: '< 0.5 ms',
      measured: `${fmt(core.orchestratorOverhead.medianMsPerTurn, 3)} ms`,
      pass: core.orchestratorOverhead.medianMsPerTurn < 0.5,
    },
  ];
  for (const role of ['planner', 'caller', 'summarizer']) {
    const chat = core.rereadRatio.chat[role];
    rows.push({
      figure: `re-read prompt ratio, ${role}, 6-step run, chat (alpha-umi on the same run)`,
      goal: '≤ 1.3',
      measured: `${chat} (alpha-umi ${core.rereadRatio.alphaUmi[role]})`,
      pass: chat <= 1.3,
    });
  }
  return rows;
}

export function pageRows(page: Any): Row[] {
  return [
    {
      figure: 'worker boundary overhead per streamed token (amortised)',
      goal: '< 0.05 ms',
      measured: `${fmt(page.boundary.perTokenMs, 4)} ms`,
      pass: page.boundary.perTokenMs < 0.05,
    },
    {
      figure: 'initial JavaScript (gzip; no worker chunks, no wasm)',
      goal: '< 150 KB',
      measured: `${fmt(page.initialJs.totalGzipKb)} KB`,
      pass: page.initialJs.totalGzipKb < 150,
    },
    {
      figure: 'WebLLM code only inside workers',
      goal: 'yes',
      measured:
        page.initialJs.webllmOnMainThread.length === 0 ? 'yes' : page.initialJs.webllmOnMainThread.join(' '),
      pass: page.initialJs.webllmOnMainThread.length === 0 && page.initialJs.webllmChunks.length > 0,
    },
    {
      figure: 'page load to interactive (headless Chromium, vite preview, cold cache)',
      goal: '< 1000 ms',
      measured: `${page.interactiveMs.median} ms`,
      pass: page.interactiveMs.median < 1000,
    },
  ];
}

export function streamingRows(s: Any): Row[] {
  return [
    {
      figure: 'streaming: tokens/s rendered (worker → store → DOM)',
      goal: '≥ 2000',
      measured: `${s.medianTokensPerSecond}`,
      pass: s.medianTokensPerSecond >= s.goals.tokensPerSecond,
    },
    {
      figure: 'streaming: longest main-thread task',
      goal: '≤ 50 ms',
      measured: s.longestTaskMs > 0 ? `${s.longestTaskMs} ms` : 'none over 50 ms',
      pass: s.longestTaskMs <= s.goals.longestTaskMs,
    },
  ];
}

export function sandboxRows(s: Any): Row[] {
  return [
    ['sandbox: cold start (first call after load)', s.coldStartMs.median, s.goals.coldMs],
    ['sandbox: warm round trip (median)', s.warmRoundTripMs.median, s.goals.warmMedianMs],
    [
      'sandbox: recovery after a runaway loop (interrupt)',
      s.recoveryInterruptMs.medianFromLimit,
      s.goals.recoveryMs,
    ],
    [
      'sandbox: recovery after a stuck native call (watchdog)',
      s.recoveryWatchdogMs.medianFromLimit,
      s.goals.recoveryMs,
    ],
  ].map(([figure, value, goal]) => ({
    figure: String(figure),
    goal: `< ${goal} ms`,
    measured: `${fmt(Number(value))} ms`,
    pass: Number(value) < Number(goal),
  }));
}

export function evalRows(e: Any): Row[] {
  return (e.rows as Any[]).map((row) => ({
    figure: `static eval CLI: ${row.command} (${row.input}, as a process)`,
    goal: '< 5000 ms',
    measured: `${fmt(row.processMs, 0)} ms`,
    pass: row.processMs < 5000,
  }));
}

export function tinyRows(t: Any): Row[] {
  return [
    {
      figure: `tiny α-UMi decode, browser (onnxruntime-web wasm, 1 thread) vs onnxruntime-node (1 thread), ${t.model}`,
      goal: '≥ 80 % of native',
      measured: `${fmt(t.browser.decodeTokensPerSecond, 0)} vs ${fmt(t.node.threads1.decodeTokensPerSecond, 0)} tok/s (${fmt(t.browserVsNative * 100, 0)} %; node 2 threads ${fmt(t.node.threads2.decodeTokensPerSecond, 0)})`,
      pass: t.browserVsNative >= t.goals.browserVsNative,
    },
    {
      figure: `tiny α-UMi full multi run of "${t.multiRun.task}" in the page (models loaded)`,
      goal: '< 1000 ms',
      measured: `${fmt(t.multiRun.browserMs, 0)} ms, ${t.multiRun.browserOutcome} (Node, 2 threads: ${fmt(t.multiRun.nodeMs2Threads, 0)} ms)`,
      pass: t.multiRun.browserMs < t.goals.multiRunMs,
    },
  ];
}

export function historyRows(h: Any): Row[] {
  const task = (ms: number) => (ms > 0 ? `${ms} ms` : 'none over 50 ms');
  const at = `${h.runs} saved runs of ${h.traceKb} KB`;
  return [
    {
      figure: `saved runs: list ready (page start → first ${h.loads[0]?.rows ?? 50} runs listed), ${at}`,
      goal: `≤ ${h.goals.listReadyMs} ms`,
      measured: `${fmt(h.listReadyMs, 0)} ms (on screen ${fmt(h.listReadyFromPaintMs, 0)} ms after first paint)`,
      pass: h.listReadyMs <= h.goals.listReadyMs,
    },
    {
      figure: `saved runs: longest main-thread task while the list loads, ${at}`,
      goal: `≤ ${h.goals.longestTaskMs} ms`,
      measured: task(h.longestTaskAtListMs),
      pass: h.longestTaskAtListMs <= h.goals.longestTaskMs,
    },
    {
      figure: `saved runs: longest main-thread task at a run's end (save + list refresh), ${at}`,
      goal: `≤ ${h.goals.longestTaskMs} ms`,
      measured: task(h.longestTaskAtRunEndMs),
      pass: h.longestTaskAtRunEndMs <= h.goals.longestTaskMs,
    },
  ];
}

/** bench-eval prints its numbers as JSON on its last line (bench-results/eval.json if it writes one). */
function lastJsonLine(stdout: string): Any {
  const line = stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  return line ? JSON.parse(line) : undefined;
}

export function table(rows: readonly Row[]): string {
  const lines = ['| figure | goal | measured | pass |', '|---|---|---|---|'];
  for (const r of rows)
    lines.push(
      `| ${r.figure} | ${r.goal} | ${r.measured} | ${r.pass === undefined ? '—' : r.pass ? 'yes' : 'NO'} |`,
    );
  return lines.join('\n');
}

async function main(): Promise<void> {
  await mkdir(RESULTS, { recursive: true });
  const rows: Row[] = [];
  const core = await run('scripts/bench-core.ts');
  const coreJson = core.ok ? await json('core.json') : undefined;
  rows.push(...(coreJson ? coreRows(coreJson) : [missing('agent core', '', core.error ?? 'no result')]));

  const page = await run('scripts/bench-page.ts');
  const pageJson = page.ok ? await json('page.json') : undefined;
  rows.push(...(pageJson ? pageRows(pageJson) : [missing('page', '', page.error ?? 'no result')]));

  const streaming = await run('scripts/bench-streaming.ts');
  const streamingJson = streaming.ok ? await json('streaming.json') : undefined;
  rows.push(
    ...(streamingJson
      ? streamingRows(streamingJson)
      : [missing('streaming', '', streaming.error ?? 'no result')]),
  );

  const sandbox = await run('scripts/bench-sandbox.ts');
  const sandboxJson = sandbox.ok ? await json('sandbox.json') : undefined;
  rows.push(
    ...(sandboxJson ? sandboxRows(sandboxJson) : [missing('sandbox', '', sandbox.error ?? 'no result')]),
  );

  if (existsSync(`${ROOT}scripts/bench-eval.ts`)) {
    const evalRun = await run('scripts/bench-eval.ts');
    const evalJson = (await json('eval.json')) ?? (evalRun.ok ? lastJsonLine(evalRun.stdout) : undefined);
    rows.push(
      ...(evalJson
        ? evalRows(evalJson)
        : [missing('static eval CLI', '< 5000 ms', evalRun.error ?? 'no JSON')]),
    );
  } else {
    rows.push(missing('static eval CLI', '< 5000 ms', 'scripts/bench-eval.ts does not exist'));
  }

  const tiny = await run('scripts/bench-tiny.ts');
  const tinyJson = tiny.ok ? await json('tiny.json') : undefined;
  rows.push(...(tinyJson ? tinyRows(tinyJson) : [missing('tiny α-UMi', '', tiny.error ?? 'no result')]));

  const history = await run('scripts/bench-history.ts');
  const historyJson = history.ok ? await json('history.json') : undefined;
  rows.push(
    ...(historyJson ? historyRows(historyJson) : [missing('saved runs', '', history.error ?? 'no result')]),
  );

  const summary = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    rows,
    allPass: rows.every((r) => r.pass === true),
  };
  console.log(`\nPerformance budget — ${summary.cpus} cores (${summary.cpu})\n`);
  console.log(table(rows));
  await writeFile(`${RESULTS}summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(
    `\nbench-results/summary.json written; ${rows.filter((r) => r.pass === false).length} goal(s) missed.`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
