import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../workers/spawn';
import type { DedupeLoadReply, DedupeWorkerReply, DedupeWorkerRequest } from '../workers/dedupe.worker';
import type { KeyComputer } from './detect';
import { computePatternKeys } from './pattern-keys';
import type { LoadChunks, LoadedChunks } from './load-records';
import { F, type RecordTable } from './records';

/** Fields compared on codes alone (exact): their dictionaries are not copied into workers. */
const CODE_ONLY = new Set<number>([F.mobile, F.phone, F.country, F.townComp]);

/** The table as sent to a worker: each worker holds its own copy of the dictionaries. */
export function forWorkers(t: RecordTable): RecordTable {
  return { ...t, columns: t.columns.map((c, f) => (CODE_ONLY.has(f) ? { dict: [], codes: c.codes } : c)) };
}

/** Contacts loaded by a worker from which it is replaced after the load (see `retire`). */
const RETIRE_LOADER_FROM = 200_000;

/** Below this many candidate pairs, starting threads costs more than it saves. */
export const MIN_PAIRS_FOR_WORKERS = 200_000;
/** Largest slice of pairs sent at once; smaller when that gives each thread several slices. */
const CHUNK = 250_000;
const SLICES_PER_THREAD = 4;

/**
 * Slice size for `pairs` on `threads` workers: several slices per thread so the threads finish
 * together (one 250k slice and one 140k slice would leave a core idle for a third of the time).
 */
export function sliceSize(pairs: number, threads: number, slicesPerThread = SLICES_PER_THREAD): number {
  return Math.max(1, Math.min(CHUNK, Math.ceil(pairs / (threads * slicesPerThread))));
}

type Reply = DedupeWorkerReply | DedupeLoadReply;

interface Task {
  request: DedupeWorkerRequest;
  transfer: ArrayBuffer[];
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker?: Worker;
  current?: Task;
  /** The record table this worker holds (sent once per table). */
  table?: RecordTable;
}

/**
 * The dedupe worker threads of one run, shared by its phases: a worker reads half the contacts,
 * one compares the u estimate's random pairs during blocking, both compare the candidates.
 * Starting them once (instead of new threads per phase) saves their start-up, the copies of the
 * dictionaries and the cold comparison caches and JIT of every phase after the first: at 100k
 * contacts those fixed costs were a fifth of the run.
 *
 * Each worker runs one task at a time (its next message is that task's reply); tasks wait in a
 * queue for the first idle worker. Threads start lazily (`warm` starts them all now).
 */
export class DedupeWorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private failure: Error | undefined;
  private readonly retiring: Array<Promise<number>> = [];

  /** Threads started over the pool's life, replacements included (tests, diagnostics). */
  spawned = 0;

  /**
   * `retireLoaderFrom`: a thread that loaded at least this many contacts is replaced (see
   * `retire`); below it, its garbage is a few tens of MB and a replacement's start-up (~0.1 s
   * of CPU, while blocking and the random pairs need both cores) costs more than it saves.
   */
  constructor(
    readonly threads: number,
    private readonly options: { retireLoaderFrom?: number } = {},
  ) {
    this.slots = Array.from({ length: Math.max(0, threads) }, () => ({}));
  }

  /** Threads running now (for tests and diagnostics). */
  get started(): number {
    return this.slots.filter((s) => s.worker).length;
  }

  /** Starts every thread now, so their start-up overlaps work on this thread. */
  warm(): void {
    for (const slot of this.slots) this.ensure(slot);
  }

  /** A worker's share of the load: the chunks it claims from the back (see `LoadChunks`). */
  async load(dbPath: string, chunks: LoadChunks): Promise<LoadedChunks> {
    const reply = (await this.run({ type: 'load', dbPath, chunks }, [])) as DedupeLoadReply;
    if ('error' in reply) throw new Error(reply.error);
    return reply.loaded;
  }

  /**
   * Pattern keys of pairs on the pool's threads, in slices handed out as threads free up, on
   * at most `lanes` threads at once (default all). Fewer than `minPairs` pairs (default 200k)
   * are compared in-process. On abort it returns early (the job's next checkpoint throws).
   * `slicesPerLane: 1` sends each lane all its pairs at once: for pairs compared while this
   * thread is busy with synchronous work (blocking), since only this thread can hand a worker
   * its next slice.
   */
  keyComputer(
    hooks: {
      onChunk?: (done: number, total: number) => void;
      signal?: AbortSignal;
      minPairs?: number;
      lanes?: number;
      slicesPerLane?: number;
    } = {},
  ): KeyComputer {
    const minPairs = hooks.minPairs ?? MIN_PAIRS_FOR_WORKERS;
    return async (t, a, b) => {
      const lanes = Math.min(hooks.lanes ?? this.slots.length, this.slots.length);
      if (a.length === 0 || a.length < minPairs || lanes < 1) return computePatternKeys(t, a, b);
      this.shareTable(t);
      const out = new Float64Array(a.length);
      const chunk = sliceSize(a.length, lanes, hooks.slicesPerLane);
      let next = 0;
      let done = 0;
      const lane = async () => {
        while (next < a.length && !hooks.signal?.aborted) {
          const from = next;
          const to = Math.min(a.length, from + chunk);
          next = to;
          const reply = (await this.run(
            { type: 'pairs', seq: from, a: a.slice(from, to), b: b.slice(from, to) },
            [],
          )) as DedupeWorkerReply;
          if ('error' in reply) throw new Error(reply.error);
          out.set(reply.keys, reply.seq);
          done += reply.keys.length;
          hooks.onChunk?.(done, a.length);
        }
      };
      const all = Promise.all(Array.from({ length: lanes }, lane));
      all.catch(() => undefined); // when aborted, a later failure (pool closed) is nobody's concern
      let onAbort = () => undefined as void;
      const aborted = new Promise<void>((resolve) => (onAbort = () => resolve()));
      hooks.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        await Promise.race([all, aborted]);
      } finally {
        hooks.signal?.removeEventListener('abort', onAbort);
      }
      return out;
    };
  }

  /** Terminates the threads; tasks still running or queued fail. */
  async close(): Promise<void> {
    this.fail(new Error('dedupe worker pool closed'));
    await Promise.all([...this.slots.map((s) => s.worker?.terminate()), ...this.retiring]);
  }

  /** Sends `t` to every thread that does not hold it yet (before any of its pairs: messages are ordered). */
  private shareTable(t: RecordTable): void {
    let shared: RecordTable | undefined;
    for (const slot of this.slots) {
      if (slot.table === t) continue;
      const worker = this.ensure(slot);
      worker.postMessage({ type: 'table', table: (shared ??= forWorkers(t)) } satisfies DedupeWorkerRequest);
      slot.table = t;
    }
  }

  private run(request: DedupeWorkerRequest, transfer: ArrayBuffer[]): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply>((resolve, reject) => {
      this.queue.push({ request, transfer, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.current) continue;
      const task = this.queue.shift()!;
      slot.current = task;
      this.ensure(slot).postMessage(task.request, task.transfer);
    }
  }

  private ensure(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    const worker = spawnWorker('dedupe');
    this.spawned++;
    worker.on('message', (reply: Reply) => {
      const task = slot.current;
      slot.current = undefined;
      if (task?.request.type === 'load' && 'loaded' in reply) {
        if (reply.loaded.part.n >= (this.options.retireLoaderFrom ?? RETIRE_LOADER_FROM))
          this.retire(slot, worker);
      }
      task?.resolve(reply);
      this.dispatch();
    });
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => {
      if (slot.worker === worker) this.fail(new Error(`dedupe worker exited (${code})`));
    });
    slot.worker = worker;
    return worker;
  }

  /**
   * A thread that loaded many contacts is replaced by a fresh one (started on next use): its old
   * generation kept the garbage of its share of the load (JSON, interning maps of up to 500k
   * values at 1M contacts, ~100 MB) until a major GC that comparing rarely triggers.
   */
  private retire(slot: Slot, worker: Worker): void {
    slot.worker = undefined;
    slot.table = undefined;
    this.retiring.push(worker.terminate());
  }

  /** A thread failed or the pool closed: every pending task fails, and every later one. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) {
      slot.current?.reject(this.failure);
      slot.current = undefined;
    }
    for (const task of this.queue.splice(0)) task.reject(this.failure);
  }
}
