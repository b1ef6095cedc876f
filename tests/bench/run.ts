/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` that exports `section: BenchSection`, in a
 * fixed order (import, export, checks, dedupe, then the others by name), each in its own child
 * process so the peak RSS of one section is not inflated by another's heap. Prints one table and
 * writes `tests/bench/results/latest.json` (full runs) or `latest-partial.json` (BENCH_QUICK or
 * BENCH_ONLY runs, so a quick check never overwrites the figures of a full run).
 *
 * Options (environment):
 *   BENCH_QUICK=1             small sizes (20k / 50k / 20k XLSX) for a fast smoke run
 *   BENCH_ONLY=import,dedupe  only these sections (file names without `.bench.ts`)
 *   BENCH_OUT=path.json       write the results there instead
 *   BENCH_TIMEOUT_S=1800      kill a section that runs longer
 *   BENCH_SECTIONS_DIR=dir    look for *.bench.ts there (tests of the runner)
 * A section that throws is reported and the others still run; the exit code is then 1.
 *
 * Worker threads come from the product's bundle: the runner builds it first (`scripts/build.mjs`)
 * and runs each section with CONTACT_PREP_BUNDLED_WORKERS=1, so workers start as users run them
 * (from sources, tsx compiles each worker's TypeScript on start, about a second per worker).
 *
 * Child mode (internal): `run.ts --child <file>` runs one section and sends its rows over IPC.
 */
import { execFileSync, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, machineInfo, type BenchReport, type SectionError } from './bench-report';
import { discoverSections, parseOnly } from './bench-sections';
import type { BenchContext, BenchRow, BenchSection } from './harness';
import { BUNDLED_WORKERS_ENV } from '../../src-main/core/workers/spawn';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(BENCH_DIR, '..', '..');
const QUICK = process.env.BENCH_QUICK === '1';
const SIZES = QUICK
  ? { small: 20_000, large: 50_000, xlsx: 20_000 }
  : { small: 100_000, large: 1_000_000, xlsx: 200_000 };

/** Rows (or the error) plus the section process's own resource use. */
type ChildMessage = ({ rows: BenchRow[] } | { error: string }) & { maxRssMB: number; cpuSeconds: number };
/** A section still running after this long is killed and reported (BENCH_TIMEOUT_S, default 30 min). */
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 1800) * 1000;

const round2 = (x: number): number => Math.round(x * 100) / 100;

function context(sectionName: string): BenchContext {
  return {
    sizes: SIZES,
    dataDir: join(BENCH_DIR, 'data'),
    log: (line) => process.stderr.write(`  [${sectionName}] ${line}\n`),
  };
}

async function runChild(file: string): Promise<void> {
  const send = (m: { rows: BenchRow[] } | { error: string }): Promise<void> => {
    const usage = process.resourceUsage();
    const message: ChildMessage = {
      ...m,
      maxRssMB: Math.round(usage.maxRSS / 1024),
      cpuSeconds: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e5) / 10,
    };
    return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  };
  let failed = false;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { section?: BenchSection };
    if (!mod.section || typeof mod.section.run !== 'function') {
      throw new Error(`${basename(file)} does not export \`section: BenchSection\``);
    }
    const rows = await mod.section.run(context(mod.section.name));
    await send({ rows });
  } catch (err) {
    failed = true;
    await send({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  // A section may leave worker pools or timers behind; they must not keep the run waiting.
  process.exit(failed ? 1 : 0);
}

/** Runs one section file in a child process with the same Node flags (tsx loader, --expose-gc). */
function runSectionProcess(
  file: string,
): Promise<{ rows: BenchRow[]; maxRssMB: number; cpuSeconds: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', file], {
      execArgv: process.execArgv,
      env: { ...process.env, [BUNDLED_WORKERS_ENV]: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let message: ChildMessage | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('message', (m) => (message = m as ChildMessage));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (message && 'rows' in message) resolve(message);
      else if (message && 'error' in message) reject(new Error(message.error));
      else if (signal === 'SIGKILL') reject(new Error(`killed after the ${TIMEOUT_MS / 1000} s timeout`));
      else reject(new Error(`section process ended without results (exit ${code ?? signal})`));
    });
  });
}

async function main(): Promise<void> {
  const only = parseOnly(process.env.BENCH_ONLY);
  const files = discoverSections(process.env.BENCH_SECTIONS_DIR ?? BENCH_DIR, only);
  if (files.length === 0) {
    console.error(`no bench sections found${only ? ` for BENCH_ONLY=${only.join(',')}` : ''}`);
    process.exit(1);
  }
  const t0 = performance.now();
  // Fresh bundle, so the workers measured are those of the current sources.
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  console.error(`bench: worker threads run from the fresh bundle (dist/workers, ${BUNDLED_WORKERS_ENV}=1)`);
  const loadBefore = loadavg()[0]!;
  const rows: BenchRow[] = [];
  const errors: SectionError[] = [];
  const sections: BenchReport['sections'] = [];
  const out =
    process.env.BENCH_OUT ??
    join(BENCH_DIR, 'results', QUICK || only ? 'latest-partial.json' : 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  const buildReport = (running: boolean): BenchReport => ({
    date: new Date().toISOString(),
    // Other processes on the machine skew wall times; the 1-minute load average shows how much.
    machine: { ...machineInfo(), loadAverage: { before: round2(loadBefore), after: round2(loadavg()[0]!) } },
    options: { quick: QUICK, only, sizes: SIZES },
    complete: !running,
    sections,
    rows,
    errors,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  });
  console.error(`bench: ${files.map((f) => basename(f, '.bench.ts')).join(', ')}${QUICK ? ' (quick)' : ''}`);
  for (const file of files) {
    const name = basename(file, '.bench.ts');
    const started = performance.now();
    console.error(`▶ ${name}`);
    const seconds = (): number => Math.round((performance.now() - started) / 100) / 10;
    try {
      const result = await runSectionProcess(file);
      rows.push(...result.rows);
      const { maxRssMB, cpuSeconds } = result;
      sections.push({ name, ok: true, seconds: seconds(), cpuSeconds, maxRssMB });
      console.error(`✓ ${name} (${seconds()} s, CPU ${cpuSeconds} s, max RSS ${maxRssMB} MB)`);
      if (result.rows.length > 0) console.error(formatTable(result.rows, []));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      errors.push({ section: name, message: message.split('\n')[0]! });
      sections.push({ name, ok: false, seconds: seconds() });
      console.error(`✗ ${name} failed:\n${message}`);
    }
    // Written after every section too, so an interrupted run still leaves the figures it has.
    writeFileSync(out, JSON.stringify(buildReport(true), null, 2) + '\n');
  }
  const report = buildReport(false);
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  const m = report.machine;
  console.log(
    `\nContactPrep bench — ${report.date}, ${m.cpus} × ${m.cpuModel}, Node ${m.node}${QUICK ? ', QUICK' : ''}`,
  );
  console.log(formatTable(rows, errors));
  const load = report.machine.loadAverage;
  if (load && load.after > m.cpus) {
    console.log(
      `note: load average ${load.before} → ${load.after} on ${m.cpus} CPUs: wall times are inflated`,
    );
  }
  console.log(`\nwritten to ${out} (${report.seconds} s)`);
  if (errors.length > 0) process.exitCode = 1;
}

if (process.argv[2] === '--child') await runChild(process.argv[3]!);
else await main();
