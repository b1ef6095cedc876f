/**
 * Formatting of bench results: the console table and the JSON file written next to it.
 */
import { cpus, totalmem } from 'node:os';
import type { BenchRow } from './harness';

export interface SectionError {
  section: string;
  message: string;
}

export interface BenchReport {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemMB: number;
    platform: string;
    arch: string;
    node: string;
    /** 1-minute load average when the run started and ended. */
    loadAverage?: { before: number; after: number };
  };
  options: { quick: boolean; only: string[] | null; sizes: { small: number; large: number; xlsx: number } };
  /** False while the run is still going (the file is rewritten after every section). */
  complete: boolean;
  /** Per section: wall time, CPU time and max RSS (MB) of its process. */
  sections: { name: string; ok: boolean; seconds: number; cpuSeconds?: number; maxRssMB?: number }[];
  rows: BenchRow[];
  errors: SectionError[];
  seconds: number;
}

export function machineInfo(): BenchReport['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemMB: Math.round(totalmem() / 1048576),
    platform: process.platform,
    arch: process.arch,
    node: process.version,
  };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function formatExtra(extra: BenchRow['extra']): string {
  if (!extra) return '';
  return Object.entries(extra)
    .map(
      ([k, v]) =>
        `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? integer.format(v) : v.toFixed(3)) : v}`,
    )
    .join(' ');
}

/** Plain-text table, one line per case; `met` shows ✓/✗ (blank when the case has no target). */
export function formatTable(rows: BenchRow[], errors: SectionError[]): string {
  const header = ['section', 'case', 'rows', 'seconds', 'rows/s', 'peak MB', 'extra', 'target', 'met'];
  const body = rows.map((r) => [
    r.section,
    r.case,
    integer.format(r.rows),
    r.seconds.toFixed(2),
    integer.format(r.rowsPerSecond),
    String(r.peakRssMB),
    formatExtra(r.extra),
    r.target ?? '',
    r.met === undefined ? '' : r.met ? '✓' : '✗',
  ]);
  const numeric = new Set([2, 3, 4, 5]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  for (const e of errors) out.push(`✗ ${e.section}: ${e.message}`);
  return out.join('\n');
}
