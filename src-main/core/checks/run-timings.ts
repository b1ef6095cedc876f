/**
 * Where a checks run spends its time: per stage of a batch and per check, in milliseconds.
 *
 * A batch times its own stages with performance.now() (two calls per check per group of 512
 * contacts: nothing measurable) and hands the times back with its findings; the run adds them
 * up. That is how the bench and `contact-prep check --timings` say which check costs what on a
 * real run, with workers, instead of guessing from a profile.
 *
 * The times are the wall clock of the thread that did the work (Node 20 has no per-thread CPU
 * clock). When busy threads outnumber cores — two checking workers and the writing thread on two
 * cores — each stage includes its share of waiting for a core, so the stages add up to more than
 * the run's CPU time. Read them as shares.
 */

/** Stages of a checking thread, before the checks' own slots in a BatchTimes array. */
export const CHECKING_STAGES = [
  /**
   * Reference data a thread loads before its first batch. The postal indexes load per country on
   * first use, so their build (~0.8 s a thread for the bench's countries) counts in the first
   * check that asks for one: postcode.
   */
  'load',
  /** SQLite read of the batch's rows. */
  'read',
  /** Contacts built from the rows' JSON. */
  'parse',
  /** Findings put back in contact order (checks run check by check). */
  'assemble',
  /** Findings packed for the copy to the writing thread (workers only). */
  'pack',
] as const;
export type CheckingStage = (typeof CHECKING_STAGES)[number];

/** Slot of a stage in a BatchTimes array. */
export const STAGE_SLOT = Object.fromEntries(CHECKING_STAGES.map((s, i) => [s, i])) as Record<
  CheckingStage,
  number
>;

/** One batch's times: CHECKING_STAGES, then one slot per check in run order (transferable). */
export type BatchTimes = Float64Array;

export function batchTimes(checkCount: number): BatchTimes {
  return new Float64Array(CHECKING_STAGES.length + checkCount);
}

/**
 * BatchTimes for one thread's batches, in order: the first one carries the thread's load time
 * (reference data read before its first batch), so it is counted once per thread.
 */
export function batchTimesAfterLoad(checkCount: number, loadMs: number): () => BatchTimes {
  let load = loadMs;
  return () => {
    const times = batchTimes(checkCount);
    times[STAGE_SLOT.load] = load;
    load = 0;
    return times;
  };
}

/** Slot of the check at `index` (run order) in a BatchTimes array. */
export function checkSlot(index: number): number {
  return CHECKING_STAGES.length + index;
}

/** A run's times, summed over its batches (ms, to 0.1). */
export interface RunTimings {
  /** Summed over the threads that checked contacts (the workers, or the run's own thread). */
  checking: Record<CheckingStage, number>;
  /** Per check, in run order. */
  checks: Record<string, number>;
  /** The run's own thread: findings written into the staging tables, then swapped in. */
  writing: { write: number; swap: number };
}

/** Adds batch times up over a run. */
export class RunTimer {
  private readonly totals: Float64Array;
  private write = 0;
  private swap = 0;

  constructor(private readonly checkNames: readonly string[]) {
    this.totals = batchTimes(checkNames.length);
  }

  addBatch(times: BatchTimes): void {
    for (let i = 0; i < this.totals.length; i++) this.totals[i]! += times[i] ?? 0;
  }

  /** Runs `fn` and adds its time to the writing thread's `write` (or `swap`). */
  timeWriting<T>(stage: 'write' | 'swap', fn: () => T): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      const ms = performance.now() - t0;
      if (stage === 'write') this.write += ms;
      else this.swap += ms;
    }
  }

  result(): RunTimings {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      checking: Object.fromEntries(CHECKING_STAGES.map((s, i) => [s, round(this.totals[i]!)])) as Record<
        CheckingStage,
        number
      >,
      checks: Object.fromEntries(this.checkNames.map((n, i) => [n, round(this.totals[checkSlot(i)]!)])),
      writing: { write: round(this.write), swap: round(this.swap) },
    };
  }
}

/** One line of a run's times: a stage or a check, its time and its share of all the times. */
export interface TimingShare {
  /** Short name: the stage, the check's name, `write` or `swap`. */
  name: string;
  /** Readable label: `check phone`, `write findings (writing thread)`… */
  label: string;
  isCheck: boolean;
  ms: number;
  /** Share of the summed times, 0–1. */
  share: number;
}

/** A run's times as one list, largest first (the CLI table and the bench's summary). */
export function timingShares(t: RunTimings): TimingShare[] {
  const lines: Array<Omit<TimingShare, 'share'>> = [
    ...Object.entries(t.checking).map(([name, ms]) => ({ name, label: name, isCheck: false, ms })),
    ...Object.entries(t.checks).map(([name, ms]) => ({ name, label: `check ${name}`, isCheck: true, ms })),
    { name: 'write', label: 'write findings (writing thread)', isCheck: false, ms: t.writing.write },
    { name: 'swap', label: 'swap in (writing thread)', isCheck: false, ms: t.writing.swap },
  ];
  const total = lines.reduce((sum, l) => sum + l.ms, 0) || 1;
  return lines.map((l) => ({ ...l, share: l.ms / total })).sort((a, b) => b.ms - a.ms);
}

/**
 * A run's times as lines `  label  ms  share` (largest first), for the CLI and the bench log.
 * Every check is listed, even at 0 ms; a stage that took no time (pack, in-thread) is left out.
 */
export function formatTimings(t: RunTimings): string[] {
  const lines = timingShares(t).filter((l) => l.ms > 0 || l.isCheck);
  const width = Math.max(...lines.map((l) => l.label.length));
  return lines.map(
    (l) =>
      `  ${l.label.padEnd(width)}  ${l.ms.toFixed(1).padStart(9)} ms  ${(100 * l.share).toFixed(1).padStart(5)} %`,
  );
}
