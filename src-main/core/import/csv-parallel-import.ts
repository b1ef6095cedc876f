import type { Database } from 'better-sqlite3';
import type { ImportedSource } from '../../../shared/contract/import';
import { AppError } from '../../../shared/errors';
import { spawnWorker } from '../workers/spawn';
import type { CsvParseMessage, CsvParseRequest } from './csv-parse-protocol';
import type { ReadHooks } from './read-hooks';
import { SourceRowStore, type SourceMeta } from './source-writer';

/**
 * Two-core CSV import: the worker reads, decodes, parses and shapes rows; this thread only
 * stores them, inside the caller's transaction. A cancel or an error terminates the worker and
 * the caller's transaction rolls back, as in the single-thread path.
 */
export async function storeCsvFromWorker(
  conn: Database,
  request: CsvParseRequest,
  meta: SourceMeta,
  hooks: ReadHooks,
  totalBytes: number,
): Promise<ImportedSource> {
  // A larger young generation: parsing allocates millions of short-lived strings and arrays,
  // and with the default size scavenges take a third of the worker's time.
  const worker = spawnWorker('csv-parse', {
    workerData: request,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const queue: CsvParseMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let finished = false;
  worker.on('message', (m: CsvParseMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= AppError.internal(`The CSV parser stopped unexpectedly (exit code ${code}).`);
    wake?.();
  });
  const next = async (): Promise<CsvParseMessage> => {
    while (queue.length === 0) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    return queue.shift()!;
  };

  const store = new SourceRowStore(conn, meta);
  const phase = `Importing ${meta.fileName}`;
  try {
    for (;;) {
      const m = await next();
      switch (m.type) {
        case 'start':
          store.start(m.headerRow);
          break;
        case 'rows': {
          const d = m.data;
          for (let i = 0; i < d.length; i += 3)
            store.insert(d[i] as number, d[i + 1] as string, d[i + 2] as string | null);
          worker.postMessage({ type: 'ack' });
          hooks.progress(phase, m.bytes, totalBytes);
          await hooks.checkpoint();
          break;
        }
        case 'error':
          throw new AppError(m.error.code, m.error.message, m.error.details, m.error.kind);
        case 'done':
          finished = true;
          hooks.progress(phase, totalBytes, totalBytes);
          return store.finish({ size: m.size, sha256: m.sha256 }, m.table);
      }
    }
  } finally {
    finished = true;
    void worker.terminate();
  }
}
