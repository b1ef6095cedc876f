/**
 * Shared bench plumbing. Each bench section lives in its own file (`<topic>.bench.ts`) exporting a
 * `BenchSection`; run.ts runs them in order and prints/writes the table.
 * Benchmarks measure; they never assert timings (that is not what unit tests are for).
 */
export interface BenchRow {
  section: string;
  case: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMB: number;
  /** Free-form extra figures: ratio vs sqlite3, F1, pairs/s … */
  extra?: Record<string, number | string>;
  target?: string;
  /** Whether the target was met (undefined when there is no target). */
  met?: boolean;
}

export interface BenchContext {
  /** Row counts to use (smaller with BENCH_QUICK=1). */
  sizes: { small: number; large: number; xlsx: number };
  /** Cached generated input files (tests/bench/data/). */
  dataDir: string;
  log: (line: string) => void;
}

export interface BenchSection {
  name: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** Samples this process's RSS every 20 ms while `fn` runs; returns the peak in MB. */
export async function measure<T>(
  fn: () => Promise<T> | T,
): Promise<{ result: T; seconds: number; peakRssMB: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const t0 = process.hrtime.bigint();
  try {
    const result = await fn();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds, peakRssMB: Math.round(peak / 1048576) };
  } finally {
    clearInterval(timer);
  }
}
