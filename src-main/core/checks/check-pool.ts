import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { spawnWorker } from '../workers/spawn';
import type { ChecksBatchReply, ChecksWorkerData } from '../workers/checks.worker';
import type { BatchResult } from './raw-contact';

interface Pending {
  resolve: (result: BatchResult) => void;
  reject: (e: Error) => void;
}

/** A fixed set of checks workers; each batch goes to the worker with the fewest batches in flight. */
export class CheckPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private failure: Error | undefined;

  constructor(size: number, data: ChecksWorkerData) {
    for (let i = 0; i < size; i++) {
      // A larger young generation (as for CSV parsing): every row allocates a parsed contact,
      // finding objects and libphonenumber temporaries that die within the batch.
      const w = spawnWorker('checks', { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      this.load.push(0);
      w.on('message', (reply: ChecksBatchReply) => {
        this.load[i]! -= 1;
        const p = this.pending.get(reply.seq);
        this.pending.delete(reply.seq);
        if (!p) return;
        if ('error' in reply) p.reject(AppError.internal(`Checks worker failed: ${reply.error}`));
        else p.resolve({ rows: reply.rows, values: reply.values });
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`Checks worker exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  /** Checks the active contacts with id in (after, upTo] in the least busy worker. */
  submit(after: number, upTo: number): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i]! < this.load[best]!) best = i;
    const seq = ++this.seq;
    this.load[best]! += 1;
    const done = new Promise<BatchResult>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    this.workers[best]!.postMessage({ seq, after, upTo });
    return done;
  }

  private fail(e: Error): void {
    this.failure ??= AppError.internal(`Checks worker failed: ${e.message}`);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
