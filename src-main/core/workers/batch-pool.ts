import { parentPort, type Transferable, type Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { spawnWorker } from './spawn';

/** What a pool sends a worker: one batch, numbered so the reply finds its promise. */
export interface BatchRequest<Req> {
  seq: number;
  batch: Req;
}
export type BatchReply<Res> = { seq: number; result: Res } | { seq: number; error: string };

interface Pending<Res> {
  resolve: (result: Res) => void;
  reject: (e: Error) => void;
}

/**
 * A fixed set of workers of one kind (`src-main/core/workers/<name>.worker.ts`); each batch goes
 * to the worker with the fewest batches in flight. Callers await the promises in submission order
 * when output order matters. The first worker failure rejects every pending and later batch.
 */
export class BatchPool<Req, Res> {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending<Res>>();
  private seq = 0;
  private failure: Error | undefined;

  /**
   * `label` names the workers in errors ("Checks worker failed: …"). `youngGenerationMb`: a
   * larger young generation than V8's default, since every batch allocates rows, strings and
   * results that die within it (64 measured for CSV parsing and export; checks pass more).
   */
  constructor(
    name: string,
    size: number,
    workerData: unknown,
    private readonly label: string,
    youngGenerationMb = 64,
  ) {
    for (let i = 0; i < size; i++) {
      const w = spawnWorker(name, {
        workerData,
        resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
      });
      this.load.push(0);
      w.on('message', (reply: BatchReply<Res>) => {
        this.load[i]! -= 1;
        const p = this.pending.get(reply.seq);
        this.pending.delete(reply.seq);
        if (!p) return;
        if ('error' in reply) p.reject(AppError.internal(`${label} failed: ${reply.error}`));
        else p.resolve(reply.result);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`${label} exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  submit(batch: Req): Promise<Res> {
    if (this.failure) return Promise.reject(this.failure);
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    const seq = ++this.seq;
    this.load[best]! += 1;
    const done = new Promise<Res>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    // Callers await batches in order: a later batch may fail while an earlier one is awaited.
    // Marking it handled here keeps that from being an unhandled rejection; awaiting it still throws.
    done.catch(() => undefined);
    this.workers[best]!.postMessage({ seq, batch } satisfies BatchRequest<Req>);
    return done;
  }

  private fail(e: Error): void {
    this.failure ??= AppError.internal(`${this.label} failed: ${e.message}`);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * The worker side of a BatchPool: answers each batch with `handle(batch)`, or with the error it
 * threw. `transferOf` lists buffers to move instead of copy (they must belong to this result).
 */
export function serveBatches<Req, Res>(
  handle: (batch: Req) => Res,
  transferOf: (result: Res) => Transferable[] = () => [],
): void {
  parentPort!.on('message', (req: BatchRequest<Req>) => {
    try {
      const result = handle(req.batch);
      parentPort!.postMessage({ seq: req.seq, result } satisfies BatchReply<Res>, transferOf(result));
    } catch (e) {
      parentPort!.postMessage({ seq: req.seq, error: (e as Error).message } satisfies BatchReply<Res>);
    }
  });
}
