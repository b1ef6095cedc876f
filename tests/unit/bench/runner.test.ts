import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../bench/bench-report';
import { discoverSections, parseOnly } from '../../bench/bench-sections';
import type { BenchRow } from '../../bench/harness';
import { tempDir } from '../../helpers/temp-workspace';

const RUN_TS = join(import.meta.dirname, '../../bench/run.ts');

function sectionFile(dir: string, name: string, body: string): void {
  writeFileSync(join(dir, `${name}.bench.ts`), body);
}

const okSection = (name: string): string => `export const section = {
  name: '${name}',
  async run(ctx) {
    ctx.log('sizes ' + ctx.sizes.small);
    return [{ section: '${name}', case: 'noop', rows: ctx.sizes.small, seconds: 0.5,
      rowsPerSecond: ctx.sizes.small * 2, peakRssMB: 50, extra: { ratio: 1.25 }, target: '≤ 2x', met: true }];
  },
};
`;

describe('bench runner', () => {
  it('orders sections import, export, checks, dedupe, then the others by name', () => {
    const dir = tempDir();
    for (const n of ['zeta', 'dedupe', 'generator', 'import', 'checks', 'export']) sectionFile(dir, n, '');
    writeFileSync(join(dir, 'harness.ts'), '');
    const names = (only: string[] | null): string[] =>
      discoverSections(dir, only).map((f) => f.slice(dir.length + 1, -'.bench.ts'.length));
    expect(names(null)).toEqual(['import', 'export', 'checks', 'dedupe', 'generator', 'zeta']);
    expect(names(parseOnly('dedupe, import'))).toEqual(['import', 'dedupe']);
    expect(parseOnly('')).toBeNull();
  });

  it('prints targets as ✓/✗ and extras in the table', () => {
    const row: BenchRow = {
      section: 's',
      case: 'c',
      rows: 1000,
      seconds: 2,
      rowsPerSecond: 500,
      peakRssMB: 10,
    };
    const table = formatTable(
      [
        { ...row, target: 'x', met: true, extra: { F1: 0.9612, pairs: 1234 } },
        { ...row, case: 'd', target: 'y', met: false },
      ],
      [{ section: 'broken', message: 'boom' }],
    );
    expect(table).toContain('F1=0.961 pairs=1,234');
    expect(table).toMatch(/x\s+✓/);
    expect(table).toMatch(/y\s+✗/);
    expect(table).toContain('✗ broken: boom');
  });

  it('runs each section in a child process, keeps going after a failing one and exits non-zero', () => {
    const dir = tempDir();
    sectionFile(dir, 'import', okSection('import'));
    sectionFile(
      dir,
      'checks',
      `export const section = { name: 'checks', async run() { throw new Error('checks exploded'); } };`,
    );
    sectionFile(dir, 'dedupe', okSection('dedupe'));
    sectionFile(dir, 'nosection', `export const other = 1;`);
    // Leaves a timer running, like a worker pool nobody closed: the runner must not hang on it.
    sectionFile(
      dir,
      'export',
      okSection('export').replace('async run(ctx) {', 'async run(ctx) { setInterval(() => {}, 1000);'),
    );
    const out = join(dir, 'out.json');
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', RUN_TS], {
      env: { ...process.env, BENCH_SECTIONS_DIR: dir, BENCH_OUT: out, BENCH_QUICK: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('checks exploded');
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.rows.map((x: BenchRow) => x.section)).toEqual(['import', 'export', 'dedupe']);
    expect(report.sections.map((x: { name: string; ok: boolean }) => `${x.name}:${x.ok}`)).toEqual([
      'import:true',
      'export:true',
      'checks:false',
      'dedupe:true',
      'nosection:false',
    ]);
    expect(report.rows[0].rows).toBe(20_000);
    expect(report.errors.map((e: { section: string }) => e.section)).toEqual(['checks', 'nosection']);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    expect(r.stdout).toMatch(/import\s+noop\s+20,000/);
  });
});
